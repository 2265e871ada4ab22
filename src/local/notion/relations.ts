/**
 * Two-way (`dual_property`) relations: Notion adds the synced property to the target data source and keeps both
 * sides' values in step when either side is written (https://developers.notion.com/reference/property-object#relation).
 */
import { propertyId } from './ids.ts';
import type { PropertySchema } from './property-schema.ts';
import type { Json } from './request-body.ts';
import type { NotionContext } from './render.ts';
import { plainText } from './rich-text.ts';
import type { DataSourceRow, PageRow } from './store.ts';

function isDual(p: PropertySchema): boolean {
  return p.type === 'relation' && p.config['type'] === 'dual_property';
}

function dual(p: PropertySchema): Json {
  return p.config['dual_property'] as Json;
}

/** Creates the synced property on the target of every new dual relation of `ds`; saves both data sources. */
export function linkDualRelations(ctx: NotionContext, ds: DataSourceRow): DataSourceRow {
  for (const property of ds.properties) {
    if (!isDual(property) || dual(property)['synced_property_id'] !== '') continue;
    const targetId = property.config['data_source_id'] as string;
    const target = targetId === ds.id ? ds : ctx.store.getDataSource(targetId);
    if (!target) continue;
    let name = `Related to ${plainText(ds.title) || 'Untitled'} (${property.name})`;
    while (target.properties.some((p) => p.name === name)) name = `${name} `;
    const synced: PropertySchema = {
      id: propertyId(),
      name,
      type: 'relation',
      description: null,
      config: {
        database_id: ds.database_id,
        data_source_id: ds.id,
        type: 'dual_property',
        dual_property: { synced_property_id: property.id, synced_property_name: property.name },
      },
    };
    target.properties.push(synced);
    property.config['dual_property'] = { synced_property_id: synced.id, synced_property_name: name };
    if (target !== ds) ctx.store.putDataSource({ ...target, last_edited_time: ctx.stamp });
  }
  ctx.store.putDataSource(ds);
  return ds;
}

function ids(value: Json | undefined): string[] {
  const list = value?.['relation'];
  return Array.isArray(list) ? list.map((r: Json) => String(r['id'])) : [];
}

/** After `page` changed from `before`, adds or removes it on the other side of each dual relation it touched. */
export function syncDualValues(ctx: NotionContext, ds: DataSourceRow, page: PageRow, before: Record<string, Json>): void {
  for (const property of ds.properties) {
    if (!isDual(property)) continue;
    const old = new Set(ids(before[property.id]));
    const now = new Set(ids(page.properties[property.id]));
    const syncedId = String(dual(property)['synced_property_id']);
    for (const targetId of new Set([...old, ...now])) {
      if (old.has(targetId) === now.has(targetId)) continue;
      const target = ctx.store.getPage(targetId);
      if (!target || target.data_source_id !== property.config['data_source_id']) continue;
      const current = ids(target.properties[syncedId]).filter((id) => id !== page.id);
      if (now.has(targetId)) current.push(page.id);
      const value = { type: 'relation', relation: current.map((id) => ({ id })), has_more: false };
      ctx.store.putPage({ ...target, properties: { ...target.properties, [syncedId]: value }, last_edited_time: ctx.stamp });
    }
  }
}
