/**
 * Working hours of a person in their own IANA zone, so reminders go out at a sensible local hour.
 * Instants are UTC `Date`s; the wall clock comes from the zone (Luxon/ICU tzdata), so DST shifts are honoured.
 * People in mainland China follow the Chinese calendar (holidays off, make-up days on); everyone works their
 * own working days (Monday–Friday unless told otherwise; their own public holidays are not modelled).
 */
import { DateTime, IANAZone } from 'luxon';
import { chinaDayStatus } from './china-working-days.ts';
import { addDays, formatIsoDate, weekday, type IsoDate } from './iso-date.ts';

/** The Working days choices of the People table. */
export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

export interface WorkingHoursProfile {
  /** IANA zone such as `Asia/Shanghai` or `Europe/Berlin`; never "CST" or a fixed offset. */
  timeZone: string;
  /** Local start, `HH:mm` (default 09:00), inclusive. */
  start?: string;
  /** Local end, `HH:mm` (default 18:00), exclusive. */
  end?: string;
  /** Which day calendar applies; defaults to `CN` for mainland-China zones, else `weekdays`. */
  calendar?: 'CN' | 'weekdays';
  /** Days this person works (default Mon–Fri); on the CN calendar holidays stay off and make-up days on. */
  workingDays?: readonly WeekdayName[];
}

// Mainland zones in tzdata (the others are links to Asia/Shanghai). Hong Kong and Macau have their own holidays.
const MAINLAND_CHINA_ZONES = new Set(['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin']);
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MAX_SEARCH_DAYS = 60;

interface ResolvedProfile {
  zone: string;
  startMinutes: number;
  endMinutes: number;
  calendar: 'CN' | 'weekdays';
  /** ISO weekdays 1–7. */
  workingDays: ReadonlySet<number>;
}

const DEFAULT_WORKING_DAYS: readonly WeekdayName[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

export function isWithinWorkingHours(instant: Date, profile: WorkingHoursProfile): boolean {
  const p = resolve(profile);
  const local = toLocal(instant, p);
  if (!isWorkingDate(formatIsoDate(local), p)) return false;
  const minutes = local.hour * 60 + local.minute;
  return minutes >= p.startMinutes && minutes < p.endMinutes;
}

/** The first start of working hours strictly after `instant` (a person already at work gets tomorrow's start). */
export function nextWorkingHoursStart(instant: Date, profile: WorkingHoursProfile): Date {
  const p = resolve(profile);
  let day = formatIsoDate(toLocal(instant, p));
  for (let i = 0; i <= MAX_SEARCH_DAYS; i += 1, day = addDays(day, 1)) {
    if (!isWorkingDate(day, p)) continue;
    const start = localStart(day, p);
    if (start.toMillis() > instant.getTime()) return start.toJSDate();
  }
  throw new RangeError(`no working day within ${MAX_SEARCH_DAYS} days for zone ${p.zone}`);
}

/** When a reminder may go out: now if the person is at work, else the next start of their working hours. */
export function nextSendTime(instant: Date, profile: WorkingHoursProfile): Date {
  return isWithinWorkingHours(instant, profile) ? instant : nextWorkingHoursStart(instant, profile);
}

/** Is this plain date (in the person's own zone) one of their working days? */
export function isWorkingDay(day: IsoDate, profile: WorkingHoursProfile): boolean {
  return isWorkingDate(day, resolve(profile));
}

/** The person's local calendar date at `instant`. */
export function localDateOf(instant: Date, profile: WorkingHoursProfile): IsoDate {
  return formatIsoDate(toLocal(instant, resolve(profile)));
}

/** Start and end of working hours on a local date, as instants (DST-correct). */
export function workingHoursOn(day: IsoDate, profile: WorkingHoursProfile): { start: Date; end: Date } {
  const p = resolve(profile);
  return { start: localStart(day, p).toJSDate(), end: localClock(day, p.endMinutes, p).toJSDate() };
}

function resolve(profile: WorkingHoursProfile): ResolvedProfile {
  const zone = profile.timeZone;
  // ICU also accepts abbreviations such as "CST" (China or US Central?) and fixed offsets; a person's zone must
  // be a real Area/Location name so DST and the China calendar follow from it.
  const areaLocation = zone === 'UTC' || (typeof zone === 'string' && zone.includes('/') && !zone.startsWith('Etc/GMT'));
  if (typeof zone !== 'string' || !areaLocation || !IANAZone.isValidZone(zone)) {
    throw new RangeError(`Time zone: expected an IANA zone such as Asia/Shanghai, got ${JSON.stringify(zone)}`);
  }
  const startMinutes = parseClock(profile.start ?? '09:00', 'Working hours start');
  const endMinutes = parseClock(profile.end ?? '18:00', 'Working hours end');
  if (endMinutes <= startMinutes) {
    throw new RangeError(`Working hours end (${profile.end}) must be after Working hours start (${profile.start ?? '09:00'})`);
  }
  const days = profile.workingDays ?? DEFAULT_WORKING_DAYS;
  const bad = days.find((d) => !WEEKDAY_NAMES.includes(d));
  if (bad !== undefined) throw new RangeError(`Working days: expected ${WEEKDAY_NAMES.join(', ')}, got ${JSON.stringify(bad)}`);
  return {
    zone,
    startMinutes,
    endMinutes,
    calendar: profile.calendar ?? (MAINLAND_CHINA_ZONES.has(zone) ? 'CN' : 'weekdays'),
    workingDays: new Set(days.map((d) => WEEKDAY_NAMES.indexOf(d) + 1)),
  };
}

function parseClock(text: string, field: string): number {
  const m = HH_MM.exec(text);
  if (!m) throw new RangeError(`${field}: expected HH:mm (24 h), got ${JSON.stringify(text)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function toLocal(instant: Date, p: ResolvedProfile): DateTime {
  if (Number.isNaN(instant.getTime())) throw new RangeError('instant: invalid Date');
  return DateTime.fromJSDate(instant, { zone: p.zone });
}

function isWorkingDate(day: IsoDate, p: ResolvedProfile): boolean {
  if (p.calendar === 'CN') {
    const status = chinaDayStatus(day);
    if (status.reason === 'public holiday') return false;
    if (status.reason === 'make-up working day') return true;
  }
  return p.workingDays.has(weekday(day));
}

function localStart(day: IsoDate, p: ResolvedProfile): DateTime {
  return localClock(day, p.startMinutes, p);
}

function localClock(day: IsoDate, minutes: number, p: ResolvedProfile): DateTime {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // A time inside a DST gap (e.g. 02:30 on the spring-forward night) is pushed forward by Luxon, as clocks are.
  return DateTime.fromObject({ year: y, month: m, day: d, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone: p.zone });
}
