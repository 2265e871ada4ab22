/**
 * The time axis of a schedule chart: a padded date range, month bands and Monday week ticks, all as ISO dates so
 * the renderer only maps dates to x positions.
 */
import { DateTime } from 'luxon';
import { addDays, formatIsoDate, parseIsoDate, type IsoDate } from '../calendar/iso-date.ts';

export interface TimeAxis {
  start: IsoDate;
  end: IsoDate;
  months: { label: string; start: IsoDate; end: IsoDate }[];
  /** Mondays inside the range. */
  weeks: IsoDate[];
}

/** Pads the data range by a week each side (at least 6 weeks in all, so short POs still read well). */
export function timeAxis(dates: readonly IsoDate[]): TimeAxis {
  if (dates.length === 0) throw new RangeError('timeAxis: no dates');
  const sorted = [...dates].sort();
  let start = addDays(sorted[0] ?? '', -7);
  let end = addDays(sorted.at(-1) ?? '', 7);
  const span = parseIsoDate(end).diff(parseIsoDate(start), 'days').days;
  if (span < 42) {
    const extra = Math.ceil((42 - span) / 2);
    start = addDays(start, -extra);
    end = addDays(end, extra);
  }
  const months: TimeAxis['months'] = [];
  let cursor = parseIsoDate(start).startOf('month');
  while (formatIsoDate(cursor) <= end) {
    const monthStart = formatIsoDate(cursor) < start ? start : formatIsoDate(cursor);
    const monthEndDate = formatIsoDate(cursor.endOf('month').startOf('day'));
    months.push({ label: cursor.toFormat('LLL yyyy', { locale: 'en-US' }), start: monthStart, end: monthEndDate > end ? end : monthEndDate });
    cursor = cursor.plus({ months: 1 });
  }
  const weeks: IsoDate[] = [];
  let monday: DateTime = parseIsoDate(start);
  monday = monday.plus({ days: (8 - monday.weekday) % 7 });
  for (; formatIsoDate(monday) <= end; monday = monday.plus({ weeks: 1 })) weeks.push(formatIsoDate(monday));
  return { start, end, months, weeks };
}
