/**
 * Applies the factories' proposed dates the agency accepted: a milestone whose "Proposal status" the agent set to
 * Approved gets the proposed date as its planned date, and the status Applied. With the agency setting
 * "Auto-accept supplier dates", a proposal that keeps the ship-by date is applied without the agent. A declined
 * proposal stays as it is (the factory sees "declined"). Writes only planned date, status, "Updated via" and
 * "Planned by" = Person: an accepted date is a commitment, so the planner must keep it rather than recompute it.
 */
import { agency as agencyModel } from '../../domain/models/agency.ts';
import { milestones } from '../../domain/models/milestone.ts';
import { parseRecords } from '../../domain/models/parse-records.ts';
import { purchaseOrders } from '../../domain/models/purchase-order.ts';
import { shipByEffect } from '../../domain/supplier-portal/ship-by-effect.ts';
import type { RequestCounter } from '../../lib/request-counter.ts';
import type { AirtableRecordsPort } from '../../ports/airtable.ts';
import { startReport, type JobReport } from '../report.ts';

const M = milestones.fields;

export interface ApplyProposalsDeps {
  records: AirtableRecordsPort;
  counter: RequestCounter;
  now(): Date;
}

export interface ApplyProposalsDetails {
  applied: { milestone: string; from?: string | undefined; to: string; how: 'approved' | 'auto-accepted' }[];
  waiting: string[];
}

export async function applySupplierProposals(deps: ApplyProposalsDeps): Promise<JobReport<ApplyProposalsDetails>> {
  const { finish } = startReport('supplier-dates', deps);
  const problems: string[] = [];
  const pending = parseRecords(
    milestones,
    await deps.records.list(milestones.table, { matchAny: [{ field: M.proposalStatus, equals: 'Approved' }, { field: M.proposalStatus, equals: 'Proposed' }] }),
  );
  problems.push(...pending.problems.map(String));
  const details: ApplyProposalsDetails = { applied: [], waiting: [] };
  if (pending.records.length === 0) return finish(problems, details);

  const proposed = pending.records.filter((m) => m.proposalStatus === 'Proposed');
  let autoAccept = false;
  const shipBy = new Map<string, string | undefined>();
  const siblings = new Map<string, typeof pending.records>();
  if (proposed.length > 0) {
    const agency = parseRecords(agencyModel, await deps.records.list(agencyModel.table, { maxRecords: 1 }));
    autoAccept = agency.records[0]?.autoAcceptSupplierDates ?? false;
    if (autoAccept) {
      const poIds = new Set(proposed.map((m) => m.po));
      const pos = parseRecords(purchaseOrders, await deps.records.list(purchaseOrders.table, { fields: [purchaseOrders.fields.poNumber, purchaseOrders.fields.shipBy, purchaseOrders.fields.project, purchaseOrders.fields.supplier, purchaseOrders.fields.status] }));
      for (const po of pos.records) if (poIds.has(po.id)) shipBy.set(po.id, po.shipBy);
      const numbers = pos.records.filter((p) => poIds.has(p.id)).map((p) => ({ field: M.po, equals: p.poNumber }));
      const all = parseRecords(milestones, numbers.length > 0 ? await deps.records.list(milestones.table, { matchAny: numbers }) : []);
      for (const m of all.records) siblings.set(m.po, [...(siblings.get(m.po) ?? []), m]);
    }
  }

  const writes: { id: string; fields: Record<string, unknown> }[] = [];
  for (const m of pending.records) {
    if (!m.proposedDate) {
      problems.push(`Milestones ${m.milestone}: "Proposal status" is ${m.proposalStatus} but "Proposed date" is empty; nothing applied`);
      continue;
    }
    let how: 'approved' | 'auto-accepted' | undefined;
    if (m.proposalStatus === 'Approved') how = 'approved';
    else if (autoAccept && shipByEffect(siblings.get(m.po) ?? [m], { kind: m.kind, date: m.proposedDate }, shipBy.get(m.po)).keepsShipBy) how = 'auto-accepted';
    if (!how) {
      details.waiting.push(`${m.milestone}: ${m.proposedDate} waits for the agent`);
      continue;
    }
    writes.push({ id: m.id, fields: { [M.plannedDate]: m.proposedDate, [M.plannedBy]: 'Person', [M.proposalStatus]: 'Applied', [M.updatedVia]: 'Agent' } });
    details.applied.push({ milestone: m.milestone, from: m.plannedDate, to: m.proposedDate, how });
  }
  // https://airtable.com/developers/web/api/update-multiple-records (batches of 10 in the adapter)
  if (writes.length > 0) await deps.records.update(milestones.table, writes);
  return finish(problems, details);
}
