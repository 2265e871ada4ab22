/**
 * Portal content (plain data from src/domain/portal) into Notion request objects: rich text items, property
 * values, property schemas and blocks (https://developers.notion.com/reference/rich-text,
 * /page-property-values, /property-object, /block). The domain already made everything fit Notion's limits.
 */
import type { BlockObjectRequest, CreatePageParameters, CreateDataSourceParameters } from '@notionhq/client';
import type { ChildBlock, PortalBlock } from '../../domain/portal/blocks.ts';
import type { PortalProperties, PortalValue } from '../../domain/portal/page-values.ts';
import type { DatabaseKey, PortalPropertyKind } from '../../domain/portal/portal-layout.ts';
import type { RichText } from '../../domain/portal/rich-text.ts';

export type PropertyRequests = NonNullable<CreatePageParameters['properties']>;
export type SchemaRequests = NonNullable<CreateDataSourceParameters['properties']>;
type RichTextRequest = { type: 'text'; text: { content: string; link: { url: string } | null }; annotations?: { bold: boolean } };

export function richTextRequest(spans: RichText): RichTextRequest[] {
  return spans.map((s) => ({
    type: 'text',
    text: { content: s.text, link: s.link ? { url: s.link } : null },
    ...(s.bold ? { annotations: { bold: true } } : {}),
  }));
}

function valueRequest(value: PortalValue): unknown {
  switch (value.type) {
    case 'title':
      return { title: richTextRequest(value.text) };
    case 'text':
      return { rich_text: richTextRequest(value.text) };
    case 'select':
      return { select: value.name === null ? null : { name: value.name } };
    case 'date':
      return { date: value.date === null ? null : { start: value.date } };
    case 'number':
      return { number: value.value };
    case 'relation':
      return { relation: value.ids.map((id) => ({ id })) };
  }
}

export function propertyRequests(properties: PortalProperties): PropertyRequests {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(properties)) out[name] = valueRequest(value);
  return out as PropertyRequests;
}

/** A property's schema; a relation names the data source it points to. */
export function schemaRequest(kind: PortalPropertyKind, dataSourceOf: (key: DatabaseKey) => string | undefined): unknown {
  switch (kind.kind) {
    case 'title':
      return { title: {} };
    case 'text':
      return { rich_text: {} };
    case 'select':
      return { select: { options: kind.options.map((name) => ({ name })) } };
    case 'date':
      return { date: {} };
    case 'number':
      return { number: { format: 'number' } };
    case 'relation': {
      const target = dataSourceOf(kind.to);
      if (!target) throw new Error(`the ${kind.to} data source must exist before a relation to it`);
      return { relation: { data_source_id: target, type: 'single_property', single_property: {} } };
    }
  }
}

export function schemaRequests(properties: Record<string, PortalPropertyKind>, dataSourceOf: (key: DatabaseKey) => string | undefined): SchemaRequests {
  const out: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(properties)) out[name] = schemaRequest(kind, dataSourceOf);
  return out as SchemaRequests;
}

function childRequest(block: ChildBlock): unknown {
  if (block.type === 'image') return { type: 'image', image: { type: 'external', external: { url: block.url }, caption: richTextRequest(block.caption) } };
  return { type: 'paragraph', paragraph: { rich_text: richTextRequest(block.text) } };
}

export function blockRequest(block: PortalBlock): BlockObjectRequest {
  let out: unknown;
  switch (block.type) {
    case 'heading':
      out = { type: 'heading_2', heading_2: { rich_text: richTextRequest(block.text) } };
      break;
    case 'paragraph':
      out = { type: 'paragraph', paragraph: { rich_text: richTextRequest(block.text) } };
      break;
    case 'callout':
      out = { type: 'callout', callout: { rich_text: richTextRequest(block.text), icon: { type: 'emoji', emoji: block.emoji } } };
      break;
    case 'image':
      out = childRequest(block);
      break;
    case 'bullet':
      out = {
        type: 'bulleted_list_item',
        bulleted_list_item: {
          rich_text: richTextRequest(block.text),
          ...(block.children && block.children.length > 0 ? { children: block.children.map(childRequest) } : {}),
        },
      };
      break;
    case 'table': {
      const row = (cells: RichText[]) => ({ type: 'table_row', table_row: { cells: cells.map(richTextRequest) } });
      out = {
        type: 'table',
        table: {
          table_width: block.header.length,
          has_column_header: true,
          has_row_header: false,
          children: [row(block.header.map((h) => [{ text: h }])), ...block.rows.map(row)],
        },
      };
      break;
    }
  }
  return out as BlockObjectRequest;
}
