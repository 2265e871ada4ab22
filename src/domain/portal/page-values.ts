/**
 * Page property values as the portal writes them, free of the SDK (the adapter maps them to Notion's property
 * value objects). A relation first names Airtable records; the sync resolves them to Notion page IDs.
 */
import type { RichText } from './rich-text.ts';

export type PortalValue =
  | { type: 'title'; text: RichText }
  | { type: 'text'; text: RichText }
  | { type: 'select'; name: string | null }
  | { type: 'date'; date: string | null }
  | { type: 'number'; value: number | null }
  /** Notion page IDs once resolved; Airtable record IDs before. */
  | { type: 'relation'; ids: string[] };

export type PortalProperties = Record<string, PortalValue>;

export const title = (text: RichText): PortalValue => ({ type: 'title', text });
export const richText = (text: RichText): PortalValue => ({ type: 'text', text });
export const select = (name: string | undefined | null): PortalValue => ({ type: 'select', name: name ?? null });
export const date = (value: string | undefined | null): PortalValue => ({ type: 'date', date: value ?? null });
export const number = (value: number | undefined | null): PortalValue => ({ type: 'number', value: value ?? null });
export const relation = (ids: string[]): PortalValue => ({ type: 'relation', ids });

/**
 * Replaces the Airtable record IDs of every relation by Notion page IDs. A record without a page yet is left out
 * (it gets one later in the same run, or the relation is completed on the next run).
 */
export function resolveRelations(properties: PortalProperties, pageIdOf: (airtableId: string) => string | undefined): PortalProperties {
  const out: PortalProperties = {};
  for (const [name, value] of Object.entries(properties)) {
    out[name] = value.type === 'relation' ? relation(value.ids.flatMap((id) => pageIdOf(id) ?? [])) : value;
  }
  return out;
}
