/**
 * Portals built before issue 10 carried "Airtable ID" and "Sync hash" on every page, where clients read them. The
 * next sync finds the pages (by those values or the rows' links), keeps their IDs and comments, moves the hash to
 * Airtable ("Portal sync hash") and removes both columns. And a run that stopped before writing a page link back
 * never makes a second page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageOfRecord, portalsUnder, rowsOf, startPortalKit, type PortalKit } from './portal-kit.ts';

const LEGACY = ['Airtable ID', 'Sync hash'];

describe('sync-portals: migrating old portals, and finding pages after a restart', () => {
  let kit: PortalKit;

  beforeEach(async () => {
    kit = await startPortalKit();
    expect((await kit.sync()).problems).toEqual([]);
  }, 60_000);
  afterEach(async () => {
    await kit.ws.close();
  });

  /** Turns the fresh portals into what the version before issue 10 left: bookkeeping on the pages, none in Airtable. */
  async function makeOldPortals(): Promise<Map<string, string>> {
    const rich = (content: string) => ({ rich_text: [{ text: { content } }] });
    const pageOf = new Map<string, string>();
    for (const table of ['Projects', 'Purchase Orders']) {
      const rows = await kit.records.list(table);
      for (const row of rows) {
        const url = row.fields['Notion page'];
        if (typeof url !== 'string') continue;
        const pageId = url.replace(/-/g, '').slice(-32);
        pageOf.set(row.id, pageId);
        const hash = String(row.fields['Portal sync hash'] ?? '');
        const page = (await kit.sdk.pages.retrieve({ page_id: pageId })) as unknown as { parent: { data_source_id: string } };
        await kit.sdk.dataSources.update({ data_source_id: page.parent.data_source_id, properties: { 'Airtable ID': { rich_text: {} }, 'Sync hash': { rich_text: {} } } });
        await kit.sdk.pages.update({ page_id: pageId, properties: { 'Airtable ID': rich(row.id), 'Sync hash': rich(hash) } });
      }
      // The old version had no "Portal sync hash"; half the rows also lost their link (say, edited by hand).
      await kit.records.update(table, rows.map((r, i) => ({ id: r.id, fields: { 'Portal sync hash': null, ...(i % 2 === 0 ? { 'Notion page': null } : {}) } })));
    }
    return pageOf;
  }

  it('removes the old columns, keeps every page and comment, rewrites nothing that did not change', async () => {
    const pageOf = await makeOldPortals();
    const kettle = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2404').catch(() => undefined);
    const poId = await kit.idOf('Purchase Orders', 'PO number', 'PO-2404');
    const commentPage = kettle?.id ?? pageOf.get(poId) ?? '';
    const comment = await kit.sdk.comments.create({ parent: { page_id: commentPage }, rich_text: [{ text: { content: 'Old comment' } }] });

    const report = await kit.sync();

    expect(report.problems).toEqual([]);
    expect(report.details.pages).toMatchObject({ created: 0, archived: 0, updated: 0 });
    expect(report.details.legacyColumnsRemoved).toBe(6);
    for (const portal of await portalsUnder(kit.sdk, kit.rootPageId)) {
      for (const dataSourceId of Object.values(portal.dataSources)) {
        const source = await kit.sdk.dataSources.retrieve({ data_source_id: dataSourceId });
        expect(Object.keys(source.properties).filter((name) => LEGACY.includes(name))).toEqual([]);
        for (const row of await rowsOf(kit.sdk, dataSourceId)) expect(Object.keys(row.properties).filter((n) => LEGACY.includes(n))).toEqual([]);
      }
    }
    // Same pages (IDs), links and hashes back in Airtable, the comment still on its page.
    for (const table of ['Projects', 'Purchase Orders']) {
      for (const row of await kit.records.list(table)) {
        const before = pageOf.get(row.id);
        if (!before) continue;
        expect(String(row.fields['Notion page']).replace(/-/g, '').slice(-32)).toBe(before);
        expect(row.fields['Portal sync hash']).toMatch(/^v1 p=/);
      }
    }
    const comments = await kit.sdk.comments.list({ block_id: commentPage });
    expect(comments.results.map((c) => c.id)).toContain(comment.id);
    // Migrated: the next run only reads.
    expect((await kit.sync()).details.writes).toEqual({ airtable: 0, notion: 0 });
  });

  it('a page whose link never reached Airtable is found again by its title, never made twice', async () => {
    const page = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2408');
    const id = await kit.idOf('Purchase Orders', 'PO number', 'PO-2408');
    await kit.records.update('Purchase Orders', [{ id, fields: { 'Notion page': null, 'Portal sync hash': null } }]);

    const report = await kit.sync();

    expect(report.details.pages.created).toBe(0);
    expect((await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2408')).id).toBe(page.id);
    const portal = (await portalsUnder(kit.sdk, kit.rootPageId)).find((p) => p.title.startsWith('Saltbush'));
    const rows = await rowsOf(kit.sdk, portal?.dataSources['Purchase Orders'] ?? '');
    expect(rows.filter((r) => JSON.stringify(r.properties).includes('PO-2408'))).toHaveLength(1);
  });
});
