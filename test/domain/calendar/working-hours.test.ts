import { describe, expect, it } from 'vitest';
import { isWithinWorkingHours, nextSendTime, nextWorkingHoursStart } from '../../../src/domain/calendar/working-hours.ts';

const berlin = { timeZone: 'Europe/Berlin', start: '09:00', end: '18:00' };
const ningbo = { timeZone: 'Asia/Shanghai', start: '09:00', end: '18:00' };
const newYork = { timeZone: 'America/New_York', start: '08:30', end: '17:30' };

describe('isWithinWorkingHours across DST', () => {
  it.each([
    // Europe/Berlin moves from CET (+1) to CEST (+2) on Sunday 29 March 2026.
    ['2026-03-27T08:00:00Z', berlin, true], //  Fri 09:00 CET
    ['2026-03-27T07:30:00Z', berlin, false], // Fri 08:30 CET
    ['2026-03-27T16:59:00Z', berlin, true], //  Fri 17:59 CET
    ['2026-03-27T17:00:00Z', berlin, false], // Fri 18:00 CET: end is exclusive
    ['2026-03-30T07:00:00Z', berlin, true], //  Mon 09:00 CEST (same UTC would have been 08:00 a week before)
    ['2026-03-30T06:30:00Z', berlin, false], // Mon 08:30 CEST
    ['2026-03-30T16:30:00Z', berlin, false], // Mon 18:30 CEST
    ['2026-03-29T10:00:00Z', berlin, false], // Sunday
    // US DST starts 8 March 2026.
    ['2026-03-06T13:30:00Z', newYork, true], //  Fri 08:30 EST
    ['2026-03-09T12:30:00Z', newYork, true], //  Mon 08:30 EDT
    ['2026-03-09T22:00:00Z', newYork, false], // Mon 18:00 EDT
    // China: make-up Saturday is a working day, Spring Festival weekdays are not.
    ['2026-02-14T02:00:00Z', ningbo, true], //  Sat 10:00 Beijing, make-up day
    ['2026-02-18T02:00:00Z', ningbo, false], // Wed 10:00 Beijing, Spring Festival
    ['2026-03-02T10:30:00Z', ningbo, false], // Mon 18:30 Beijing
  ] as const)('%s in %s → %s', (iso, profile, expected) => {
    expect(isWithinWorkingHours(new Date(iso), profile)).toBe(expected);
  });
});

describe('nextWorkingHoursStart', () => {
  it.each([
    // After Friday's close before the switch, the next start is Monday 09:00 CEST = 07:00 UTC (not 08:00).
    ['2026-03-27T17:00:00Z', berlin, '2026-03-30T07:00:00.000Z'],
    // Early Monday morning local time: the same day.
    ['2026-03-30T05:00:00Z', berlin, '2026-03-30T07:00:00.000Z'],
    // During working hours: the start of the next working day.
    ['2026-03-30T10:00:00Z', berlin, '2026-03-31T07:00:00.000Z'],
    // Back to CET at the end of October (25 Oct 2026): Monday 09:00 CET = 08:00 UTC.
    ['2026-10-23T17:00:00Z', berlin, '2026-10-26T08:00:00.000Z'],
    // Friday evening in Ningbo before CNY: the make-up Saturday 09:00 Beijing = 01:00 UTC.
    ['2026-02-13T11:00:00Z', ningbo, '2026-02-14T01:00:00.000Z'],
    // After the make-up Saturday: skip the 9-day holiday to Tuesday 24 Feb.
    ['2026-02-14T11:00:00Z', ningbo, '2026-02-24T01:00:00.000Z'],
    // Golden Week: 30 Sep evening → Thursday 8 Oct.
    ['2026-09-30T12:00:00Z', ningbo, '2026-10-08T01:00:00.000Z'],
  ] as const)('after %s in %s → %s', (iso, profile, expected) => {
    expect(nextWorkingHoursStart(new Date(iso), profile).toISOString()).toBe(expected);
  });

  it('nextSendTime keeps an instant inside working hours and defers one outside', () => {
    const inside = new Date('2026-03-30T10:00:00Z');
    expect(nextSendTime(inside, berlin)).toBe(inside);
    expect(nextSendTime(new Date('2026-03-28T10:00:00Z'), berlin).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it.each([
    [{ timeZone: 'CST' }, /IANA zone/],
    [{ timeZone: 'UTC+8' }, /IANA zone/],
    [{ timeZone: 'Etc/GMT-8' }, /IANA zone/],
    [{ timeZone: 'Asia/Shanghai', start: '9am' }, /Working hours start/],
    [{ timeZone: 'Asia/Shanghai', start: '18:00', end: '09:00' }, /must be after/],
  ])('rejects %j', (profile, message) => {
    expect(() => isWithinWorkingHours(new Date(), profile)).toThrow(message);
  });
});
