/**
 * Search (https://developers.notion.com/reference/post-search): pages and data sources whose title contains the
 * query (case-insensitive), optionally only one kind, sorted by `last_edited_time` (newest first by default; Notion's
 * own "relevance" order is not emulated).
 */
import { bodyValidation } from './errors.ts';
import { instant } from './filters.ts';
import { compareKeys, keysetPage, listEnvelope, type SortKey } from './pagination.ts';
import { pageTitle, renderDataSource, renderPage, type NotionContext } from './render.ts';
import { allowOnly, isObject, pageSize, preview, type Json } from './request-body.ts';
import { plainText } from './rich-text.ts';

interface Hit {
  key: SortKey;
  render(): Json;
}

// POST /v1/search — https://developers.notion.com/reference/post-search
export function search(ctx: NotionContext, body: Json): Json {
  allowOnly(body, ['sort', 'query', 'start_cursor', 'page_size', 'filter']);
  const size = pageSize(body['page_size'], 'body.page_size');
  const text = body['query'] === undefined ? '' : body['query'];
  if (typeof text !== 'string') throw bodyValidation('body.query', `should be a string, instead was \`${preview(text)}\``);
  const { kind, inTrash } = searchFilter(body['filter']);
  const direction = sortDirection(body['sort']);
  const needle = text.trim().toLowerCase();
  const matches = (title: string): boolean => needle === '' || title.toLowerCase().includes(needle);
  const hits: Hit[] = [];
  if (kind !== 'data_source') {
    for (const page of ctx.store.allPages()) {
      if (page.in_trash !== inTrash || !matches(pageTitle(ctx, page))) continue;
      hits.push({ key: [instant(page.last_edited_time), `p${String(page.seq).padStart(12, '0')}`], render: () => renderPage(ctx, page) });
    }
  }
  if (kind !== 'page') {
    for (const ds of ctx.store.allDataSources()) {
      if (ds.in_trash !== inTrash || !matches(plainText(ds.title))) continue;
      hits.push({ key: [instant(ds.last_edited_time), `d${String(ds.seq).padStart(12, '0')}`], render: () => renderDataSource(ctx, ds) });
    }
  }
  const compare = compareKeys([direction, direction]);
  hits.sort((a, b) => compare(a.key, b.key));
  const page = keysetPage(hits, (h) => h.key, compare, body['start_cursor'], size, 'body.start_cursor');
  return listEnvelope('page_or_data_source', { ...page, results: page.results.map((h) => h.render()) });
}

function searchFilter(raw: unknown): { kind: 'page' | 'data_source' | undefined; inTrash: boolean } {
  if (raw === undefined) return { kind: undefined, inTrash: false };
  if (!isObject(raw)) throw bodyValidation('body.filter', `should be an object, instead was \`${preview(raw)}\``);
  allowOnly(raw, ['property', 'value', 'in_trash'], 'body.filter');
  const inTrash = raw['in_trash'] === true;
  if (raw['property'] === undefined) return { kind: undefined, inTrash };
  if (raw['property'] !== 'object') throw bodyValidation('body.filter.property', `should be \`object\`, instead was \`${preview(raw['property'])}\``);
  const value = raw['value'];
  if (value !== 'page' && value !== 'data_source') {
    throw bodyValidation('body.filter.value', `should be \`page\` or \`data_source\`, instead was \`${preview(value)}\``);
  }
  return { kind: value, inTrash };
}

function sortDirection(raw: unknown): 'ascending' | 'descending' {
  if (raw === undefined) return 'descending';
  if (!isObject(raw)) throw bodyValidation('body.sort', `should be an object, instead was \`${preview(raw)}\``);
  if (raw['property'] === 'relevance') return 'descending';
  if (raw['timestamp'] !== 'last_edited_time') {
    throw bodyValidation('body.sort.timestamp', `should be \`last_edited_time\`, instead was \`${preview(raw['timestamp'])}\``);
  }
  const direction = raw['direction'];
  if (direction !== 'ascending' && direction !== 'descending') {
    throw bodyValidation('body.sort.direction', `should be \`ascending\` or \`descending\`, instead was \`${preview(direction)}\``);
  }
  return direction;
}
