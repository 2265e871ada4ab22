/**
 * The cycle's shared read through the real adapter against the local workspace: after each kind of write, every
 * list answered from memory must equal what Airtable answers, while the table is read from Airtable only once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAirtableAdapters, type AirtableAdapters } from '../../../src/adapters/airtable/index.ts';
import { CachedRecords } from '../../../src/jobs/snapshot/cached-records.ts';
import { RequestCounter } from '../../../src/lib/request-counter.ts';
import type { AirtableRecordsPort, ListOptions } from '../../../src/ports/airtable.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';

describe('CachedRecords (one read of the base per cycle)', () => {
  let ws: TestWorkspace;
  let counter: RequestCounter;
  let airtable: AirtableAdapters;
  let records: AirtableRecordsPort;
  /** The same base through a second adapter with its own counter: the reference answers, not counted above. */
  let direct: AirtableRecordsPort;

  beforeEach(async () => {
    ws = await startTestWorkspace();
    counter = new RequestCounter();
    airtable = createAirtableAdapters({ endpointUrl: ws.url, apiKey: ws.token, counter, requestsPerSecond: 1000, penaltyMs: 50 });
    const base = await airtable.meta.createBase('Cache test', 'wspTest0000000000', [
      { name: 'Purchase Orders', fields: [{ name: 'PO number', type: 'singleLineText' }, { name: 'Quantity', type: 'number', options: { precision: 0 } }] },
    ]);
    const schema = await airtable.meta.getSchema(base.id);
    const pos = schema.find((t) => t.name === 'Purchase Orders');
    if (!pos) throw new Error('no Purchase Orders table');
    await airtable.meta.createTable(base.id, {
      name: 'Milestones',
      fields: [
        { name: 'Milestone', type: 'singleLineText' },
        { name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'Planned' }, { name: 'Done' }] } },
        { name: 'PO', type: 'multipleRecordLinks', options: { linkedTableId: pos.id } },
      ],
    });
    records = airtable.records(base.id);
    direct = createAirtableAdapters({ endpointUrl: ws.url, apiKey: ws.token, counter: new RequestCounter(), requestsPerSecond: 1000 }).records(base.id);
  });

  afterEach(async () => {
    await ws.close();
  });

  const lists: [string, ListOptions][] = [
    ['whole rows', {}],
    ['some fields', { fields: ['PO number'] }],
    ['a match', { matchAny: [{ field: 'PO number', equals: 'PO-0007' }, { field: 'PO number', equals: 'PO-0300' }] }],
  ];

  async function expectSameAsAirtable(cached: CachedRecords, milestoneIds: string[]): Promise<void> {
    for (const [what, options] of lists) {
      expect(await cached.list('Purchase Orders', options), what).toEqual(await direct.list('Purchase Orders', options));
    }
    const some = { recordIds: milestoneIds.filter((_, i) => i % 7 === 0) };
    expect(await cached.list('Milestones', some)).toEqual(await direct.list('Milestones', some));
    expect(await cached.list('Milestones')).toEqual(await direct.list('Milestones'));
  }

  it('answers every list as Airtable does after creates, updates, upserts and deletes, reading each table once', async () => {
    const pos = await records.create('Purchase Orders', Array.from({ length: 1_300 }, (_, i) => ({ 'PO number': `PO-${String(i).padStart(4, '0')}`, Quantity: i })));
    const milestones = await records.create('Milestones', pos.slice(0, 400).map((po, i) => ({ Milestone: `M${i}`, Status: 'Planned', PO: [po.id] })));
    const cached = new CachedRecords(records);
    await cached.list('Purchase Orders');
    await cached.list('Milestones');
    const reads = counter.snapshot()['airtable']?.byOperation['list'] ?? 0;
    expect(reads).toBe(13 + 4);

    // More than a fold's worth of writes: updates in place, new rows at the end, deletes, upserts on a key.
    await cached.update('Purchase Orders', pos.slice(0, 1_100).map((po, i) => ({ id: po.id, fields: { Quantity: i * 2 } })));
    await cached.create('Purchase Orders', [{ 'PO number': 'PO-9000', Quantity: 1 }, { 'PO number': 'PO-9001', Quantity: 2 }]);
    await cached.delete('Purchase Orders', [pos[5]!.id, pos[1_250]!.id]);
    await cached.upsert('Purchase Orders', [{ 'PO number': 'PO-0300', Quantity: 7 }, { 'PO number': 'PO-9002', Quantity: 3 }], ['PO number']);
    // A new milestone changes its PO's inverse link on Airtable: the PO is read back before the next list.
    await cached.create('Milestones', [{ Milestone: 'M-new', Status: 'Done', PO: [pos[7]!.id] }]);
    await cached.update('Milestones', milestones.slice(0, 50).map((m) => ({ id: m.id, fields: { Status: 'Done' } })));
    // A milestone moved to another PO: both POs' inverse links change (one loses it, one gains it).
    await cached.update('Milestones', [{ id: milestones[10]!.id, fields: { PO: [pos[11]!.id] } }]);

    const afterWrites = counter.snapshot()['airtable']?.byOperation['list'] ?? 0;
    await expectSameAsAirtable(cached, milestones.map((m) => m.id));
    expect(cached.fullReads).toEqual(['Purchase Orders', 'Milestones']);
    // No second full read, and no read-back of records whose links did not move (the 1,100 POs' quantities, the 50
    // milestones' statuses): one read by ID of the POs the new and the moved milestone name (pos[7], pos[10],
    // pos[11]) and one of the milestone whose PO was deleted (milestone 5).
    const readBack = (counter.snapshot()['airtable']?.byOperation['list'] ?? 0) - afterWrites;
    expect(readBack).toBe(1 + 1);
  });
});
