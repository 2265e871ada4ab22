import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isWithinWorkingHours } from '../../../src/domain/calendar/working-hours.ts';
import { proposeSlot, type SlotAttendee } from '../../../src/domain/reviews/review-slot.ts';

const ningbo: SlotAttendee = { email: 'agent@ningbo', profile: { timeZone: 'Asia/Shanghai', start: '09:00', end: '18:00' } };
const office = (email: string, timeZone: string): SlotAttendee => ({ email, profile: { timeZone, start: '09:00', end: '18:00' } });
const day = (iso: string) => ({ from: new Date(`${iso}T00:00:00Z`), to: new Date(`${iso}T23:59:59Z`) });

describe('a review slot everybody can attend (hand-computed, across DST)', () => {
  it.each([
    // Berlin CET is 7 h behind Beijing: Berlin 09:00 = Beijing 16:00 = 08:00Z.
    ['Ningbo + Berlin in winter', day('2026-12-15'), office('c@berlin', 'Europe/Berlin'), '2026-12-15T08:00:00.000Z', 0],
    // Berlin CEST is 6 h behind: Berlin 09:00 = Beijing 15:00 = 07:00Z.
    ['Ningbo + Berlin in summer', day('2027-06-15'), office('c@berlin', 'Europe/Berlin'), '2027-06-15T07:00:00.000Z', 0],
    // No shared hour: Beijing 09:00 = New York 20:00 (EST), 30 minutes outside for New York, nobody's night.
    ['Ningbo + New York in winter', day('2026-12-15'), office('c@ny', 'America/New_York'), '2026-12-15T01:00:00.000Z', 30],
    // EDT: Beijing 09:00 = New York 21:00, still before New York's night.
    ['Ningbo + New York in summer', day('2027-06-15'), office('c@ny', 'America/New_York'), '2027-06-15T01:00:00.000Z', 30],
  ])('%s', (_name, window, client, start, outside) => {
    const slot = proposeSlot(window.from, window.to, [ningbo, client])!;
    expect(slot.start.toISOString()).toBe(start);
    expect(slot.end.getTime() - slot.start.getTime()).toBe(30 * 60_000);
    expect(slot.minutesOutside).toBe(outside);
    expect(slot.atNight).toEqual([]);
  });
});

describe('no slot when nobody would be at work', () => {
  const linMei: SlotAttendee = { email: 'lin@ningbo', profile: { timeZone: 'Asia/Shanghai', start: '09:00', end: '18:00', workingDays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] } };
  const melbourne = office('olivia@melbourne', 'Australia/Melbourne');

  it('Friday 23:40 Beijing until Saturday 08:00 Beijing (a loading the next day): no invite at Saturday dawn', () => {
    expect(proposeSlot(new Date('2026-12-04T15:40:00Z'), new Date('2026-12-05T00:00:00Z'), [linMei, melbourne])).toBeUndefined();
  });

  it('the same pair a few hours later: Saturday 09:00 Beijing, when Lin Mei is at work (Olivia is not)', () => {
    const slot = proposeSlot(new Date('2026-12-04T15:40:00Z'), new Date('2026-12-05T06:00:00Z'), [linMei, melbourne])!;
    expect(slot.start.toISOString()).toBe('2026-12-05T01:00:00.000Z');
    expect(slot.minutesOutside).toBe(30);
  });

  it('a weekend when both keep Monday–Friday: no slot at all', () => {
    expect(proposeSlot(new Date('2026-12-05T00:00:00Z'), new Date('2026-12-06T20:00:00Z'), [ningbo, melbourne])).toBeUndefined();
  });
});

describe('proposed slots, checked against every slot of the window', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Australia/Melbourne'];
  // Days around the 2027 US (14 Mar) and EU (28 Mar) switches: the shoulder weeks when the gaps to Beijing change.
  const weeks = ['2027-03-12', '2027-03-26', '2027-10-29'];
  const night = (at: Date, zone: string) => {
    const h = DateTime.fromJSDate(at, { zone }).hour;
    return h >= 22 || h < 7;
  };
  for (const zone of zones) {
    for (const week of weeks) {
      it(`Ningbo + ${zone}, week of ${week}`, () => {
        const from = new Date(`${week}T00:00:00Z`);
        const to = new Date(from.getTime() + 3 * 86_400_000);
        const people = [ningbo, office('client@x', zone), office('factory@x', 'Asia/Shanghai')];
        const slot = proposeSlot(from, to, people)!;
        const all: { start: Date; outside: number; night: boolean }[] = [];
        for (let t = from.getTime(); t + 30 * 60_000 <= to.getTime(); t += 15 * 60_000) {
          let outside = 0;
          let atNight = false;
          for (const q of [0, 15]) {
            const at = new Date(t + q * 60_000);
            for (const p of people) {
              if (!isWithinWorkingHours(at, p.profile)) outside += 15;
              atNight ||= night(at, p.profile.timeZone);
            }
          }
          all.push({ start: new Date(t), outside, night: atNight });
        }
        const daytime = all.filter((s) => !s.night);
        if (all.some((s) => s.outside === 0)) {
          expect(slot.minutesOutside).toBe(0);
          expect(slot.start).toEqual(all.find((s) => s.outside === 0)!.start);
        }
        if (daytime.length > 0) {
          expect(slot.atNight).toEqual([]);
          expect(slot.minutesOutside).toBe(Math.min(...daytime.map((s) => s.outside)));
        }
      });
    }
  }
});
