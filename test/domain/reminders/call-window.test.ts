import { describe, expect, it } from 'vitest';
import { bestCallWindow } from '../../../src/domain/reminders/call-window.ts';
import { readerAndChinaTime, spanInZone, utcOffsetLabel, zoneName } from '../../../src/domain/reminders/time-labels.ts';

const FACTORY = { timeZone: 'Asia/Shanghai', start: '09:00', end: '18:00' };
const label = (w: { start: Date; end: Date } | undefined, zone: string) =>
  w ? `${spanInZone(w.start, w.end, zone)} = ${spanInZone(w.start, w.end, 'Asia/Shanghai')}` : 'none';

describe('best call window with the factory, DST-correct', () => {
  it.each<[string, string, { timeZone: string; start: string; end: string }, boolean, string]>([
    // domain.md §8: 8 a.m. New York is 9 p.m. Beijing in winter, 8 p.m. in summer; no overlap either way.
    ['New York in winter', '2026-03-02T12:00:00Z', { timeZone: 'America/New_York', start: '08:00', end: '16:30' }, false, '08:00–09:00 New York time (UTC-5) = 21:00–22:00 Beijing time (UTC+8)'],
    ['New York in summer', '2026-03-16T12:00:00Z', { timeZone: 'America/New_York', start: '08:00', end: '16:30' }, false, '08:00–09:00 New York time (UTC-4) = 20:00–21:00 Beijing time (UTC+8)'],
    ['Berlin in winter: 2 h 30', '2026-03-02T06:00:00Z', { timeZone: 'Europe/Berlin', start: '08:30', end: '17:00' }, true, '08:30–11:00 Berlin time (UTC+1) = 15:30–18:00 Beijing time (UTC+8)'],
    ['Berlin in summer: 3 h 30', '2026-04-06T05:00:00Z', { timeZone: 'Europe/Berlin', start: '08:30', end: '17:00' }, true, '08:30–12:00 Berlin time (UTC+2) = 14:30–18:00 Beijing time (UTC+8)'],
    ['London in winter: 1 h', '2026-03-02T06:00:00Z', { timeZone: 'Europe/London', start: '09:00', end: '17:30' }, true, '09:00–10:00 London time (UTC+0) = 17:00–18:00 Beijing time (UTC+8)'],
    // Los Angeles working until 18:00 in winter: LA 17:00–18:00 = Beijing 09:00–10:00 the next day.
    ['Los Angeles in winter, late shift', '2026-03-02T16:00:00Z', { timeZone: 'America/Los_Angeles', start: '09:00', end: '18:00' }, true, '17:00–18:00 Los Angeles time (UTC-8) = 09:00–10:00 Beijing time (UTC+8)'],
  ])('%s', (_label, now, reader, overlap, expected) => {
    const window = bestCallWindow(new Date(now), reader, FACTORY);
    expect(window?.overlap).toBe(overlap);
    expect(label(window, reader.timeZone)).toBe(expected);
  });

  it('keeps today’s window once it has begun, from now on', () => {
    const window = bestCallWindow(new Date('2026-03-02T07:45:00Z'), { timeZone: 'Europe/Berlin', start: '08:30', end: '17:00' }, FACTORY);
    expect(window?.start.toISOString()).toBe('2026-03-02T07:45:00.000Z');
    expect(window?.end.toISOString()).toBe('2026-03-02T10:00:00.000Z');
  });

  it('skips the factory’s holidays (Spring Festival 2026: 15–23 Feb)', () => {
    const berlin = { timeZone: 'Europe/Berlin', start: '08:30', end: '17:00' };
    // Thursday 12 Feb: the Monday after is already off, so Thursday itself is the best day.
    expect(bestCallWindow(new Date('2026-02-12T06:00:00Z'), berlin, FACTORY)?.start.toISOString()).toBe('2026-02-12T07:30:00.000Z');
    // Monday 16 Feb: the factories do not work the whole week.
    expect(bestCallWindow(new Date('2026-02-16T06:00:00Z'), berlin, FACTORY)).toBeUndefined();
    // Wednesday 18 Feb: the week ahead reaches Tuesday 24 Feb.
    expect(bestCallWindow(new Date('2026-02-18T06:00:00Z'), berlin, FACTORY)?.start.toISOString()).toBe('2026-02-24T07:30:00.000Z');
  });
});

describe('time labels never print an abbreviation', () => {
  it.each([
    ['Asia/Shanghai', '2026-01-15T01:00:00Z', 'Beijing time', 'UTC+8'],
    ['America/Chicago', '2026-01-15T15:00:00Z', 'Chicago time', 'UTC-6'],
    ['America/New_York', '2026-07-15T12:00:00Z', 'New York time', 'UTC-4'],
    ['Asia/Kolkata', '2026-07-15T12:00:00Z', 'Kolkata time', 'UTC+5:30'],
  ])('%s', (zone, instant, name, offset) => {
    expect(zoneName(zone)).toBe(name);
    expect(utcOffsetLabel(new Date(instant), zone)).toBe(offset);
    expect(readerAndChinaTime(new Date(instant), zone)).not.toMatch(/\b(CST|CDT|EST|EDT)\b/);
  });

  it('shows the reader’s time and China time side by side', () => {
    expect(readerAndChinaTime(new Date('2026-03-02T13:00:00Z'), 'America/New_York')).toBe('Mon 2 Mar, 08:00 New York time (UTC-5) / 21:00 Beijing time (UTC+8)');
    expect(readerAndChinaTime(new Date('2026-03-02T01:00:00Z'), 'Asia/Shanghai')).toBe('Mon 2 Mar, 09:00 Beijing time (UTC+8)');
  });
});
