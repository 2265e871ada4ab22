/**
 * `sourcing reviews`: milestone review meetings as calendar invites. Each needed review (src/domain/reviews) gets a
 * Reviews row with a slot in its attendees' shared working hours; the row's SEQUENCE rises when the slot moves or the
 * review is cancelled, and every SEQUENCE is mailed once as an iMIP invite (REQUEST, or CANCEL) through the Outbox:
 *   1. the Reviews row (created or updated: findable by its Key before anything is mailed),
 *   2. an Outbox row (Kind Invite, State Sending, key "invite:<sequence>:<review key>", Message-ID from the key),
 *   3. the mail, 4. the review's "Sent sequence", then the Outbox row Sent, then the "Review invite" note on the
 *      milestone or alert.
 * A run killed between 2 and 4 is settled by the next one from the sent mailbox (Message-ID), as the reminders are.
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { agency as agencyModel } from '../domain/models/agency.ts';
import { alerts as alertModel } from '../domain/models/alert.ts';
import { clients } from '../domain/models/client.ts';
import { inspections } from '../domain/models/inspection.ts';
import { milestones } from '../domain/models/milestone.ts';
import { outbox, type OutboxEntry } from '../domain/models/outbox.ts';
import { parseRecords } from '../domain/models/parse-records.ts';
import { people } from '../domain/models/person.ts';
import { projects } from '../domain/models/project.ts';
import { purchaseOrders } from '../domain/models/purchase-order.ts';
import { reviews as reviewModel, type Review } from '../domain/models/review.ts';
import { suppliers } from '../domain/models/supplier.ts';
import { messageIdFor } from '../domain/reminders/dedupe-keys.ts';
import { inviteCalendar } from '../domain/reviews/invite-calendar.ts';
import { inviteMail } from '../domain/reviews/invite-mail.ts';
import { neededReviews, type NeededReview, type ReviewAttendee } from '../domain/reviews/review-needs.ts';
import { proposeSlot } from '../domain/reviews/review-slot.ts';
import type { RequestCounter } from '../lib/request-counter.ts';
import type { AirtableRecordsPort, Fields } from '../ports/airtable.ts';
import { MailSendError, type MailAddress, type MailPort } from '../ports/mail.ts';
import { settleInterrupted } from './outbox-recovery.ts';
import { readTables } from './read-tables.ts';
import { startReport, type JobReport } from './report.ts';

const R = reviewModel.fields;
const O = outbox.fields;
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
  failed: { review: string; error: string }[];
}

const WORLD = { pos: purchaseOrders, milestones, inspections, projects, clients, suppliers, people } as const;

export async function sendReviewInvites(deps: ReviewDeps, input: ReviewInput): Promise<JobReport<ReviewDetails>> {
  const { started, finish } = startReport('reviews', deps);
  const now = started;
  const problems: string[] = [];
  const details: ReviewDetails = { invited: [], cancelled: [], unchanged: 0, failed: [] };
  const domain = input.from.address.split('@')[1] ?? 'localhost';

  const reviewRows = parseRecords(reviewModel, await deps.records.list(reviewModel.table));
  problems.push(...reviewRows.problems.map(String));
  const byKey = new Map(reviewRows.records.map((r) => [r.key, r]));
  const inviteRows = parseRecords(outbox, await deps.records.list(outbox.table, { matchAny: [{ field: O.kind, equals: 'Invite' }] }));
  const settled = await recover(deps, inviteRows.records.filter((r) => r.state === 'Sending'), byKey, now, problems);
  const stateOf = (row: OutboxEntry) => settled.get(row.key) ?? row.state;

  const world = await readTables(deps.records, WORLD, 'model');
  problems.push(...world.problems.map(String));
  const needed = neededReviews({ now, ...world.tables });
  problems.push(...needed.problems);

  // Step 1: the Reviews rows, created or moved, and cancelled where no longer needed.
  const attendeesByKey = new Map<string, ReviewAttendee[]>();
  for (const review of needed.reviews) {
    attendeesByKey.set(review.key, review.attendees);
    const existing = byKey.get(review.key);
    const change = plannedChange(review, existing, now);
    if (change === 'keep') {
      details.unchanged += 1;
      continue;
    }
    if (!change) {
      problems.push(`Reviews "${review.title}": no time left in its window for a call; no invite`);
      continue;
    }
    const fields: Fields = {
      [R.key]: review.key, [R.kind]: review.kind, [R.title]: review.title, [R.project]: [review.projectId],
      ...(review.poId ? { [R.po]: [review.poId] } : {}),
      [R.startsAt]: change.start.toISOString(), [R.endsAt]: change.end.toISOString(),
      [R.attendees]: review.attendees.map((a) => a.email).join('\n'),
      [R.sequence]: existing ? (existing.sequence ?? 0) + 1 : 0, [R.state]: 'Invited', [R.syncIssues]: '',
    };
    byKey.set(review.key, await saveReview(deps.records, existing, fields));
  }
  const neededKeys = new Set(needed.reviews.map((r) => r.key));
  for (const row of byKey.values()) {
    if (row.state !== 'Invited' || neededKeys.has(row.key) || !row.startsAt || new Date(row.startsAt) <= now || row.sentSequence === undefined) continue;
    byKey.set(row.key, await saveReview(deps.records, row, { [R.sequence]: (row.sequence ?? 0) + 1, [R.state]: 'Cancelled' }));
  }

  // Steps 2–4: every review whose current SEQUENCE has not gone out.
  const due = [...byKey.values()].filter((r) => (r.sequence ?? 0) > (r.sentSequence ?? -1) && (r.state === 'Invited' || r.sentSequence !== undefined));
  if (due.length === 0) return finish(problems, details);
  const agency = parseRecords(agencyModel, await deps.records.list(agencyModel.table, { maxRecords: 1 })).records[0];
  const organizerZone = (row: Review) => attendeesByKey.get(row.key)?.[0]?.profile.timeZone ?? 'UTC';
  for (const row of due) {
    const sequence = row.sequence ?? 0;
    const method = row.state === 'Cancelled' ? 'CANCEL' : 'REQUEST';
    const key = `invite:${sequence}:${row.key}`;
    const earlier = inviteRows.records.find((r) => r.key === key);
    if (earlier && stateOf(earlier) !== 'Cancelled') continue;
    // A review being cancelled is no longer computed: its attendees are the addresses it was sent to.
    const attendees: Pick<ReviewAttendee, 'email' | 'name' | 'profile'>[] =
      attendeesByKey.get(row.key) ?? (row.attendees ?? '').split('\n').filter(Boolean).map((email) => ({ email, profile: { timeZone: 'UTC' } }));
    if (!row.startsAt || !row.endsAt || attendees.length === 0) continue;
    const start = new Date(row.startsAt);
    const end = new Date(row.endsAt);
    const title = row.title ?? row.key;
    const videoUrl = agency?.videoRoomUrl;
    const messageId = messageIdFor(key, domain);
    const calendar = inviteCalendar({
      uid: `review-${createHash('sha256').update(`${deps.records.baseId}:${row.key}`).digest('hex').slice(0, 24)}@${domain}`,
      sequence, method, start, end, timeZone: organizerZone(row), title,
      description: `${title}. Organised by ${agency?.name ?? input.from.name ?? input.from.address}.`,
      ...(videoUrl ? { videoUrl } : {}),
      organizer: { name: input.from.name ?? agency?.name ?? input.from.address, email: input.from.address },
      attendees: attendees.map((a) => ({ email: a.email, ...(a.name ? { name: a.name } : {}) })),
      stamp: now,
    });
    const text = inviteMail({ method, sequence, title, start, end, attendees, ...(videoUrl ? { videoUrl } : {}), agencyName: agency?.name ?? input.from.address });
    const outboxId = await recordIntent(deps.records, earlier, { key, to: attendees[0]!.email, subject: text.subject, messageId }, now);
    try {
      const sent = await deps.mail.sendMail({
        messageId, from: input.from, to: attendees.map((a) => ({ address: a.email, ...(a.name ? { name: a.name } : {}) })),
        subject: text.subject, text: text.text, html: text.html, date: now, calendar: { method, content: calendar }, headers: { 'X-Sourcing-Review-Key': row.key },
      });
      await settleSent(deps.records, row, sequence, outboxId, sent.providerId, now, method, start, organizerZone(row));
      if (method === 'CANCEL') details.cancelled.push(title);
      else details.invited.push({ review: title, start: start.toISOString(), sequence });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const definite = error instanceof MailSendError && error.definite;
      await deps.records.update(outbox.table, [{ id: outboxId, fields: { [O.lastError]: message, ...(definite ? { [O.state]: 'Cancelled' } : {}) } }]);
      details.failed.push({ review: title, error: message });
      problems.push(`Reviews "${title}": invite not sent: ${message}`);
    }
  }
  return finish(problems, details);
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

async function saveReview(records: AirtableRecordsPort, existing: Review | undefined, fields: Fields): Promise<Review> {
  const [row] = existing ? await records.update(reviewModel.table, [{ id: existing.id, fields }]) : await records.create(reviewModel.table, [fields]);
  const parsed = parseRecords(reviewModel, [row!]).records[0];
  if (!parsed) throw new Error(`Reviews ${String(fields[R.key] ?? existing?.key)}: the saved row does not read back`);
  return parsed;
}

async function recordIntent(records: AirtableRecordsPort, earlier: OutboxEntry | undefined, row: { key: string; to: string; subject: string; messageId: string }, now: Date): Promise<string> {
  const fields: Fields = {
    [O.key]: row.key, [O.kind]: 'Invite', [O.state]: 'Sending', [O.to]: row.to, [O.subject]: row.subject,
    [O.messageId]: row.messageId, [O.createdAt]: now.toISOString(), [O.lastError]: '',
  };
  if (earlier) {
    await records.update(outbox.table, [{ id: earlier.id, fields }]);
    return earlier.id;
  }
  const [created] = await records.create(outbox.table, [fields]);
  return created!.id;
}

/** Step 4: the review knows which SEQUENCE went out, then the Outbox row is Sent, then the note on the milestone or alert. */
async function settleSent(
  records: AirtableRecordsPort, row: Review, sequence: number, outboxId: string, providerId: string, now: Date,
  method: 'REQUEST' | 'CANCEL', start: Date, zone: string,
): Promise<void> {
  await records.update(reviewModel.table, [{ id: row.id, fields: { [R.sentSequence]: sequence } }]);
  await records.update(outbox.table, [{ id: outboxId, fields: { [O.state]: 'Sent', [O.sentAt]: now.toISOString(), [O.providerMessageId]: providerId } }]);
  const note = method === 'CANCEL'
    ? `Review cancelled (invite update ${sequence})`
    : `Review invite sent for ${DateTime.fromJSDate(start, { zone }).toFormat('ccc d LLL HH:mm')} ${zone}${sequence > 0 ? ` (update ${sequence})` : ''}`;
  const [kind, recordId] = [row.key.slice(0, row.key.indexOf(':')), row.key.slice(row.key.indexOf(':') + 1)];
  if (kind === 'before-psi' || kind === 'before-loading') {
    await records.update(milestones.table, [{ id: recordId, fields: { [milestones.fields.reviewInvite]: note } }]);
  } else if (kind === 'after-failed-inspection') {
    const open = parseRecords(alertModel, await records.list(alertModel.table, { matchAny: [{ field: alertModel.fields.status, equals: 'Open' }] })).records;
    const about = open.filter((a) => a.inspection === recordId);
    if (about.length > 0) await records.update(alertModel.table, about.map((a) => ({ id: a.id, fields: { [alertModel.fields.reviewInvite]: note } })));
  }
}

/** Invites a killed run left Sending, settled from the sent mailbox; one that went out (or may have) counts as sent. */
async function recover(deps: ReviewDeps, rows: readonly OutboxEntry[], byKey: Map<string, Review>, now: Date, problems: string[]): Promise<Map<string, OutboxEntry['state']>> {
  const settled = new Map<string, OutboxEntry['state']>();
  for (const row of rows) {
    const state = await settleInterrupted(deps.records, deps.mail, row, now);
    settled.set(row.key, state);
    if (state === 'Cancelled') continue;
    if (state === 'Unconfirmed') problems.push(`Outbox ${row.key}: interrupted while sending; ${deps.mail.transport} cannot look into the sent mail, so it is not resent`);
    const [, sequence, ...rest] = row.key.split(':');
    const review = byKey.get(rest.join(':'));
    if (!review) continue;
    await deps.records.update(reviewModel.table, [{ id: review.id, fields: { [R.sentSequence]: Number(sequence) } }]);
    byKey.set(review.key, { ...review, sentSequence: Number(sequence) });
  }
  return settled;
}
