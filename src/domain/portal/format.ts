/** How dates and figures read on a client page: "12 Mar 2027" is unambiguous for US, EU and AU readers alike. */
import { DateTime } from 'luxon';

export const NONE = '—';

export function showDate(date: string | undefined): string {
  if (!date) return NONE;
  const parsed = DateTime.fromISO(date, { zone: 'utc' });
  return parsed.isValid ? parsed.setLocale('en-GB').toFormat('d LLL yyyy') : date;
}

export function showNumber(value: number | undefined): string {
  return value === undefined ? NONE : value.toLocaleString('en-US');
}

/** An AQL as written on plans: 0, 0.65, 1.0, 2.5, 4.0 (one decimal at least, as ISO 2859-1 tables print it). */
export function showAql(value: number | undefined): string {
  if (value === undefined) return NONE;
  if (value === 0) return '0';
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** The first words of a text, cut at a word boundary, for a one-line label. */
export function firstWords(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
