/**
 * Review invites through the Gmail adapter on the local workspace: the iCalendar part parsed back with ical.js, one
 * invite per SEQUENCE, the same UID when the review moves, a CANCEL when it is no longer needed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GmailMailAdapter } from '../../src/adapters/gmail/index.ts';
import { isWithinWorkingHours } from '../../src/domain/calendar/working-hours.ts';
import { parseRecords } from '../../src/domain/models/parse-records.ts';
import { reviews } from '../../src/domain/models/review.ts';
import { formatReviewsReport } from '../../src/cli/commands/reviews.ts';
import { sendReviewInvites } from '../../src/jobs/send-review-invites.ts';
import { decodeCharset, decodeEncodedWords } from '../../src/local/gmail/rfc2822.ts';
import { parseMime, type MimeEntity } from '../../src/local/gmail/mime-payload.ts';
import type { MailPort } from '../../src/ports/mail.ts';
import { provisionedWorkspace, type JobWorkspace } from './job-workspace.ts';

// Mon 7 Dec 2026, 10:00 in Ningbo.
const NOW = new Date('2026-12-07T02:00:00Z');
const WEEK = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
const FROM = { name: 'Tidewater Ops', address: 'ops@tidewater.example' };

interface Invite {
  method: string;
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  attendees: string[];
  subject: string;
}

describe('review invites', () => {
  let jw: JobWorkspace;
  let mail: MailPort;
  let psiId: string;
  let ids: { po: string; client: string; supplier: string };
  beforeEach(async () => {
    jw = await provisionedWorkspace();
    mail = new GmailMailAdapter({ rootUrl: jw.ws.url, auth: { kind: 'bearer', accessToken: jw.ws.token }, counter: jw.counter });
    await jw.records.create('Agency', [{ Name: 'Tidewater Sourcing', 'Video room URL': 'https://meet.google.com/abc-defg-hij' }]);
    const [agent] = await jw.records.create('People', [
      { Name: 'Lin Mei', Email: 'lin@tidewater.example', Role: 'Sourcing', 'Time zone': 'Asia/Shanghai', 'Working hours start': '09:00', 'Working hours end': '18:00', 'Working days': WEEK, Active: true },
    ]);
    const [client] = await jw.records.create('Clients', [{ Name: 'Küchenwerk', 'Contact name': 'Jonas Becker', 'Contact emails': 'j.becker@example.de', 'Time zone': 'Europe/Berlin' }]);
    const [supplier] = await jw.records.create('Suppliers', [{ Name: 'Anji Zhuyun Bamboo', Status: 'Approved', Email: 'sales@zhuyun.example', Contact: 'Mr. Wu' }]);
    const [project] = await jw.records.create('Projects', [{ Project: 'Küchenwerk · Bamboo boards', Phase: 'Production', Client: [client!.id], Agent: [agent!.id] }]);
    const [po] = await jw.records.create('Purchase Orders', [{ 'PO number': 'PO-2401', Project: [project!.id], Supplier: [supplier!.id], Status: 'In production' }]);
    const [psi] = await jw.records.create('Milestones', [{ Milestone: 'PO-2401 PSI', PO: [po!.id], Kind: 'PSI', 'Planned date': '2026-12-18' }]);
    psiId = psi!.id;
    ids = { po: po!.id, client: client!.id, supplier: supplier!.id };
  });
  afterEach(async () => {
    await jw.close();
  });

  const run = (at: Date) => sendReviewInvites({ records: jw.records, mail, counter: jw.counter, now: () => at }, { from: FROM });
  const invites = (): Invite[] => {
    const dir = join(jw.ws.dir, 'outbox');
    if (!existsSync(dir)) return [];
    return readdirSync(dir).sort().map((file) => {
      const entity = parseMime(readFileSync(join(dir, file)));
      const leaves = (e: MimeEntity): MimeEntity[] => (e.parts.length === 0 ? [e] : e.parts.flatMap(leaves));
      const part = leaves(entity).find((p) => p.mimeType === 'text/calendar')!;
      const component = new ICAL.Component(ICAL.parse(decodeCharset(part.content, part.params['charset'])));
      for (const tz of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
      const event = new ICAL.Event(component.getFirstSubcomponent('vevent')!);
      const subject = decodeEncodedWords(entity.headers.find((h) => h.name.toLowerCase() === 'subject')?.value ?? '');
      return {
        method: String(component.getFirstPropertyValue('method')),
        uid: event.uid,
        sequence: event.sequence,
        start: event.startDate.toJSDate(),
        end: event.endDate.toJSDate(),
        attendees: event.attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/i, '')),
        subject,
      };
    });
  };

  it('invites agent and client to a pre-PSI review inside both working hours, once; a moved PSI updates the same event; a done PSI cancels it', async () => {
    const first = await run(NOW);
    expect(first.problems.join('\n')).toBe('');
    expect(first.details.invited).toHaveLength(1);
    const [invite] = invites();
    expect(invite).toMatchObject({ method: 'REQUEST', sequence: 0, attendees: ['lin@tidewater.example', 'j.becker@example.de'] });
    expect(invite!.end.getTime() - invite!.start.getTime()).toBe(30 * 60_000);
    // In the window before the PSI (13–17 Dec) and inside Ningbo's and Berlin's office hours.
    expect(invite!.start >= new Date('2026-12-13T00:00:00Z') && invite!.start < new Date('2026-12-18T00:00:00Z')).toBe(true);
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin']) expect(isWithinWorkingHours(invite!.start, { timeZone: zone })).toBe(true);

    const second = await run(new Date(NOW.getTime() + 3_600_000));
    expect(second.details).toMatchObject({ invited: [], cancelled: [], unchanged: 1 });
    expect(invites()).toHaveLength(1);
    const milestone = await jw.records.list('Milestones');
    expect(milestone[0]!.fields['Review invite']).toMatch(/^Review invite sent for \w{3} \d+ Dec \d\d:\d\d Asia\/Shanghai$/);

    await jw.records.update('Milestones', [{ id: psiId, fields: { 'Planned date': '2026-12-28' } }]);
    await run(new Date(NOW.getTime() + 7_200_000));
    const moved = invites()[1]!;
    expect(moved).toMatchObject({ method: 'REQUEST', uid: invite!.uid, sequence: 1 });
    expect(moved.start >= new Date('2026-12-23T00:00:00Z')).toBe(true);
    expect(moved.subject).toMatch(/^Moved: Pre-PSI review/);

    await jw.records.update('Milestones', [{ id: psiId, fields: { 'Actual date': '2026-12-08' } }]);
    const done = await run(new Date(NOW.getTime() + 10_800_000));
    expect(done.details.cancelled).toHaveLength(1);
    expect(invites()[2]).toMatchObject({ method: 'CANCEL', uid: invite!.uid, sequence: 2 });
    const rows = parseRecords(reviews, await jw.records.list('Reviews')).records;
    expect(rows.map((r) => [r.state, r.sequence, r.sentSequence])).toEqual([['Cancelled', 2, 2]]);
    expect((await run(new Date(NOW.getTime() + 14_400_000))).details).toMatchObject({ invited: [], cancelled: [] });
    expect(invites()).toHaveLength(3);
  });

  it('a Gmail refusal leaves the invite due: sent once on the next run, never twice', async () => {
    await jw.ws.control('POST', '/faults', { service: 'gmail', status: 429, count: 1 });
    const refused = await run(NOW);
    expect(refused.details.failed).toHaveLength(1);
    expect(invites()).toHaveLength(0);
    const retried = await run(new Date(NOW.getTime() + 3_600_000));
    expect(retried.details.invited).toHaveLength(1);
    await run(new Date(NOW.getTime() + 7_200_000));
    expect(invites()).toHaveLength(1);
  });

  it('after a failed inspection the factory joins only when the confidentiality policy lets both sides know each other', async () => {
    await jw.records.update('Milestones', [{ id: psiId, fields: { 'Actual date': '2026-12-04' } }]);
    const [failed] = await jw.records.create('Inspections', [{ Inspection: 'PO-2401 PSI', PO: [ids.po], Type: 'PSI', 'Scheduled date': '2026-12-04', Result: 'Fail' }]);
    // The checks' alert about the failure, and one about another inspection: only the first gets the invite's note.
    const [other] = await jw.records.create('Inspections', [{ Inspection: 'PO-2401 DUPRO', PO: [ids.po], Type: 'DUPRO', 'Scheduled date': '2026-11-20', Result: 'Pass' }]);
    const alerts = await jw.records.create('Alerts', [
      { Message: 'PSI failed', Key: 'inspection-failed:a', Rule: 'inspection-failed', Severity: 'Critical', Status: 'Open', Inspection: [failed!.id] },
      { Message: 'Other', Key: 'inspection-failed:b', Rule: 'inspection-failed', Severity: 'Critical', Status: 'Open', Inspection: [other!.id] },
    ]);
    await run(NOW);
    expect(invites().map((i) => i.attendees)).toEqual([['lin@tidewater.example', 'j.becker@example.de']]);
    const noted = await jw.records.list('Alerts');
    expect(noted.find((a) => a.id === alerts[0]!.id)?.fields['Review invite']).toMatch(/^Review invite sent for \w{3} \d+ Dec \d\d:\d\d Asia\/Shanghai$/);
    expect(noted.find((a) => a.id === alerts[1]!.id)?.fields['Review invite']).toBeUndefined();

    await jw.records.create('Disclosures', [{ Disclosure: 'Küchenwerk × Zhuyun', Client: [ids.client], Supplier: [ids.supplier], 'Client may see': ['Name', 'Contact'], 'Supplier may see': ['Name', 'Contact'] }]);
    await run(new Date(NOW.getTime() + 3_600_000));
    const moved = invites()[1]!;
    // The attendee list changed: the same event, updated, now with the factory.
    expect(moved).toMatchObject({ method: 'REQUEST', uid: invites()[0]!.uid, sequence: 1, attendees: ['lin@tidewater.example', 'j.becker@example.de', 'sales@zhuyun.example'] });
    // Within four days of the inspection, inside all three attendees' office hours (Ningbo factory, Ningbo agent, Berlin).
    expect(moved.start >= new Date('2026-12-05T00:00:00Z') && moved.start < new Date('2026-12-09T00:00:00Z')).toBe(true);
    expect(isWithinWorkingHours(moved.start, { timeZone: 'Europe/Berlin' }) && isWithinWorkingHours(moved.start, { timeZone: 'Asia/Shanghai' })).toBe(true);
  });

  it('a review whose window has no working time left is not invited, and the summary says so (not a problem)', async () => {
    // PSI on Tuesday 8 Dec: the window ends Monday 7 Dec 24:00 UTC. At 17:00Z (Berlin 18:00, Ningbo 01:00) with an
    // hour's notice, nobody is at work again before it closes.
    await jw.records.update('Milestones', [{ id: psiId, fields: { 'Planned date': '2026-12-08' } }]);
    const report = await run(new Date('2026-12-07T17:00:00Z'));
    expect(report.problems).toEqual([]);
    expect(report.details.invited).toEqual([]);
    expect(report.details.tooLate).toEqual(['Pre-PSI review · PO-2401 PSI on 2026-12-08']);
    expect(formatReviewsReport(report).split('\n')[0]).toContain('Too late for a call in working hours, not invited: Pre-PSI review · PO-2401 PSI on 2026-12-08.');
    expect(invites()).toEqual([]);
  });
});
