import type { Config } from '../../config/config.ts';
import type { JobReport } from '../../jobs/report.ts';
import { sendReminders, type RemindDetails } from '../../jobs/send-reminders.ts';
import { recordLinks, resolveBaseId } from '../base-target.ts';
import { EXIT } from '../exit-codes.ts';
import { runLeased } from '../job-leases.ts';
import { printReport, reportFooter, table, type Printer } from '../output.ts';
import { createRuntime, type Runtime } from '../runtime.ts';

export function formatRemindReport(report: JobReport<RemindDetails>): string {
  const d = report.details;
  const lines = [`Reminders: ${d.sent.length} sent, ${d.queued.length} waiting for working hours.`];
  if (d.sent.length > 0) lines.push('', table(['Kind', 'To', 'Subject'], d.sent.map((s) => [s.kind, s.to, s.subject])));
  if (d.queued.length > 0) lines.push('', table(['Kind', 'To', 'Goes out (UTC)'], d.queued.map((q) => [q.kind, q.to, q.sendAt])));
  if (d.recovered.length > 0) lines.push('', 'After an interrupted run:', ...d.recovered.map((r) => `  - ${r.key}: ${r.outcome}`));
  if (d.held.length > 0) lines.push('', 'Held back:', ...d.held.map((h) => `  - ${h}`));
  lines.push(...reportFooter(report));
  return lines.join('\n');
}

/** Sends what is due through an existing runtime (also used by `start`); undefined without a sender address. */
export async function remindWith(runtime: Runtime, baseId: string, options: { upstreamFailed?: readonly string[] } = {}): Promise<JobReport<RemindDetails> | undefined> {
  const from = runtime.config.mail.from;
  if (!from) return undefined;
  return sendReminders(
    { records: runtime.airtable.records(baseId), mail: runtime.mail, counter: runtime.counter, now: runtime.now },
    { from, escalateAfterWorkingDays: runtime.config.mail.escalateAfterWorkingDays, recordLinks: () => recordLinks(runtime, baseId), ...options },
  );
}

/** `sourcing remind`: digests, critical mails and escalations due now; exactly once per key. */
export async function runRemind(config: Config, print: Printer): Promise<number> {
  const from = config.mail.from;
  if (!from) {
    print.err('Set MAIL_FROM ("Name <address>") to send reminders.');
    return EXIT.usage;
  }
  const runtime = await createRuntime(config);
  try {
    const baseId = await resolveBaseId(runtime);
    const outcome = await runLeased(runtime, baseId, 'reminders', () => remindWith(runtime, baseId));
    if (!outcome.ran) return printReport(print, outcome.report, () => '');
    if (!outcome.result) return EXIT.usage;
    return printReport(print, outcome.result, formatRemindReport);
  } finally {
    await runtime.close();
  }
}
