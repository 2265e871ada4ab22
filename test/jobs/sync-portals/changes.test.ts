import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockText, blockTree, isWrite, pageOfRecord, prop, startPortalKit, type PortalKit } from './portal-kit.ts';

describe('sync-portals: only what changed is written', () => {
  let kit: PortalKit;

  beforeEach(async () => {
    kit = await startPortalKit();
    const first = await kit.sync();
    expect(first.problems).toEqual([]);
  }, 60_000);
  afterEach(async () => {
    await kit.ws.close();
  });

  it('a changed field updates that one page, and nothing else is written', async () => {
    const id = await kit.idOf('Projects', 'Project', 'Harborline · LED desk lamp');
    await kit.records.update('Projects', [{ id, fields: { 'Target delivery date': '2027-09-30' } }]);
    const seq = await kit.lastSeq();

    const report = await kit.sync();

    expect(report.details.pages).toMatchObject({ created: 0, updated: 1, archived: 0 });
    expect(report.details.changes).toEqual([
      expect.objectContaining({ client: 'Harborline Home', kind: 'project', label: 'Harborline · LED desk lamp', action: 'updated', properties: true }),
    ]);
    const page = await pageOfRecord(kit, 'Projects', 'Project', 'Harborline · LED desk lamp');
    expect(prop(page, 'Target delivery')).toBe('2027-09-30');
    const writes = (await kit.requestsSince(seq)).filter(isWrite);
    // The one Airtable write is the record's new "Portal sync hash" (the page itself carries no bookkeeping).
    expect(writes.filter((w) => w.service === 'airtable').map((w) => `${w.method} ${w.path.split('/')[3]}`)).toEqual(['PATCH Projects']);
    expect((await kit.records.list('Projects', { matchAny: [{ field: 'Project', equals: 'Harborline · LED desk lamp' }] }))[0]?.fields['Portal sync hash']).toMatch(/^v1 p=[0-9a-f]{12} summary=/);
    const pageIdPlain = page.id.replace(/-/g, '');
    expect(writes.filter((w) => w.path.startsWith('/v1/pages/')).map((w) => w.path.replace(/-/g, ''))).toEqual([`/v1/pages/${pageIdPlain}`]);
  });

  it('a change in one body section rewrites only that section\'s blocks', async () => {
    const inspection = await kit.idOf('Inspections', 'Inspection', 'PO-2407 · DUPRO');
    const before = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2407');
    const blocksBefore = await blockTree(kit.sdk, before.id);
    await kit.records.update('Inspections', [{ id: inspection, fields: { 'Minor defects found': 9 } }]);
    const seq = await kit.lastSeq();

    const report = await kit.sync();

    expect(report.details.changes).toEqual([expect.objectContaining({ label: 'PO-2407', action: 'updated', properties: false, sections: ['inspections'] })]);
    const blocksAfter = await blockTree(kit.sdk, before.id);
    const ids = (list: typeof blocksBefore) => new Set(list.map((b) => b.id));
    const removed = blocksBefore.filter((b) => !ids(blocksAfter).has(b.id));
    const added = blocksAfter.filter((b) => !ids(blocksBefore).has(b.id));
    // The inspections table (and its rows) were replaced; every other block kept its ID.
    expect(removed.every((b) => b.type === 'table' || b.type === 'table_row')).toBe(true);
    expect(removed.some((b) => blockText(b).includes('0 / 14 / 12'))).toBe(true);
    expect(added.some((b) => blockText(b).includes('0 / 14 / 9'))).toBe(true);
    expect(blocksAfter.filter((b) => b.type === 'heading_2').map(blockText)).toEqual(['Summary', 'Milestones', 'Inspections', 'Latest updates', 'Documents']);
    // The new table sits under the Inspections heading, before Latest updates.
    const order = blocksAfter.filter((b) => b.type !== 'table_row').map((b) => (b.type === 'heading_2' ? blockText(b) : b.type));
    expect(order.slice(order.indexOf('Inspections'), order.indexOf('Latest updates'))).toEqual(['Inspections', 'table']);

    const writes = (await kit.requestsSince(seq)).filter(isWrite);
    expect(writes.map((w) => `${w.method} ${w.path.split('/').slice(0, 3).join('/')}${w.path.endsWith('/children') ? '/…/children' : ''}`).sort()).toEqual(
      ['DELETE /v1/blocks', 'PATCH /v1/blocks/…/children', `PATCH /v0/${kit.baseId}`].sort(),
    );
  });

  it('a cancelled PO\'s page is archived, not deleted, and comes back when the PO is reopened', async () => {
    const id = await kit.idOf('Purchase Orders', 'PO number', 'PO-2411');
    const page = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2411');
    await kit.records.update('Purchase Orders', [{ id, fields: { Status: 'Cancelled' } }]);

    const cancelled = await kit.sync();
    expect(cancelled.details.changes).toContainEqual(expect.objectContaining({ kind: 'po', label: 'PO-2411', action: 'archived' }));
    const archived = (await kit.sdk.pages.retrieve({ page_id: page.id })) as unknown as { in_trash: boolean };
    expect(archived.in_trash).toBe(true);
    expect((await kit.sync()).details.writes).toEqual({ airtable: 0, notion: 0 });

    await kit.records.update('Purchase Orders', [{ id, fields: { Status: 'Negotiating' } }]);
    const reopened = await kit.sync();
    expect(reopened.details.changes).toContainEqual(expect.objectContaining({ label: 'PO-2411', action: 'restored' }));
    const back = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2411');
    expect(back.id).toBe(page.id);
    expect(back.in_trash).toBe(false);
    expect(prop(back, 'Status')).toBe('Negotiating');
  });

  it('a deleted record\'s page is archived', async () => {
    const id = await kit.idOf('Purchase Orders', 'PO number', 'PO-2414');
    const page = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2414');
    await kit.records.delete('Purchase Orders', [id]);
    const report = await kit.sync();
    expect(report.details.changes).toContainEqual(expect.objectContaining({ label: 'PO-2414', action: 'archived' }));
    expect(((await kit.sdk.pages.retrieve({ page_id: page.id })) as unknown as { in_trash: boolean }).in_trash).toBe(true);
  });
});
