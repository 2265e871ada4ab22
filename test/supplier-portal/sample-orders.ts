/** A new order for Hongda (the sample has only one PO awaiting confirmation, Huamei's PO-2404). */
import { addDays } from '../../src/domain/calendar/iso-date.ts';
import { parseRecords } from '../../src/domain/models/parse-records.ts';
import { purchaseOrders } from '../../src/domain/models/purchase-order.ts';
import type { AirtableRecordsPort } from '../../src/ports/airtable.ts';

export async function addHongdaOrder(records: AirtableRecordsPort, today: string): Promise<string> {
  const existing = parseRecords(purchaseOrders, await records.list(purchaseOrders.table)).records.find((p) => p.poNumber === 'PO-2407')!;
  const [po] = await records.create(purchaseOrders.table, [
    { 'PO number': 'PO-9001', Project: [existing.project], Supplier: [existing.supplier], Status: 'PO placed', 'Order date': today, 'Ship-by date': addDays(today, 60), 'Packaging instructions': 'Each backpack in a PE bag; 10 per carton.' },
  ]);
  await records.create('Milestones', [
    { Milestone: 'PO-9001 · Production start', PO: [po!.id], Kind: 'Production start', 'Planned date': addDays(today, 3) },
    { Milestone: 'PO-9001 · Production complete', PO: [po!.id], Kind: 'Production complete', 'Planned date': addDays(today, 30) },
    { Milestone: 'PO-9001 · ETD', PO: [po!.id], Kind: 'ETD', 'Planned date': addDays(today, 45) },
  ]);
  await records.create('Line Items', [{ SKU: 'HD-BP-22', PO: [po!.id], Description: 'Backpack 22 L, polyester 600D', 'Description (中文)': '22升双肩包，600D涤纶', Quantity: 3000, Unit: 'pcs', 'Units per carton': 10 }]);
  return po!.id;
}
