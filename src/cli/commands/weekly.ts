import type { Config } from '../../config/config.ts';
import type { JobReport } from '../../jobs/report.ts';
import { sendWeeklyUpdates, type WeeklyDetails } from '../../jobs/send-weekly-updates.ts';
import { runOnBase } from '../base-target.ts';
import { EXIT } from '../exit-codes.ts';
import { printReport, reportFooter, type Printer } from '../output.ts';
import type { Runtime } from '../runtime.ts';

export function formatWeeklyReport(report: JobReport<WeeklyDetails>): string {
  const d = report.details;
  const lines = [`Weekly client updates: ${d.sent.length} sent${d.sent.length > 0 ? ` (${d.sent.map((s) => `${s.client}, week of ${s.weekOf}, Notion ${s.notion}`).join('; ')})` : ''}.`];
  lines.push(...reportFooter(report));
  return lines.join('\n');
}

/** Sends the weekly client updates that are due (also used by `start` and the functions); undefined without a sender. */
export async function weeklyWith(runtime: Runtime, baseId: string): Promise<JobReport<WeeklyDetails> | undefined> {
  const from = runtime.config.mail.from;
  if (!from) return undefined;
  return sendWeeklyUpdates(
    { records: runtime.airtable.records(baseId), mail: runtime.mail, notion: runtime.notion, counter: runtime.counter, now: runtime.now },
    { from },
  );
}

/** `sourcing weekly`: each client's weekly update (mail + a section on its Notion portal), once a week. */
export function runWeekly(config: Config, print: Printer): Promise<number> {
  return runOnBase(config, print, async (runtime, baseId) => {
    const report = await weeklyWith(runtime, baseId);
    if (!report) {
      print.err('Set MAIL_FROM ("Name <address>") to send weekly updates.');
      return EXIT.usage;
    }
    return printReport(print, report, formatWeeklyReport);
  }, 'weekly');
}
