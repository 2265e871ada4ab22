import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/domain/models/alert.ts';
import type { Person } from '../../../src/domain/models/person.ts';
import { criticalKey, digestKey } from '../../../src/domain/reminders/dedupe-keys.ts';
import { planReminders } from '../../../src/domain/reminders/plan-reminders.ts';
import { alert, person } from './people-and-alerts.ts';

const BOSS = person('BOSS', { role: 'Manager', timeZone: 'Asia/Shanghai', workingHoursStart: '09:00', workingHoursEnd: '18:00' });
const VOGEL = person('VOGEL', { manager: 'BOSS' });
const REED = person('REED', { timeZone: 'America/New_York', workingHoursStart: '08:00', workingHoursEnd: '16:30', manager: 'BOSS' });
const LIN = person('LIN', { timeZone: 'Asia/Shanghai', workingHoursStart: '09:00', workingHoursEnd: '18:00', workingDays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'], manager: 'BOSS' });
const PEOPLE = [BOSS, VOGEL, REED, LIN];

const plan = (now: string, alerts: Alert[], options: { people?: Person[]; done?: string[]; n?: number; inCriticalMail?: string[] } = {}) =>
  planReminders({
    now: new Date(now),
    people: options.people ?? PEOPLE,
    alerts,
    doneKeys: new Set(options.done ?? []),
    inCriticalMail: new Set(options.inCriticalMail ?? []),
    settings: options.n === undefined ? {} : { escalateAfterWorkingDays: options.n },
  });

describe('digest timing in each person’s zone and calendar', () => {
  it.each<[string, string, string, { due: string } | { queued: string; day: string }]>([
    ['Berlin 08:45 CET', 'VOGEL', '2026-03-02T07:45:00Z', { due: '2026-03-02' }],
    ['Berlin 03:00: queued for 08:30 CET', 'VOGEL', '2026-03-02T02:00:00Z', { queued: '2026-03-02T07:30:00.000Z', day: '2026-03-02' }],
    ['Berlin Friday 16:59 CET, last minute', 'VOGEL', '2026-03-27T15:59:00Z', { due: '2026-03-27' }],
    ['Berlin Friday 17:00 CET → Monday 08:30 CEST (after the switch on 29 Mar)', 'VOGEL', '2026-03-27T16:00:00Z', { queued: '2026-03-30T06:30:00.000Z', day: '2026-03-30' }],
    ['Berlin Monday 08:15 CEST → 08:30 CEST', 'VOGEL', '2026-03-30T06:15:00Z', { queued: '2026-03-30T06:30:00.000Z', day: '2026-03-30' }],
    ['Berlin Saturday → Monday', 'VOGEL', '2026-03-07T10:00:00Z', { queued: '2026-03-09T07:30:00.000Z', day: '2026-03-09' }],
    ['New York Friday 07:15 EST → 08:00 EST', 'REED', '2026-03-06T12:15:00Z', { queued: '2026-03-06T13:00:00.000Z', day: '2026-03-06' }],
    ['New York Monday 08:15 EDT (DST began 8 Mar)', 'REED', '2026-03-09T12:15:00Z', { due: '2026-03-09' }],
    ['New York Monday 07:30 EST (DST ended 1 Nov) → 08:00 EST', 'REED', '2026-11-02T12:30:00Z', { queued: '2026-11-02T13:00:00.000Z', day: '2026-11-02' }],
    ['Ningbo, works Saturdays: Saturday 10:00', 'LIN', '2026-03-07T02:00:00Z', { due: '2026-03-07' }],
    ['Ningbo, Mon–Fri: Saturday → Monday 09:00', 'BOSS', '2026-03-07T02:00:00Z', { queued: '2026-03-09T01:00:00.000Z', day: '2026-03-09' }],
    ['Ningbo, Spring Festival → Tuesday 24 Feb', 'BOSS', '2026-02-18T02:00:00Z', { queued: '2026-02-24T01:00:00.000Z', day: '2026-02-24' }],
    ['Ningbo, make-up Saturday 14 Feb is a working day', 'BOSS', '2026-02-14T02:00:00Z', { due: '2026-02-14' }],
    ['Ningbo, Golden Week → Thursday 8 Oct', 'BOSS', '2026-10-01T02:00:00Z', { queued: '2026-10-08T01:00:00.000Z', day: '2026-10-08' }],
  ])('%s', (_label, owner, now, expected) => {
    const result = plan(now, [alert('A1', { owner, firstSeen: '2026-02-01T00:00:00.000Z', escalated: true })]);
    const digests = [...result.due, ...result.queued].filter((i) => i.kind === 'Digest');
    expect(digests).toHaveLength(1);
    if ('due' in expected) {
      expect(result.due).toEqual([{ key: digestKey(owner, expected.due), kind: 'Digest', recipientId: owner, alertIds: ['A1'], localDate: expected.due }]);
    } else {
      expect(result.due).toEqual([]);
      expect(result.queued).toEqual([{ key: digestKey(owner, expected.day), kind: 'Digest', recipientId: owner, alertIds: ['A1'], localDate: expected.day, sendAt: expected.queued }]);
    }
  });

  it('puts every remindable alert of the owner in one digest, criticals first', () => {
    const result = plan('2026-03-02T07:45:00Z', [
      alert('W1', { owner: 'VOGEL', firstSeen: '2026-02-26T08:00:00.000Z', escalated: true }),
      alert('C1', { owner: 'VOGEL', severity: 'Critical', escalated: true }),
      alert('I1', { owner: 'VOGEL', severity: 'Info' }),
      alert('R1', { owner: 'REED' }),
    ]);
    expect(result.due.find((i) => i.kind === 'Digest' && i.recipientId === 'VOGEL')?.alertIds).toEqual(['C1', 'W1', 'I1']);
  });

  it('orders alerts seen at the same moment by their message, whatever order Airtable lists them in', () => {
    const seen = '2026-02-26T08:00:00.000Z';
    const a = alert('recZZZ', { owner: 'VOGEL', severity: 'Critical', escalated: true, firstSeen: seen, message: 'PO-2404 at Ningbo: target missed' });
    const b = alert('recAAA', { owner: 'VOGEL', severity: 'Critical', escalated: true, firstSeen: seen, message: 'PO-2405 at Ningbo: target missed' });
    for (const alerts of [[a, b], [b, a]]) {
      const critical = plan('2026-03-02T07:45:00Z', alerts).due.find((i) => i.kind === 'Critical');
      expect(critical?.alertIds).toEqual(['recZZZ', 'recAAA']);
    }
  });

  it('does not plan a key that was already sent', () => {
    const alerts = [alert('A1', { owner: 'VOGEL' })];
    expect(plan('2026-03-02T07:45:00Z', alerts, { done: [digestKey('VOGEL', '2026-03-02')] }).due).toEqual([]);
  });
});

describe('critical findings go at once inside working hours, one mail per person', () => {
  const critical = alert('C1', { owner: 'VOGEL', severity: 'Critical', key: 'shipped-without-psi:PO-1', escalated: true });
  it.each<[string, string, 'due' | 'queued', string]>([
    ['inside working hours', '2026-03-02T10:00:00Z', 'due', '2026-03-02'],
    ['at night', '2026-03-02T22:00:00Z', 'queued', '2026-03-03'],
  ])('%s → %s', (_label, now, where, day) => {
    const result = plan(now, [critical]);
    const found = result[where].filter((i) => i.kind === 'Critical');
    expect(found.map((i) => i.key)).toEqual([criticalKey('VOGEL', day, ['shipped-without-psi:PO-1'])]);
  });

  const at = (id: string, firstSeen: string, overrides: Partial<Alert> = {}) =>
    alert(id, { owner: 'VOGEL', severity: 'Critical', firstSeen, escalated: true, ...overrides });
  const C1 = at('C1', '2026-02-20T08:00:00.000Z');
  const C2 = at('C2', '2026-02-25T08:00:00.000Z');
  const C3 = at('C3', '2026-02-23T08:00:00.000Z');
  const MAILED = '2026-03-02T07:45:00.000Z';
  it.each<[string, Alert[], string[], string[] | undefined]>([
    ['three new criticals → one mail, oldest first', [C2, C1, C3], [], ['C1', 'C3', 'C2']],
    ['criticals already mailed ("Notified at") are left out', [{ ...C1, notifiedAt: MAILED }, C2, { ...C3, notifiedAt: MAILED }], [], ['C2']],
    ['every critical already mailed → no mail', [{ ...C1, notifiedAt: MAILED }, { ...C2, notifiedAt: MAILED }], [], undefined],
    ['a critical in an unconfirmed mail is not mailed again', [C1, C2], ['C1'], ['C2']],
    ['warnings are only in the digest', [C1, alert('W1', { owner: 'VOGEL', escalated: true })], [], ['C1']],
  ])('%s', (_label, alerts, inCriticalMail, expected) => {
    const result = plan('2026-03-02T10:00:00Z', alerts, { inCriticalMail });
    const mails = result.due.filter((i) => i.kind === 'Critical');
    expect(result.queued.filter((i) => i.kind === 'Critical')).toEqual([]);
    if (!expected) return expect(mails).toEqual([]);
    const byId = new Map(alerts.map((a) => [a.id, a]));
    expect(mails).toEqual([
      { key: criticalKey('VOGEL', '2026-03-02', expected.map((id) => byId.get(id)!.key)), kind: 'Critical', recipientId: 'VOGEL', alertIds: expected, localDate: '2026-03-02' },
    ]);
  });

  it('keys a mail by person, day and set of alerts: the same set is the same mail, in any order', () => {
    expect(criticalKey('VOGEL', '2026-03-02', ['b', 'a'])).toBe(criticalKey('VOGEL', '2026-03-02', ['a', 'b']));
    const other = [criticalKey('REED', '2026-03-02', ['a', 'b']), criticalKey('VOGEL', '2026-03-03', ['a', 'b']), criticalKey('VOGEL', '2026-03-02', ['a'])];
    expect(new Set([criticalKey('VOGEL', '2026-03-02', ['a', 'b']), ...other]).size).toBe(4);
  });

  it('plans nothing for a set whose key was already sent', () => {
    const key = criticalKey('VOGEL', '2026-03-02', [C1.key, C2.key]);
    expect(plan('2026-03-02T10:00:00Z', [C1, C2], { done: [key] }).due.filter((i) => i.kind === 'Critical')).toEqual([]);
  });
});

describe('acknowledged, snoozed and resolved alerts are not reminded', () => {
  it.each<[string, Partial<Alert>, boolean]>([
    ['open', {}, true],
    ['acknowledged', { status: 'Acknowledged' }, false],
    ['resolved', { status: 'Resolved' }, false],
    ['snoozed until next week', { status: 'Snoozed', snoozedUntil: '2026-03-09T00:00:00.000Z' }, false],
    ['snooze ran out', { status: 'Snoozed', snoozedUntil: '2026-03-01T00:00:00.000Z' }, true],
    ['snoozed without an end', { status: 'Snoozed' }, false],
    ['open but with a snooze date ahead', { snoozedUntil: '2026-03-09T00:00:00.000Z' }, false],
  ])('%s → reminded: %s', (_label, overrides, reminded) => {
    const result = plan('2026-03-02T07:45:00Z', [alert('A1', { owner: 'VOGEL', ...overrides })]);
    expect(result.due.some((i) => i.alertIds.includes('A1'))).toBe(reminded);
  });
});

describe('escalation to the manager after N of the owner’s working days, once', () => {
  // First seen Friday 27 Feb 09:00 in Berlin; the manager works in Ningbo (07:45Z = 15:45 there).
  it.each<[string, string, Partial<Alert>, number | undefined, 'due' | 'queued' | 'none']>([
    ['Monday: 1 working day', '2026-03-02T07:45:00Z', {}, undefined, 'none'],
    ['Tuesday: 2 working days', '2026-03-03T07:45:00Z', {}, undefined, 'due'],
    ['Tuesday with N = 3', '2026-03-03T07:45:00Z', {}, 3, 'none'],
    ['Wednesday with N = 3', '2026-03-04T07:45:00Z', {}, 3, 'due'],
    ['Tuesday, already escalated', '2026-03-03T07:45:00Z', { escalated: true }, undefined, 'none'],
    ['Tuesday, an Info finding', '2026-03-03T07:45:00Z', { severity: 'Info' }, undefined, 'none'],
    ['Tuesday, acknowledged', '2026-03-03T07:45:00Z', { status: 'Acknowledged' }, undefined, 'none'],
    ['Tuesday, critical too', '2026-03-03T07:45:00Z', { severity: 'Critical' }, undefined, 'due'],
    ['Tuesday at noon in Berlin = 19:00 in Ningbo: waits for the manager', '2026-03-03T11:00:00Z', {}, undefined, 'queued'],
  ])('%s → %s', (_label, now, overrides, n, expected) => {
    const result = plan(now, [alert('W1', { owner: 'VOGEL', ...overrides })], { n });
    const due = result.due.filter((i) => i.kind === 'Escalation');
    const queued = result.queued.filter((i) => i.kind === 'Escalation');
    expect(due.length + queued.length).toBe(expected === 'none' ? 0 : 1);
    for (const e of [...due, ...queued]) expect(e).toMatchObject({ recipientId: 'BOSS', alertIds: ['W1'] });
    if (expected === 'queued') expect(queued[0]?.sendAt).toBe('2026-03-04T01:00:00.000Z');
    if (expected === 'due') expect(due).toHaveLength(1);
  });

  it('counts the Chinese calendar for an owner in China (Spring Festival days do not count)', () => {
    const w = alert('W1', { owner: 'LIN', firstSeen: '2026-02-13T03:00:00.000Z' }); // Friday before the holiday
    const escalations = (now: string) => plan(now, [w]).due.filter((i) => i.kind === 'Escalation');
    expect(escalations('2026-02-14T03:00:00Z')).toEqual([]); // make-up Saturday: 1
    expect(escalations('2026-02-23T03:00:00Z')).toEqual([]); // still the holiday
    expect(escalations('2026-02-24T03:00:00Z')).toHaveLength(1); // first day back: 2
  });

  it('sends one escalation per manager for the alerts of several owners', () => {
    const result = plan('2026-03-03T13:30:00Z', [alert('W1', { owner: 'VOGEL' }), alert('W2', { owner: 'REED' })]);
    const escalations = [...result.due, ...result.queued].filter((i) => i.kind === 'Escalation');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]?.alertIds.sort()).toEqual(['W1', 'W2']);
  });
});

describe('who cannot be reminded is reported, not guessed', () => {
  it.each<[string, Person[], Alert[], RegExp]>([
    ['an alert without owner', PEOPLE, [alert('A1')], /Alert "rule:A1" has no Owner/],
    ['an owner without time zone', [person('VOGEL', { timeZone: undefined })], [alert('A1', { owner: 'VOGEL' })], /People VOGEL \(VOGEL\): "Time zone" is missing; reminders held back/],
    ['an owner who left', [person('VOGEL', { active: false })], [alert('A1', { owner: 'VOGEL' })], /"Active" is not ticked/],
    ['an owner without manager, due for escalation', [person('VOGEL')], [alert('A1', { owner: 'VOGEL' })], /"Manager" is empty; alert "rule:A1" cannot be escalated/],
  ])('%s', (_label, people, alerts, message) => {
    const result = plan('2026-03-03T07:45:00Z', alerts, { people });
    expect(result.held.some((h) => message.test(h))).toBe(true);
  });
});
