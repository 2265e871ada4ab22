import type { Config } from '../../config/config.ts';
import { refreshCalendar, type CalendarDetails } from '../../jobs/refresh-calendar.ts';
import type { JobReport } from '../../jobs/report.ts';
import { runOnBase } from '../base-target.ts';
import { printReport, reportFooter, type Printer } from '../output.ts';
import type { Runtime } from '../runtime.ts';

export function formatCalendarReport(report: JobReport<CalendarDetails>): string {
  const d = report.details;
  const lines = [
    `Risk calendar ${d.years.from}–${d.years.to}: ${d.generated} generated rows; ${d.created} created, ${d.updated} updated, ${d.unchanged} unchanged.`,
  ];
  if (d.manualKept.length > 0) lines.push(`Left alone (taken over by a person): ${d.manualKept.join(', ')}`);
  if (d.notes.length > 0) lines.push('', 'Notes:', ...d.notes.map((n) => `  - ${n}`));
  lines.push(...reportFooter(report));
  return lines.join('\n');
}

/** Refreshes the generated Calendar rows through an existing runtime (also used by `start`). */
export function calendarWith(runtime: Runtime, baseId: string): Promise<JobReport<CalendarDetails>> {
  return refreshCalendar({ records: runtime.airtable.records(baseId), counter: runtime.counter, now: runtime.now });
}

/** `sourcing calendar`: write the generated risk-calendar rows of this year and the next to the Calendar table. */
export function runCalendar(config: Config, print: Printer): Promise<number> {
  return runOnBase(config, print, async (runtime, baseId) => printReport(print, await calendarWith(runtime, baseId), formatCalendarReport), 'calendar');
}
