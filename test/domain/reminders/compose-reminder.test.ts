import { describe, expect, it } from 'vitest';
import { composeReminder, type ComposeContext } from '../../../src/domain/reminders/compose-reminder.ts';
import { loadEmailTexts } from '../../../src/domain/reminders/email-texts.ts';
import { planReminders } from '../../../src/domain/reminders/plan-reminders.ts';
import { DEFAULT_REMINDER_SETTINGS } from '../../../src/domain/reminders/reminder-settings.ts';
import { alert, person } from './people-and-alerts.ts';

const NOW = new Date('2026-03-03T13:15:00Z'); // Tuesday 08:15 in New York (EST), 21:15 in Ningbo
const REED = person('REED', { name: 'Marcus Reed', timeZone: 'America/New_York', workingHoursStart: '08:00', workingHoursEnd: '16:30', manager: 'BOSS' });
const BOSS = person('BOSS', { name: 'Zhang Wei', timeZone: 'Asia/Shanghai', workingHoursStart: '09:00', workingHoursEnd: '18:00' });
const ALERTS = [
  alert('A1', { owner: 'REED', po: 'recPO1', severity: 'Critical', message: 'PSI failed: 14 major defects > Ac 10.\nBook a re-inspection.', firstSeen: '2026-03-01T02:00:00.000Z', escalated: true }),
  alert('A2', { owner: 'REED', po: 'recPO2', message: 'ETD slipped 6 days', escalated: true }),
  alert('A3', { owner: 'REED', message: 'Certificate expires in 20 days', escalated: true }),
];

function context(overrides: Partial<ComposeContext> = {}): ComposeContext {
  const plan = planReminders({ now: NOW, people: [REED, BOSS], alerts: ALERTS, doneKeys: new Set() });
  return {
    now: NOW,
    texts: loadEmailTexts(),
    recipients: plan.recipients,
    alerts: new Map(ALERTS.map((a) => [a.id, a])),
    pos: new Map([['recPO1', { poNumber: 'PO-2405', notionPage: 'abc-def' }], ['recPO2', { poNumber: 'PO-2407' }]]),
    factory: DEFAULT_REMINDER_SETTINGS.factory,
    escalateAfterWorkingDays: 2,
    recordUrl: (table, id) => `https://airtable.com/appX/${table === 'Alerts' ? 'tblA' : 'tblP'}/${id}`,
    ...overrides,
  };
}

describe('composing a digest', () => {
  const ctx = context();
  const intent = planReminders({ now: NOW, people: [REED, BOSS], alerts: ALERTS, doneKeys: new Set() }).due.find((i) => i.kind === 'Digest')!;
  const mail = composeReminder(intent, ctx);

  it('addresses the owner with a subject in their own date', () => {
    expect(mail.to).toEqual({ name: 'Marcus Reed', address: 'reed@agency.example' });
    expect(mail.subject).toBe('Sourcing digest · Tue 3 Mar · 3 open items');
  });

  it('groups by PO, most urgent first, the rest last, with links and both time zones', () => {
    const text = mail.text;
    expect(text).toContain('Sent Tue 3 Mar, 08:15 New York time (UTC-5) / 21:15 Beijing time (UTC+8).');
    const order = ['PO-2405', 'PO-2407', 'Not tied to a PO'].map((t) => text.indexOf(`\n${t}\n`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('  - Critical · PSI failed: 14 major defects > Ac 10.\n    Book a re-inspection. (open 2 days, since Sat 28 Feb)');
    expect(text).toContain('  Client page in Notion: https://www.notion.so/abcdef');
    expect(text).toContain('    Open in Airtable: https://airtable.com/appX/tblA/A1');
    // New York never overlaps Ningbo's hours: the closest slot, in both zones.
    expect(text).toContain('closest: Wed 4 Mar, 08:00–09:00 New York time (UTC-5) = 21:00–22:00 Beijing time (UTC+8)');
  });

  it('renders the same content as escaped HTML', () => {
    expect(mail.html).toContain('<h3 style="margin:16px 0 4px">PO-2405 <small><a href="https://airtable.com/appX/tblP/recPO1">Open in Airtable</a>');
    expect(mail.html).toContain('PSI failed: 14 major defects &gt; Ac 10.<br>Book a re-inspection.');
    expect(mail.html).toContain('<title>Sourcing digest · Tue 3 Mar · 3 open items</title>');
  });

  it('links the Notion page URL the sync wrote as it is', () => {
    const url = 'https://www.notion.so/PO-2405-83546f544d6e4f1d8b573c0823231ed3';
    const withUrl = composeReminder(intent, context({ pos: new Map([['recPO1', { poNumber: 'PO-2405', notionPage: url }]]) }));
    expect(withUrl.text).toContain(`  Client page in Notion: ${url}\n`);
    expect(withUrl.text).not.toContain('notion.so/https');
  });

  it('leaves links out when no base URL is known', () => {
    const plain = composeReminder(intent, context({ recordUrl: undefined }));
    expect(plain.text).not.toContain('airtable.com');
    expect(plain.text).toContain('https://www.notion.so/abcdef');
  });
});

describe('composing an escalation', () => {
  it('tells the manager whose alerts and for how long, in China time only', () => {
    const alerts = [alert('W1', { owner: 'REED', po: 'recPO2', firstSeen: '2026-02-26T15:00:00.000Z' })];
    const now = new Date('2026-03-04T02:00:00Z'); // Wednesday 10:00 in Ningbo
    const plan = planReminders({ now, people: [REED, BOSS], alerts, doneKeys: new Set() });
    const intent = plan.due.find((i) => i.kind === 'Escalation')!;
    const mail = composeReminder(intent, context({ now, alerts: new Map(alerts.map((a) => [a.id, a])), recipients: plan.recipients }));
    expect(mail.to.address).toBe('boss@agency.example');
    expect(mail.subject).toBe('Escalation · 1 unacknowledged item · Marcus Reed');
    expect(mail.text).toContain('went unacknowledged for 2 working days or more. Please follow up with Marcus Reed. Sent Wed 4 Mar, 10:00 Beijing time (UTC+8).');
    expect(mail.text).toContain('(owner Marcus Reed, open 5 days, since Thu 26 Feb)');
    expect(mail.text).not.toContain('call window');
  });
});

describe('composing a "critical now" mail', () => {
  const critical = (id: string, po: string | undefined, message: string, firstSeen: string) =>
    alert(id, { owner: 'REED', po, severity: 'Critical', message, firstSeen, escalated: true });
  const C1 = critical('C1', 'recPO1', 'PO-2405 is booked on a vessel without a passed PSI.\nStop the booking.', '2026-03-01T02:00:00.000Z');
  const C2 = critical('C2', 'recPO2', 'Factory audit expired', '2026-03-02T02:00:00.000Z');
  const C3 = critical('C3', 'recPO1', 'PSI failed: 14 major defects', '2026-03-02T05:00:00.000Z');
  const C4 = critical('C4', undefined, 'Supplier bank details changed', '2026-03-02T06:00:00.000Z');
  const mailFor = (alerts: ReturnType<typeof alert>[]) => {
    const plan = planReminders({ now: NOW, people: [REED, BOSS], alerts, doneKeys: new Set() });
    const intent = plan.due.find((i) => i.kind === 'Critical')!;
    return composeReminder(intent, context({ alerts: new Map(alerts.map((a) => [a.id, a])), recipients: plan.recipients }));
  };

  it.each<[string, ReturnType<typeof alert>[], string]>([
    ['one finding that names its PO: its first line, no PO twice', [C1], 'Critical · 1 item · PO-2405 is booked on a vessel without a passed PSI.'],
    ['one finding that does not name its PO: the PO in front', [C2], 'Critical · 1 item · PO-2407 · Factory audit expired'],
    ['one finding without a PO: its first line', [C4], 'Critical · 1 item · Supplier bank details changed'],
    ['several on one PO: that PO once', [C1, C3], 'Critical · 2 items · PO-2405'],
    ['several on several POs: the most urgent PO, then …', [C2, C4, C3, C1], 'Critical · 4 items · PO-2405 …'],
  ])('subject for %s', (_label, alerts, subject) => {
    expect(mailFor(alerts).subject).toBe(subject);
  });

  it('lists every finding once, grouped by PO, most urgent first', () => {
    const text = mailFor([C2, C4, C3, C1]).text;
    expect(text).toContain('4 critical items for you to act on today.');
    const order = ['\nPO-2405\n', 'PO-2405 is booked', 'PSI failed', '\nPO-2407\n', 'Factory audit', '\nNot tied to a PO\n', 'Supplier bank'].map((t) => text.indexOf(t));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text.match(/PSI failed/g)).toHaveLength(1);
  });
});
