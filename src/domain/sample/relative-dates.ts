/**
 * Relative dates in sample data, so a freshly loaded sample always has late milestones, upcoming inspections and
 * recent comments: "today", "today+14", "today-3" for date fields; "now", "now-2d", "now+3h", "now-30m" for
 * date-time fields. Absolute values ("2026-02-17", "2026-02-17T01:00:00.000Z") pass through after validation.
 */
import { DateTime } from 'luxon';

const RELATIVE_DATE = /^today(?:([+-])(\d{1,5}))?$/;
const RELATIVE_INSTANT = /^now(?:([+-])(\d{1,6})([dhm]))?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date "YYYY-MM-DD" that exists, or undefined. */
export function isoDate(text: string): DateTime | undefined {
  if (!ISO_DATE.test(text)) return undefined;
  const date = DateTime.fromISO(text, { zone: 'utc' });
  return date.isValid ? date : undefined;
}

/** "today+14" → the ISO date 14 days after `today`; undefined when the expression is not a date. */
export function resolveRelativeDate(expression: string, today: DateTime): string | undefined {
  const match = RELATIVE_DATE.exec(expression);
  if (match) {
    const days = Number(match[2] ?? 0) * (match[1] === '-' ? -1 : 1);
    return today.plus({ days }).toISODate() ?? undefined;
  }
  return isoDate(expression)?.toISODate() ?? undefined;
}

/** "now-2d" → the UTC instant two days before `now`; undefined when the expression is not a date-time. */
export function resolveRelativeInstant(expression: string, now: DateTime): string | undefined {
  const match = RELATIVE_INSTANT.exec(expression);
  if (match) {
    const amount = Number(match[2] ?? 0) * (match[1] === '-' ? -1 : 1);
    const unit = match[3] === 'd' ? 'days' : match[3] === 'h' ? 'hours' : 'minutes';
    return now.plus({ [unit]: amount }).toUTC().toISO() ?? undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(expression)) return undefined;
  const instant = DateTime.fromISO(expression, { setZone: true });
  return instant.isValid ? (instant.toUTC().toISO() ?? undefined) : undefined;
}
