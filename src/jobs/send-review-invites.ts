/**
 * `sourcing reviews`: milestone review meetings as calendar invites. Each needed review (src/domain/reviews) gets a
 * Reviews row with a slot in its attendees' shared working hours; the row's SEQUENCE rises when the slot moves or the
 * review is cancelled, and every SEQUENCE is mailed once as an iMIP invite (REQUEST, or CANCEL) through the Outbox:
 *   1. the Reviews row (created or updated: findable by its Key before anything is mailed),
 *   2. the mail, exactly once through the Outbox (reminder-outbox.ts; key "invite:<sequence>:<review key>"),
 *   3. the review's "Sent sequence" and the "Review invite" note on the milestone or alert. A run killed before 3
 *      leaves a live Outbox row for the key: the next run finds it and finishes 3 without mailing again.
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { agency as agencyModel } from '../domain/models/agency.ts';
import { alerts as alertModel } from '../domain/models/alert.ts';
import { clients, type Client } from '../domain/models/client.ts';
import { disclosures, type Disclosure } from '../domain/models/disclosure.ts';
import { inspections, type Inspection } from '../domain/models/inspection.ts';
import { milestones, type Milestone } from '../domain/models/milestone.ts';
import { parseRecords } from '../domain/models/parse-records.ts';
import { people } from '../domain/models/person.ts';
import { projects } from '../domain/models/project.ts';
import { purchaseOrders } from '../domain/models/purchase-order.ts';
import { reviews as reviewModel, type Review } from '../domain/models/review.ts';
import { suppliers, type Supplier } from '../domain/models/supplier.ts';
import { clientAsSeenBySupplier, supplierAsSeenByClient } from '../domain/confidentiality/policy.ts';
import { clientIdentity, policyFromPoBase } from '../domain/confidentiality/po-base-policy.ts';
import type { PurchaseOrder } from '../domain/models/purchase-order.ts';
import type { Project } from '../domain/models/project.ts';
import { messageIdFor } from '../domain/reminders/dedupe-keys.ts';
import { inviteCalendar } from '../domain/reviews/invite-calendar.ts';
import { inviteMail } from '../domain/reviews/invite-mail.ts';
import { mayNeedReview, neededReviews, type NeededReview, type ReviewAttendee } from '../domain/reviews/review-needs.ts';
import { proposeSlot } from '../domain/reviews/review-slot.ts';
import type { RequestCounter } from '../lib/request-counter.ts';
import type { AirtableRecordsPort, Fields } from '../ports/airtable.ts';
import type { MailAddress, MailPort } from '../ports/mail.ts';
import { dropKeys, NOT_HELD, readTables } from './read-tables.ts';
import { deliverOnce, doneKeys, rowsForKeys, settleInterrupted, type OutboxMessage } from './reminder-outbox.ts';
import { startReport, type JobReport } from './report.ts';

const R = reviewModel.fields;
/** A slot starting sooner than this is not proposed any more: people need time to see the invite. */
const LEAD_MS = 60 * 60_000;

export interface ReviewDeps {
  records: AirtableRecordsPort;
  mail: MailPort;
  counter: RequestCounter;
  now(): Date;
}

export interface ReviewInput {
  from: MailAddress;
}

export interface ReviewDetails {
  invited: { review: string; start: string; sequence: number }[];
  cancelled: string[];
  unchanged: number;
  /** Reviews whose window has no time left when any attendee is at work: not invited (the agent calls if needed). */
  tooLate: string[];
  failed: { review: string; error: string }[];
}

const WORLD = { pos: purchaseOrders, milestones, inspections, projects, clients, suppliers, people, disclosures } as const;

export async function sendReviewInvites(deps: ReviewDeps, input: ReviewInput): Promise<JobReport<ReviewDetails>> {
  const { started, finish } = startReport('reviews', deps);
  const now = started;
  const problems: string[] = [];
  const details: ReviewDetails = { invited: [], cancelled: [], unchanged: 0, tooLate: [], failed: [] };
  const domain = input.from.address.split('@')[1] ?? 'localhost';

  const reviewRows = parseRecords(reviewModel, await deps.records.list(reviewModel.table));
  problems.push(...reviewRows.problems.map(String));
  const byKey = new Map(reviewRows.records.map((r) => [r.key, r]));
  await settleInterrupted(deps.records, deps.mail, now, problems);

  // Of Milestones and Inspections only the rows a review can come from are kept (every row is still validated).
  const kept = { milestones: [] as Milestone[], inspections: [] as Inspection[] };
  const world = await readTables(deps.records, WORLD, 'model', {
    keepRaw: 'none',
    sinks: {
      milestones: (milestone) => mayNeedReview({ milestone }) && kept.milestones.push(dropKeys(milestone, NOT_HELD)),
      inspections: (inspection) => mayNeedReview({ inspection }) && kept.inspections.push(dropKeys(inspection, NOT_HELD)),
    },
  });
  problems.push(...world.problems.map(String));
  const needed = neededReviews({ now, ...world.tables, ...kept, mayMeet: meetingPolicy(world.tables) });
  problems.push(...needed.problems);

  // Step 1: the Reviews rows, created or moved, and cancelled where no longer needed.
  const attendeesByKey = new Map<string, ReviewAttendee[]>();
  const changes: ReviewChanges = { updates: [], creates: [] };
  for (const review of needed.reviews) {
    attendeesByKey.set(review.key, review.attendees);
    const existing = byKey.get(review.key);
    const change = plannedChange(review, existing, now);
    if (change === 'keep') {
      details.unchanged += 1;
      continue;
    }
    if (!change) {
      // Not a fault to fix in the data: the date is too close. Said in the summary, not as a problem of the run.
      details.tooLate.push(review.title);
      continue;
    }
    const fields: Fields = {
      [R.key]: review.key, [R.kind]: review.kind, [R.title]: review.title, [R.project]: [review.projectId],
      ...(review.poId ? { [R.po]: [review.poId] } : {}),
      [R.startsAt]: change.start.toISOString(), [R.endsAt]: change.end.toISOString(),
      [R.attendees]: review.attendees.map((a) => a.email).join('\n'),
      [R.sequence]: existing ? (existing.sequence ?? 0) + 1 : 0, [R.state]: 'Invited', [R.syncIssues]: '',
    };
    if (existing) changes.updates.push({ id: existing.id, fields });
    else changes.creates.push(fields);
  }
  const neededKeys = new Set(needed.reviews.map((r) => r.key));
  for (const row of byKey.values()) {
    if (row.state !== 'Invited' || neededKeys.has(row.key) || !row.startsAt || new Date(row.startsAt) <= now || row.sentSequence === undefined) continue;
    changes.updates.push({ id: row.id, fields: { [R.sequence]: (row.sequence ?? 0) + 1, [R.state]: 'Cancelled' } });
  }
  for (const row of await saveReviews(deps.records, changes)) byKey.set(row.key, row);

  // Steps 2–3: every review whose current SEQUENCE has not gone out.
  const due = [...byKey.values()].filter((r) => (r.sequence ?? 0) > (r.sentSequence ?? -1) && (r.state === 'Invited' || r.sentSequence !== undefined));
  if (due.length === 0) return finish(problems, details);
  const outboxKey = (row: Review) => `invite:${row.sequence ?? 0}:${row.key}`;
  const existing = await rowsForKeys(deps.records, due.map(outboxKey), problems);
  const done = doneKeys(existing);
  const agency = parseRecords(agencyModel, await deps.records.list(agencyModel.table, { maxRecords: 1 })).records[0];
  const messages: OutboxMessage[] = [];
  const reviewOf = new Map<string, Settled>();
  const settled: Settled[] = [];
  for (const row of due) {
    const sequence = row.sequence ?? 0;
    if (done.has(outboxKey(row))) {
      // Mailed (or maybe mailed) by a run that stopped before step 3.
      settled.push({ row, method: 'REQUEST' });
      continue;
    }
    // A review being cancelled is no longer computed: its attendees are the addresses it was sent to.
    const attendees: Pick<ReviewAttendee, 'email' | 'name' | 'profile'>[] =
      attendeesByKey.get(row.key) ?? (row.attendees ?? '').split('\n').filter(Boolean).map((email) => ({ email, profile: { timeZone: 'UTC' } }));
    if (!row.startsAt || !row.endsAt || attendees.length === 0) continue;
    const method = row.state === 'Cancelled' ? 'CANCEL' : 'REQUEST';
    const start = new Date(row.startsAt);
    const end = new Date(row.endsAt);
    const zone = attendees[0]!.profile.timeZone;
    const title = row.title ?? row.key;
    const videoUrl = agency?.videoRoomUrl;
    const calendar = inviteCalendar({
      uid: `review-${createHash('sha256').update(`${deps.records.baseId}:${row.key}`).digest('hex').slice(0, 24)}@${domain}`,
      sequence, method, start, end, timeZone: zone, title,
      description: `${title}. Organised by ${agency?.name ?? input.from.name ?? input.from.address}.`,
      ...(videoUrl ? { videoUrl } : {}),
      organizer: { name: input.from.name ?? agency?.name ?? input.from.address, email: input.from.address },
      attendees: attendees.map((a) => ({ email: a.email, ...(a.name ? { name: a.name } : {}) })),
      stamp: now,
    });
    const text = inviteMail({ method, sequence, title, start, end, attendees, ...(videoUrl ? { videoUrl } : {}), agencyName: agency?.name ?? input.from.address });
    const key = outboxKey(row);
    reviewOf.set(key, { row, method, start, zone });
    messages.push({
      key,
      kind: 'Invite',
      alertIds: [],
      mail: {
        messageId: messageIdFor(key, domain), from: input.from, date: now, headers: { 'X-Sourcing-Review-Key': row.key },
        to: attendees.map((a) => ({ address: a.email, ...(a.name ? { name: a.name } : {}) })),
        subject: text.subject, text: text.text, html: text.html, calendar: { method, content: calendar },
      },
    });
  }
  const result = await deliverOnce(deps.records, deps.mail, messages, now, problems, existing);
  for (const m of result.sent) settled.push(reviewOf.get(m.key)!);
  await settleSent(deps.records, settled);
  for (const m of result.sent) {
    const { row, method, start } = reviewOf.get(m.key)!;
    if (method === 'CANCEL') details.cancelled.push(row.title ?? row.key);
    else details.invited.push({ review: row.title ?? row.key, start: start?.toISOString() ?? '', sequence: row.sequence ?? 0 });
  }
  for (const f of result.failed) details.failed.push({ review: reviewOf.get(f.key)?.row.title ?? f.key, error: f.error });
  return finish(problems, details);
}

/** Client and factory may meet when the policy lets each know the other's name and contact. */
function meetingPolicy(t: { disclosures: Disclosure[]; suppliers: Supplier[]; clients: Client[]; pos: PurchaseOrder[]; projects: Project[] }): (clientId: string, supplierId: string) => boolean {
  const policy = policyFromPoBase({ disclosures: t.disclosures, suppliers: t.suppliers, projects: t.projects, purchaseOrders: t.pos });
  const clients = new Map(t.clients.map((c) => [c.id, c]));
  return (clientId, supplierId) => {
    const client = clients.get(clientId);
    const factory = supplierAsSeenByClient(policy, clientId, supplierId);
    const buyer = client ? clientAsSeenBySupplier(policy, supplierId, clientIdentity(client), '') : undefined;
    return factory.named && factory.contact !== undefined && buyer !== undefined && buyer.named && buyer.contact !== undefined;
  };
}

/** The slot a needed review should have: 'keep' the current one, a new one, or undefined when none is left. */
function plannedChange(review: NeededReview, existing: Review | undefined, now: Date): 'keep' | { start: Date; end: Date } | undefined {
  const sameAttendees = existing?.attendees === review.attendees.map((a) => a.email).join('\n');
  if (existing?.state === 'Invited' && existing.startsAt && sameAttendees) {
    const start = new Date(existing.startsAt);
    if (start > now && start >= review.window.from && start < review.window.to) return 'keep';
  }
  const from = new Date(Math.max(review.window.from.getTime(), now.getTime() + LEAD_MS));
  return from < review.window.to ? proposeSlot(from, review.window.to, review.attendees) : undefined;
}

/** The Reviews rows to change (by record ID) and to add (upserted on their Key: safe to retry). */
interface ReviewChanges {
  updates: { id: string; fields: Fields }[];
  creates: Fields[];
}

/** A review whose invite went out (or had gone out before a run stopped): `start` and `zone` when its time is known. */
interface Settled {
  row: Review;
  method: 'REQUEST' | 'CANCEL';
  start?: Date;
  zone?: string;
}

/** Writes the changes in batches of ten and answers the rows as saved. */
async function saveReviews(records: AirtableRecordsPort, changes: ReviewChanges): Promise<Review[]> {
  // https://airtable.com/developers/web/api/update-multiple-records (new rows upserted on their Key)
  const rows = [
    ...(changes.updates.length > 0 ? await records.update(reviewModel.table, changes.updates) : []),
    ...(changes.creates.length > 0 ? (await records.upsert(reviewModel.table, changes.creates, [R.key])).records : []),
  ];
  const parsed = parseRecords(reviewModel, rows).records;
  if (parsed.length !== rows.length) {
    const unread = rows.filter((row) => !parsed.some((r) => r.id === row.id)).map((row) => row.id);
    throw new Error(`Reviews ${unread.join(', ')}: the saved row does not read back`);
  }
  return parsed;
}

/**
 * Step 3: the reviews know which SEQUENCE went out, then the notes on the milestones and alerts (when the time is
 * known). All in batches: at 10,000 POs a first run settles thousands of reviews.
 */
async function settleSent(records: AirtableRecordsPort, settled: readonly Settled[]): Promise<void> {
  if (settled.length === 0) return;
  await records.update(reviewModel.table, settled.map(({ row }) => ({ id: row.id, fields: { [R.sentSequence]: row.sequence ?? 0 } })));
  const milestoneNotes: { id: string; fields: Fields }[] = [];
  const inspectionNotes = new Map<string, string>();
  for (const { row, method, start, zone } of settled) {
    if (!start || !zone) continue;
    const sequence = row.sequence ?? 0;
    const note = method === 'CANCEL'
      ? `Review cancelled (invite update ${sequence})`
      : `Review invite sent for ${DateTime.fromJSDate(start, { zone }).toFormat('ccc d LLL HH:mm')} ${zone}${sequence > 0 ? ` (update ${sequence})` : ''}`;
    const [kind, recordId] = [row.key.slice(0, row.key.indexOf(':')), row.key.slice(row.key.indexOf(':') + 1)];
    if (kind === 'before-psi' || kind === 'before-loading') milestoneNotes.push({ id: recordId, fields: { [milestones.fields.reviewInvite]: note } });
    else if (kind === 'after-failed-inspection') inspectionNotes.set(recordId, note);
  }
  if (milestoneNotes.length > 0) await records.update(milestones.table, milestoneNotes);
  if (inspectionNotes.size === 0) return;
  // One read of the open alerts for all failed inspections settled (not one per inspection).
  const open = parseRecords(alertModel, await records.list(alertModel.table, { matchAny: [{ field: alertModel.fields.status, equals: 'Open' }] })).records;
  const alertNotes = open.flatMap((a) => {
    const note = a.inspection === undefined ? undefined : inspectionNotes.get(a.inspection);
    return note === undefined ? [] : [{ id: a.id, fields: { [alertModel.fields.reviewInvite]: note } }];
  });
  if (alertNotes.length > 0) await records.update(alertModel.table, alertNotes);
}
