/**
 * Date arithmetic and formatting for DATEADD, IS_SAME, DATETIME_FORMAT and DATETIME_PARSE, all in UTC
 * (filterByFormula runs in GMT). Format strings use the moment.js tokens Airtable documents at
 * https://support.airtable.com/docs/supported-format-specifiers-for-datetime-format.
 */
import { FormulaError } from './errors.ts';

export type Unit = 'millisecond' | 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

const SHORT_UNITS: Record<string, Unit> = { ms: 'millisecond', s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week', M: 'month', Q: 'quarter', y: 'year' };
const UNITS = new Set<string>(['millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year']);

/** 'days', 'Day', 'd', 'M' (month) … → a unit, or undefined when Airtable would not know it either. */
export function parseUnit(text: string): Unit | undefined {
  const t = text.trim();
  const short = SHORT_UNITS[t];
  if (short) return short;
  const long = t.toLowerCase().replace(/s$/, '');
  return UNITS.has(long) ? (long as Unit) : undefined;
}

const FIXED_MS: Partial<Record<Unit, number>> = { millisecond: 1, second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

/** DATEADD. Like moment (which Airtable uses), day-or-longer counts are rounded and months clamp to month end. */
export function addUnits(ms: number, count: number, unit: Unit): number {
  const n = unit === 'millisecond' || unit === 'second' || unit === 'minute' || unit === 'hour' ? count : Math.round(count);
  const fixed = FIXED_MS[unit];
  if (fixed !== undefined) return ms + n * fixed;
  const months = unit === 'month' ? n : unit === 'quarter' ? 3 * n : 12 * n;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  return Date.UTC(y, m, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/** Start of the unit containing `ms` (weeks start on Sunday, moment's default locale). */
export function startOf(ms: number, unit: Unit): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  switch (unit) {
    case 'year':
      return Date.UTC(y, 0, 1);
    case 'quarter':
      return Date.UTC(y, mo - (mo % 3), 1);
    case 'month':
      return Date.UTC(y, mo, 1);
    case 'week':
      return Date.UTC(y, mo, d.getUTCDate() - d.getUTCDay());
    case 'day':
      return Date.UTC(y, mo, d.getUTCDate());
    default: {
      const size = FIXED_MS[unit] ?? 1;
      return ms - (((ms % size) + size) % size);
    }
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const TOKEN =
  /\[([^\]]*)\]|YYYY|YY|Q|MMMM|MMM|MM|M|DDDD|DDD|DD|Do|D|dddd|ddd|d|HH|H|hh|h|mm|m|ss|s|SSS|A|a|X|x|ZZ|Z|[A-Za-z]|[^A-Za-z[]+/g;
/** Letters that are moment tokens we do not implement (week-years, locales, …): refuse rather than misformat. */
const MOMENT_LETTERS = /^[YMDdeEwWGgHhkmsSaAXxZzQLlNo]$/;

type Part = string | ((d: Date) => string);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const hour12 = (d: Date): number => d.getUTCHours() % 12 || 12;
const ordinal = (n: number): string => {
  const rest = n % 100;
  const suffix = rest >= 11 && rest <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
};
const dayOfYear = (d: Date): number => Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;

const FORMATTERS: Record<string, (d: Date) => string> = {
  YYYY: (d) => pad(d.getUTCFullYear(), 4),
  YY: (d) => pad(d.getUTCFullYear() % 100),
  Q: (d) => String(Math.floor(d.getUTCMonth() / 3) + 1),
  MMMM: (d) => MONTHS[d.getUTCMonth()] ?? '',
  MMM: (d) => (MONTHS[d.getUTCMonth()] ?? '').slice(0, 3),
  MM: (d) => pad(d.getUTCMonth() + 1),
  M: (d) => String(d.getUTCMonth() + 1),
  DDDD: (d) => pad(dayOfYear(d), 3),
  DDD: (d) => String(dayOfYear(d)),
  DD: (d) => pad(d.getUTCDate()),
  Do: (d) => ordinal(d.getUTCDate()),
  D: (d) => String(d.getUTCDate()),
  dddd: (d) => WEEKDAYS[d.getUTCDay()] ?? '',
  ddd: (d) => (WEEKDAYS[d.getUTCDay()] ?? '').slice(0, 3),
  d: (d) => String(d.getUTCDay()),
  HH: (d) => pad(d.getUTCHours()),
  H: (d) => String(d.getUTCHours()),
  hh: (d) => pad(hour12(d)),
  h: (d) => String(hour12(d)),
  mm: (d) => pad(d.getUTCMinutes()),
  m: (d) => String(d.getUTCMinutes()),
  ss: (d) => pad(d.getUTCSeconds()),
  s: (d) => String(d.getUTCSeconds()),
  SSS: (d) => pad(d.getUTCMilliseconds(), 3),
  A: (d) => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
  a: (d) => (d.getUTCHours() < 12 ? 'am' : 'pm'),
  X: (d) => String(Math.floor(d.getTime() / 1000)),
  x: (d) => String(d.getTime()),
  ZZ: () => '+0000',
  Z: () => '+00:00',
};

/** Compiles a moment-style format; throws FormulaError on a token outside the supported set. */
export function compileDateFormat(format: string): (ms: number) => string {
  const parts: Part[] = [];
  for (const m of format.matchAll(TOKEN)) {
    const tok = m[0];
    if (m[1] !== undefined) parts.push(m[1]);
    else if (FORMATTERS[tok]) parts.push(FORMATTERS[tok]);
    else if (MOMENT_LETTERS.test(tok)) throw new FormulaError(`DATETIME_FORMAT: format token "${tok}" in "${format}" is not supported`);
    else parts.push(tok);
  }
  return (ms) => {
    const d = new Date(ms);
    let out = '';
    for (const p of parts) out += typeof p === 'string' ? p : p(d);
    return out;
  };
}

type Setter = { re: string; set: (f: Fields, text: string) => void };
type Fields = { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number; pm?: boolean; epoch?: number };

const monthIndex = (text: string): number => MONTHS.findIndex((n) => n.toLowerCase().startsWith(text.slice(0, 3).toLowerCase()));
const PARSERS: Record<string, Setter> = {
  YYYY: { re: '(\\d{4})', set: (f, t) => (f.y = Number(t)) },
  YY: { re: '(\\d{2})', set: (f, t) => (f.y = Number(t) + (Number(t) > 68 ? 1900 : 2000)) },
  MMMM: { re: '([A-Za-z]+)', set: (f, t) => (f.mo = monthIndex(t)) },
  MMM: { re: '([A-Za-z]{3})', set: (f, t) => (f.mo = monthIndex(t)) },
  MM: { re: '(\\d{1,2})', set: (f, t) => (f.mo = Number(t) - 1) },
  M: { re: '(\\d{1,2})', set: (f, t) => (f.mo = Number(t) - 1) },
  DD: { re: '(\\d{1,2})', set: (f, t) => (f.d = Number(t)) },
  D: { re: '(\\d{1,2})', set: (f, t) => (f.d = Number(t)) },
  Do: { re: '(\\d{1,2})(?:st|nd|rd|th)', set: (f, t) => (f.d = Number(t)) },
  HH: { re: '(\\d{1,2})', set: (f, t) => (f.h = Number(t)) },
  H: { re: '(\\d{1,2})', set: (f, t) => (f.h = Number(t)) },
  hh: { re: '(\\d{1,2})', set: (f, t) => (f.h = Number(t) % 12) },
  h: { re: '(\\d{1,2})', set: (f, t) => (f.h = Number(t) % 12) },
  mm: { re: '(\\d{1,2})', set: (f, t) => (f.mi = Number(t)) },
  m: { re: '(\\d{1,2})', set: (f, t) => (f.mi = Number(t)) },
  ss: { re: '(\\d{1,2})', set: (f, t) => (f.s = Number(t)) },
  s: { re: '(\\d{1,2})', set: (f, t) => (f.s = Number(t)) },
  SSS: { re: '(\\d{1,3})', set: (f, t) => (f.ms = Number(t.padEnd(3, '0'))) },
  A: { re: '([AaPp][Mm])', set: (f, t) => (f.pm = t.toLowerCase() === 'pm') },
  a: { re: '([AaPp][Mm])', set: (f, t) => (f.pm = t.toLowerCase() === 'pm') },
  X: { re: '(\\d+)', set: (f, t) => (f.epoch = Number(t) * 1000) },
  x: { re: '(\\d+)', set: (f, t) => (f.epoch = Number(t)) },
};

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Compiles a moment-style input format into a parser returning UTC ms, or undefined when the text does not
 * match. Separators are lenient (any run of punctuation or spaces matches any other), as moment's are.
 */
export function compileDateParser(format: string): (text: string) => number | undefined {
  const setters: Setter[] = [];
  let re = '^\\s*';
  for (const m of format.matchAll(TOKEN)) {
    const tok = m[0];
    const parser = PARSERS[tok];
    if (m[1] !== undefined) re += escapeRe(m[1]);
    else if (parser) {
      setters.push(parser);
      re += parser.re;
    } else if (MOMENT_LETTERS.test(tok)) throw new FormulaError(`DATETIME_PARSE: format token "${tok}" in "${format}" is not supported`);
    else if (/^[^A-Za-z0-9]+$/.test(tok)) re += '[^A-Za-z0-9]+';
    else re += escapeRe(tok);
  }
  const pattern = new RegExp(`${re}\\s*$`);
  return (text) => {
    const match = pattern.exec(text);
    if (!match) return undefined;
    const f: Fields = { y: 1970, mo: 0, d: 1, h: 0, mi: 0, s: 0, ms: 0 };
    setters.forEach((s, i) => s.set(f, match[i + 1] ?? ''));
    if (f.epoch !== undefined) return f.epoch;
    if (f.pm) f.h += 12;
    if (f.mo < 0 || f.mo > 11 || f.d < 1 || f.h > 23 || f.mi > 59 || f.s > 59) return undefined;
    const ms = Date.UTC(f.y, f.mo, f.d, f.h, f.mi, f.s, f.ms);
    return new Date(ms).getUTCDate() === f.d ? ms : undefined;
  };
}
