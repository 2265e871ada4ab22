/**
 * Parsers for cell values: strict ones for what the API accepts as is, and the best-effort conversions that
 * `typecast: true` turns on (https://airtable.com/developers/web/api/create-records, "typecast").
 * Each returns undefined when the input cannot be read, and the caller answers INVALID_VALUE_FOR_COLUMN.
 */
import { DateTime, IANAZone } from 'luxon';

/** `2022-09-05`, also the date part of an ISO date-time; impossible dates (2027-02-31) are rejected. */
export function parseIsoDate(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    return DateTime.fromISO(trimmed, { zone: 'utc' }).isValid ? trimmed : undefined;
  }
  const dateTime = parseIsoDateTime(trimmed, 'utc');
  return dateTime?.slice(0, 10);
}

/** An ISO 8601 instant, normalised to `2022-09-05T07:00:00.000Z`; a value without offset is read in `zone`. */
export function parseIsoDateTime(text: string, zone: string): string | undefined {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i.test(trimmed)) return undefined;
  const parsed = DateTime.fromISO(trimmed.replace(' ', 'T'), { zone: usableZone(zone), setZone: false });
  return parsed.isValid ? (parsed.toUTC().toISO() ?? undefined) : undefined;
}

/** Date and date-time layouts people type, tried by typecast after ISO. */
const LOOSE_FORMATS = [
  'yyyy/M/d',
  'M/d/yyyy',
  'M/d/yy',
  'd.M.yyyy',
  'MMMM d, yyyy',
  'MMM d, yyyy',
  'd MMMM yyyy',
  'd MMM yyyy',
  'M/d/yyyy h:mm a',
  'M/d/yyyy H:mm',
  'yyyy/M/d H:mm',
];

export function looseDateTime(text: string, zone: string): DateTime | undefined {
  const trimmed = text.trim();
  const iso = parseIsoDateTime(trimmed, zone);
  if (iso !== undefined) return DateTime.fromISO(iso, { zone: 'utc' });
  const rfc = DateTime.fromRFC2822(trimmed);
  if (rfc.isValid) return rfc.toUTC();
  for (const format of LOOSE_FORMATS) {
    const parsed = DateTime.fromFormat(trimmed, format, { zone: usableZone(zone), locale: 'en-US' });
    if (parsed.isValid) return parsed.toUTC();
  }
  return undefined;
}

/** `client` and `utc` are Airtable's non-IANA time-zone settings; the emulator reads both as UTC. */
export function usableZone(zone: string): string {
  return zone !== 'utc' && zone !== 'client' && IANAZone.isValidZone(zone) ? zone : 'utc';
}

/** `1,234.50`, `$12`, `¥ 3 000`, `45%` (divided by 100 when `percent`). */
export function looseNumber(text: string, percent: boolean): number | undefined {
  let cleaned = text.trim().replace(/[\s,]/g, '').replace(/^[^\d+\-.]+/, '');
  const isPercent = cleaned.endsWith('%');
  if (isPercent) cleaned = cleaned.slice(0, -1);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return undefined;
  const n = Number(cleaned);
  if (!Number.isFinite(n)) return undefined;
  return isPercent && percent ? n / 100 : n;
}

export function looseBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 'checked', 'on', 'x', '✓', '✔'].includes(text)) return true;
  if (['false', 'no', 'n', '0', '', 'unchecked', 'off'].includes(text)) return false;
  return undefined;
}

/** `1:30` → 5400 s, `1:30:15.5` → 5415.5 s, `90` → 90 s. */
export function looseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  const clock = /^(\d+):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?$/.exec(trimmed);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
  return looseNumber(trimmed, false);
}

/** Rounds to a field's precision, as Airtable stores numbers at the precision of the field. */
export function roundTo(value: number, precision: number): number {
  const factor = 10 ** precision;
  return Math.round(value * factor) / factor;
}
