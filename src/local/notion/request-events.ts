/**
 * Which webhook events a successful API request raises (https://developers.notion.com/reference/webhooks-events-delivery):
 * a comment → comment.created; a page created → page.created; page properties written → page.properties_updated
 * (with the IDs of the properties sent); trash/restore → page.deleted / page.undeleted; blocks appended, updated or
 * deleted → page.content_updated of the page they belong to (with the blocks).
 */
import type { NotionContext } from './render.ts';
import type { Json } from './request-body.ts';
import type { NotionEvent } from './webhooks.ts';

export interface HandledRequest {
  method: string;
  pattern: string;
  params: string[];
  body: Json | undefined;
  response: Json;
}

export function eventsOf(ctx: NotionContext, req: HandledRequest): NotionEvent[] {
  const base = { authors: [{ id: ctx.botId, type: 'bot' as const }], timestamp: new Date(ctx.nowMs).toISOString() };
  const id = String(req.response['id'] ?? '');
  switch (`${req.method} ${req.pattern}`) {
    case 'POST /v1/comments': {
      const parent = req.response['parent'] as { type: string; page_id?: string; block_id?: string } | undefined;
      const parentId = parent?.page_id ?? parent?.block_id ?? '';
      const pageId = pageOf(ctx, parentId);
      return [{ ...base, type: 'comment.created', entity: { id, type: 'comment' }, data: { page_id: pageId, parent: { id: parentId, type: parent?.type === 'block_id' ? 'block' : 'page' } } }];
    }
    case 'POST /v1/pages':
      return [{ ...base, type: 'page.created', entity: { id, type: 'page' }, data: { parent: parentOf(ctx, id) } }];
    case 'PATCH /v1/pages/:id': {
      const events: NotionEvent[] = [];
      const trash = req.body?.['in_trash'] ?? req.body?.['archived'];
      if (typeof trash === 'boolean') events.push({ ...base, type: trash ? 'page.deleted' : 'page.undeleted', entity: { id, type: 'page' }, data: { parent: parentOf(ctx, id) } });
      const properties = req.body?.['properties'];
      if (properties && typeof properties === 'object') {
        events.push({ ...base, type: 'page.properties_updated', entity: { id, type: 'page' }, data: { parent: parentOf(ctx, id), updated_properties: propertyIds(ctx, id, Object.keys(properties)) } });
      }
      return events;
    }
    case 'PATCH /v1/blocks/:id/children': {
      const pageId = pageOf(ctx, req.params[0] ?? '');
      const results = (req.response['results'] as { id: string }[] | undefined) ?? [];
      return pageId ? [{ ...base, type: 'page.content_updated', entity: { id: pageId, type: 'page' }, data: { parent: parentOf(ctx, pageId), updated_blocks: results.map((b) => ({ id: b.id, type: 'block' })) } }] : [];
    }
    case 'PATCH /v1/blocks/:id':
    case 'DELETE /v1/blocks/:id': {
      const pageId = pageOf(ctx, req.params[0] ?? '');
      return pageId ? [{ ...base, type: 'page.content_updated', entity: { id: pageId, type: 'page' }, data: { parent: parentOf(ctx, pageId), updated_blocks: [{ id: req.params[0], type: 'block' }] } }] : [];
    }
    default:
      return [];
  }
}

/** The page a block lives on (the block itself when it is a page). */
function pageOf(ctx: NotionContext, id: string): string | undefined {
  let current = id;
  for (let depth = 0; depth < 64; depth += 1) {
    if (ctx.store.getPage(current)) return current;
    const block = ctx.store.getBlock(current);
    if (!block) return undefined;
    current = block.parent_id;
  }
  return undefined;
}

/** A page's parent as events name it: the database (with its data source), the parent page, or the workspace. */
function parentOf(ctx: NotionContext, pageId: string): Record<string, unknown> {
  const page = ctx.store.getPage(pageId);
  const parent = page?.parent;
  if (parent?.type === 'data_source_id') return { id: parent.database_id, type: 'database', data_source_id: parent.data_source_id };
  if (parent?.type === 'page_id') return { id: parent.page_id, type: 'page' };
  return { id: pageId, type: 'space' };
}

function propertyIds(ctx: NotionContext, pageId: string, names: string[]): string[] {
  const dataSourceId = ctx.store.getPage(pageId)?.data_source_id;
  const schema = dataSourceId ? ctx.store.getDataSource(dataSourceId)?.properties ?? [] : [];
  return names.map((name) => schema.find((p) => p.name === name || p.id === name)?.id ?? name);
}
