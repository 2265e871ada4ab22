import { describe, expect, it } from 'vitest';
import { syncIssuePatches } from '../../../src/domain/checks/sync-issues.ts';
import { documents } from '../../../src/domain/models/document.ts';
import { parseRecords } from '../../../src/domain/models/parse-records.ts';
import { purchaseOrders } from '../../../src/domain/models/purchase-order.ts';

const raw = (id: string, fields: Record<string, unknown>) => ({ id, createdTime: '2026-01-01T00:00:00.000Z', fields });
const ID_A = 'recAAAAAAAAAAAAAA';
const ID_B = 'recBBBBBBBBBBBBBB';

describe('Sync issues write-back', () => {
  it('writes each problem of a malformed row on its own line, and leaves valid rows alone', () => {
    const rows = [raw(ID_A, { 'PO number': 'PO-1', Status: 'Shipped?', 'Ship-by date': '31/02/2027' }), raw(ID_B, { 'PO number': 'PO-2', Project: [ID_A], Supplier: [ID_A], Status: 'RFQ' })];
    const { problems } = parseRecords(purchaseOrders, rows);
    const patches = syncIssuePatches(purchaseOrders, rows, problems);
    expect(patches).toHaveLength(1);
    expect(patches[0]!.id).toBe(ID_A);
    const text = String(patches[0]!.fields['Sync issues']);
    expect(text).toContain('"Status" is "Shipped?", not one of RFQ');
    expect(text).toContain('"Ship-by date" is "31/02/2027", not a date');
    expect(text.split('\n')).toHaveLength(4); // Project, Supplier, Status, Ship-by date
  });

  it('writes nothing when the cell already says it, and clears it once the row is fixed', () => {
    const bad = [raw(ID_A, { 'PO number': 'PO-1', Project: [ID_B], Supplier: [ID_B], Status: 'Nope' })];
    const first = syncIssuePatches(purchaseOrders, bad, parseRecords(purchaseOrders, bad).problems);
    const stored = [raw(ID_A, { ...bad[0]!.fields, 'Sync issues': first[0]!.fields['Sync issues'] })];
    expect(syncIssuePatches(purchaseOrders, stored, parseRecords(purchaseOrders, stored).problems)).toEqual([]);
    const fixed = [raw(ID_A, { ...stored[0]!.fields, Status: 'RFQ' })];
    expect(syncIssuePatches(purchaseOrders, fixed, parseRecords(purchaseOrders, fixed).problems)).toEqual([{ id: ID_A, fields: { 'Sync issues': null } }]);
  });

  it('keeps lines other jobs wrote', () => {
    const rows = [raw(ID_A, { 'PO number': 'PO-1', Project: [ID_B], Supplier: [ID_B], Status: 'RFQ', 'Sync issues': 'Notion: page archived\n"Status" is "Nope", not one of RFQ' })];
    expect(syncIssuePatches(purchaseOrders, rows, [])).toEqual([{ id: ID_A, fields: { 'Sync issues': 'Notion: page archived' } }]);
  });

  it('has nothing to write on a table without the field', () => {
    const rows = [raw(ID_A, { Name: 'x', Kind: 'Memo' })];
    expect(parseRecords(documents, rows).problems).toHaveLength(1);
    expect(syncIssuePatches(documents, rows, parseRecords(documents, rows).problems)).toEqual([]);
  });
});
