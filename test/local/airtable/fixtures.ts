/**
 * Shared set-up for the Airtable emulator tests: a PO base made through the meta API (plain fetch, as airtable.js
 * cannot reach /v0/meta), and airtable.js pointed at the local workspace.
 */
import Airtable from 'airtable';
import type { TestWorkspace } from '../../helpers/workspace.ts';

export const WORKSPACE_ID = 'wspLocalTests0001';

export interface MetaTable {
  id: string;
  name: string;
  primaryFieldId: string;
  fields: { id: string; name: string; type: string; options?: Record<string, unknown>; description?: string }[];
  views: { id: string; name: string; type: string }[];
}

export async function meta(ws: TestWorkspace, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${ws.url}/v0/meta${path}`, {
    method,
    headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** airtable.js as the adapters configure it, without its endless 429 retry. */
export function airtable(ws: TestWorkspace, baseId: string, apiKey = ws.token): Airtable.Base {
  return new Airtable({ apiKey, endpointUrl: ws.url, noRetryIfRateLimited: true }).base(baseId);
}

export const PO_FIELDS = [
  { name: 'PO number', type: 'singleLineText' },
  { name: 'Notes', type: 'multilineText' },
  { name: 'Qty', type: 'number', options: { precision: 0 } },
  { name: 'Unit price', type: 'currency', options: { precision: 2, symbol: '$' } },
  { name: 'Deposit', type: 'percent', options: { precision: 0 } },
  { name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'RFQ' }, { name: 'Quoted' }, { name: 'Shipped' }] } },
  { name: 'Tags', type: 'multipleSelects', options: { choices: [{ name: 'Urgent' }, { name: 'Fragile' }] } },
  { name: 'Ship-by', type: 'date', options: { dateFormat: { name: 'iso' } } },
  { name: 'Booked at', type: 'dateTime', options: { dateFormat: { name: 'iso' }, timeFormat: { name: '24hour' }, timeZone: 'utc' } },
  { name: 'Contract signed', type: 'checkbox', options: { icon: 'check', color: 'greenBright' } },
  { name: 'Email', type: 'email' },
  { name: 'Website', type: 'url' },
  { name: 'Phone', type: 'phoneNumber' },
  { name: 'Specs', type: 'richText' },
  { name: 'Rating', type: 'rating', options: { icon: 'star', max: 5, color: 'yellowBright' } },
  { name: 'Lead time', type: 'duration', options: { durationFormat: 'h:mm' } },
  { name: 'Photos', type: 'multipleAttachments' },
];

export interface PoBase {
  baseId: string;
  orders: MetaTable;
  suppliers: MetaTable;
  /** The link field Purchase Orders → Suppliers. */
  supplierFieldId: string;
  base: Airtable.Base;
}

/** A base with "Suppliers" and "Purchase Orders" (every supported field type) linked by "Supplier". */
export async function createPoBase(ws: TestWorkspace): Promise<PoBase> {
  const created = await meta(ws, 'POST', '/bases', {
    name: 'PO base',
    workspaceId: WORKSPACE_ID,
    tables: [
      { name: 'Suppliers', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'City', type: 'singleLineText' }] },
      { name: 'Purchase Orders', fields: PO_FIELDS },
    ],
  });
  if (created.status !== 200) throw new Error(`create base failed: ${JSON.stringify(created.body)}`);
  const baseId: string = created.body.id;
  const [suppliers, orders] = created.body.tables as MetaTable[];
  const link = await meta(ws, 'POST', `/bases/${baseId}/tables/${orders!.id}/fields`, {
    name: 'Supplier',
    type: 'multipleRecordLinks',
    options: { linkedTableId: suppliers!.id },
  });
  if (link.status !== 200) throw new Error(`create link failed: ${JSON.stringify(link.body)}`);
  return { baseId, orders: orders!, suppliers: suppliers!, supplierFieldId: link.body.id, base: airtable(ws, baseId) };
}

/** The AirtableError a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<{ error: string; message: string; statusCode: number }> {
  try {
    await promise;
  } catch (error) {
    return error as { error: string; message: string; statusCode: number };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
