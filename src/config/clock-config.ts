/**
 * The moment the jobs run "as of": SOURCING_NOW (or the CLI's --now), so an agency can see what the checks, plan
 * and reminders will do next week, and tests never depend on the wall clock. Parsed with the rest of the
 * environment in config.ts; unset means the real time.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';

export const CLOCK_ENV = {
  /** An ISO 8601 date-time such as 2027-01-20T09:00+08:00 (no offset: UTC). */
  SOURCING_NOW: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .optional(),
};

export const NOW_EXAMPLE = '2027-01-20T09:00+08:00';

/**
 * An ISO 8601 date-time (a date alone is 00:00 UTC; no offset means UTC), or a message naming `source` and the
 * value: luxon's ISO parser, since Date.parse also accepts non-ISO text ("Jan 20") and reads it in local time.
 */
export function parseNow(value: string, source: string): { date: Date } | { problem: string } {
  const parsed = DateTime.fromISO(value.trim(), { zone: 'utc', setZone: true });
  if (parsed.isValid) return { date: parsed.toJSDate() };
  return {
    problem: `${source} "${value}" is not an ISO date-time (${parsed.invalidExplanation ?? parsed.invalidReason ?? 'unreadable'}): use e.g. ${NOW_EXAMPLE} (no offset means UTC)`,
  };
}

export function clockConfig(env: { SOURCING_NOW?: string | undefined }): { now?: Date; problems: string[] } {
  if (env.SOURCING_NOW === undefined) return { problems: [] };
  const result = parseNow(env.SOURCING_NOW, 'SOURCING_NOW');
  return 'date' in result ? { now: result.date, problems: [] } : { problems: [result.problem] };
}
