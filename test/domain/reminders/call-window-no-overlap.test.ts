import { describe, expect, it } from 'vitest';
import { bestCallWindow } from '../../../src/domain/reminders/call-window.ts';
import { spanInZone } from '../../../src/domain/reminders/time-labels.ts';

const FACTORY = { timeZone: 'Asia/Shanghai', start: '09:00', end: '18:00' };
const label = (w: { start: Date; end: Date } | undefined, zone: string) =>
  w ? `${spanInZone(w.start, w.end, zone)} = ${spanInZone(w.start, w.end, 'Asia/Shanghai')}` : 'none';
const localHour = (d: Date, zone: string) => Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: zone }).format(d));

describe('call window when the working hours never meet: least time outside, never at night', () => {
  it.each<[string, string, { timeZone: string; start: string; end: string }, string]>([
    // EST: every New York working hour is Beijing's night (22:00–06:00); 20:00 New York = 09:00 Beijing costs the
    // reader one hour outside, 08:00 New York = 21:00 Beijing one hour each.
    ['New York 09:00–17:00 in winter', '2026-03-02T12:00:00Z', { timeZone: 'America/New_York', start: '09:00', end: '17:00' }, '20:00–21:00 New York time (UTC-5) = 09:00–10:00 Beijing time (UTC+8)'],
    // The week after the US switch to EDT (8 Mar 2026): 09:00 New York is 21:00 Beijing, inside the reader's day.
    ['New York 09:00–17:00 after the DST switch', '2026-03-09T12:00:00Z', { timeZone: 'America/New_York', start: '09:00', end: '17:00' }, '09:00–10:00 New York time (UTC-4) = 21:00–22:00 Beijing time (UTC+8)'],
    // Asked on the Friday before the switch: the proposal is on Monday, already in EDT.
    ['New York across the DST week-end', '2026-03-06T20:00:00Z', { timeZone: 'America/New_York', start: '09:00', end: '17:00' }, '09:00–10:00 New York time (UTC-4) = 21:00–22:00 Beijing time (UTC+8)'],
    // Asked on Friday 30 Oct in EDT; the US returns to EST on 1 Nov 2026, so Monday's answer is the winter one.
    ['New York in the November switch week', '2026-10-30T20:00:00Z', { timeZone: 'America/New_York', start: '09:00', end: '17:00' }, '20:00–21:00 New York time (UTC-5) = 09:00–10:00 Beijing time (UTC+8)'],
    // Los Angeles in summer: LA 18:00 = Beijing 09:00; 16:00–17:00 LA = 07:00–08:00 Beijing, outside only for the factory.
    ['Los Angeles in summer', '2026-04-06T16:00:00Z', { timeZone: 'America/Los_Angeles', start: '09:00', end: '17:00' }, '16:00–17:00 Los Angeles time (UTC-7) = 07:00–08:00 Beijing time (UTC+8)'],
  ])('%s', (_name, now, reader, expected) => {
    const window = bestCallWindow(new Date(now), reader, FACTORY);
    expect(window?.overlap).toBe(false);
    expect(label(window, reader.timeZone)).toBe(expected);
  });

  it('never proposes a slot in either side\'s night (22:00–07:00) across a whole year of weeks', () => {
    const reader = { timeZone: 'America/New_York', start: '09:00', end: '17:00' };
    for (let week = 0; week < 52; week += 4) {
      const now = new Date(Date.UTC(2026, 0, 5 + week * 7, 12));
      const w = bestCallWindow(now, reader, FACTORY);
      if (!w) continue; // a week the factory does not work
      for (const zone of ['America/New_York', 'Asia/Shanghai']) {
        for (const t of [w.start, new Date(w.end.getTime() - 1)]) {
          const hour = localHour(t, zone);
          expect(hour >= 7 && hour < 22, `${now.toISOString()} ${zone} ${hour}`).toBe(true);
        }
      }
    }
  });
});
