import type { Config } from '../../config/config.ts';
import type { JobReport } from '../../jobs/report.ts';
import { sendReviewInvites, type ReviewDetails } from '../../jobs/send-review-invites.ts';
import { runOnBase } from '../base-target.ts';
import { EXIT } from '../exit-codes.ts';
import { printReport, reportFooter, table, type Printer } from '../output.ts';
import type { Runtime } from '../runtime.ts';

export function formatReviewsReport(report: JobReport<ReviewDetails>): string {
  const d = report.details;
  const tooLate = d.tooLate.length > 0 ? ` Too late for a call in working hours, not invited: ${d.tooLate.join('; ')}.` : '';
  const lines = [`Review invites: ${d.invited.length} sent, ${d.cancelled.length} cancelled, ${d.unchanged} unchanged.${tooLate}`];
  if (d.invited.length > 0) lines.push('', table(['Review', 'Starts (UTC)', 'Update'], d.invited.map((i) => [i.review, i.start.slice(0, 16).replace('T', ' '), String(i.sequence)])));
  lines.push(...reportFooter(report));
  return lines.join('\n');
}

/** Sends the review invites that are due (also used by `start` and the functions); undefined without a sender. */
export async function reviewsWith(runtime: Runtime, baseId: string): Promise<JobReport<ReviewDetails> | undefined> {
  const from = runtime.config.mail.from;
  if (!from) return undefined;
  return sendReviewInvites({ records: runtime.airtable.records(baseId), mail: runtime.mail, counter: runtime.counter, now: runtime.now }, { from });
}

/** `sourcing reviews`: review meetings (after a failed inspection, before PSI and loading, closure) as calendar invites. */
export function runReviews(config: Config, print: Printer): Promise<number> {
  return runOnBase(config, print, async (runtime, baseId) => {
    const report = await reviewsWith(runtime, baseId);
    if (!report) {
      print.err('Set MAIL_FROM ("Name <address>") to send review invites.');
      return EXIT.usage;
    }
    return printReport(print, report, formatReviewsReport);
  }, 'reviews');
}
