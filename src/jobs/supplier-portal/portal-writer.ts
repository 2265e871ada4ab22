/**
 * Records one portal action in Airtable, findable before it is made twice: the Updates row carries the form's
 * idempotency key and is written LAST (an upsert on Key), after the PO / milestone / inspection fields it changes.
 * A form sent twice finds its row and changes nothing; a run that dies half-way is redone by the resend, and its
 * field changes are plain sets, so redoing them is harmless. Nothing here deletes or clears.
 */
import { inspections } from '../../domain/models/inspection.ts';
import { milestones } from '../../domain/models/milestone.ts';
import { parseRecords } from '../../domain/models/parse-records.ts';
import { purchaseOrders } from '../../domain/models/purchase-order.ts';
import { updates } from '../../domain/models/update.ts';
import type { PlannedAction } from '../../domain/supplier-portal/portal-actions.ts';
import type { AirtableRecordsPort, Fields } from '../../ports/airtable.ts';

const U = updates.fields;

export interface RecordedAction {
  /** False when the key was already recorded (a repeated form): nothing was written. */
  written: boolean;
  updateId: string;
}

/** The Updates row of a form key, if any. */
export async function findUpdate(records: AirtableRecordsPort, key: string): Promise<string | undefined> {
  const rows = await records.list(updates.table, { matchAny: [{ field: U.key, equals: key }], fields: [U.key], maxRecords: 1 });
  return rows[0]?.id;
}

/** Keys being written in this process right now: a double click lands on the same promise. */
const inFlight = new Map<string, Promise<RecordedAction>>();

export function recordAction(
  records: AirtableRecordsPort,
  input: { key: string; poId: string; planned: PlannedAction; submittedBy: string; now: Date; today: string; driveFiles: string[] },
): Promise<RecordedAction> {
  const running = inFlight.get(input.key);
  if (running) return running.then((r) => ({ ...r, written: false }));
  const work = write(records, input).finally(() => inFlight.delete(input.key));
  inFlight.set(input.key, work);
  return work;
}

async function write(
  records: AirtableRecordsPort,
  input: { key: string; poId: string; planned: PlannedAction; submittedBy: string; now: Date; today: string; driveFiles: string[] },
): Promise<RecordedAction> {
  const existing = await findUpdate(records, input.key);
  if (existing) return { written: false, updateId: existing };
  const { planned } = input;
  if (planned.po) await records.update(purchaseOrders.table, [{ id: input.poId, fields: planned.po }]);
  if (planned.milestone) await records.update(milestones.table, [planned.milestone]);
  if (planned.inspection) await records.update(inspections.table, [planned.inspection]);
  const fields: Fields = {
    [U.update]: planned.update.title,
    [U.po]: [input.poId],
    [U.date]: input.today,
    [U.source]: 'Supplier portal',
    [U.text]: planned.update.text,
    [U.key]: input.key,
    [U.submittedBy]: input.submittedBy,
    [U.submittedAt]: input.now.toISOString(),
    ...(planned.update.milestoneId ? { [U.milestone]: [planned.update.milestoneId] } : {}),
    ...(planned.update.inspectionId ? { [U.inspection]: [planned.update.inspectionId] } : {}),
    ...(input.driveFiles.length > 0 ? { [U.driveFiles]: input.driveFiles.join('\n') } : {}),
  };
  // https://airtable.com/developers/web/api/update-multiple-records (performUpsert on Key): two instances racing
  // on the same key end with one row.
  const result = await records.upsert(updates.table, [fields], [U.key]);
  const id = result.records[0]?.id;
  if (!id) throw new Error(`Updates: the upsert of ${input.key} answered no record`);
  return { written: true, updateId: id };
}

/** Parsed Updates of a PO (for tests and the viewer of what a factory sent). */
export async function portalUpdatesOf(records: AirtableRecordsPort, poNumber: string) {
  const rows = await records.list(updates.table, { matchAny: [{ field: U.po, equals: poNumber }] });
  return parseRecords(updates, rows).records.filter((u) => u.source === 'Supplier portal');
}
