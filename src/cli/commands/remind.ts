import type { Config } from '../../config/config.ts';
import type { JobReport } from '../../jobs/report.ts';
import { sendReminders, type RemindDetails } from '../../jobs/send-reminders.ts';
import { recordLinks, resolveBaseId } from '../base-target.ts';
import { EXIT } from '../exit-codes.ts';
import { requestSummary, table, type Printer } from '../output.ts';
import { createRuntime } from '../runtime.ts';

export function formatRemindReport(report: JobReport<RemindDetails>): string {
  const d = report.details;
  const lines = [`Reminders: ${d.sent.length} sent, ${d.queued.length} waiting for working hours.`];
  if (d.sent.length > 0) lines.push('', table(['Kind', 'To', 'Subject'], d.sent.map((s) => [s.kind, s.to, s.subject])));
  if (d.queued.length > 0) lines.push('', table(['Kind', 'To', 'Goes out (UTC)'], d.queued.map((q) => [q.kind, q.to, q.sendAt])));
  if (d.recovered.length > 0) lines.push('', 'After an interrupted run:', ...d.recovered.map((r) => `  - ${r.key}: ${r.outcome}`));
  if (d.held.length > 0) lines.push('', 'Held back:', ...d.held.map((h) => `  - ${h}`));
  lines.push('', `Requests: ${requestSummary(report.requests)}`);
  if (report.problems.length > 0) lines.push('', 'Problems:', ...report.problems.map((p) => `  - ${p}`));
  return lines.join('\n');
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
    const recordUrl = await recordLinks(runtime, baseId);
    const report = await sendReminders(
      { records: runtime.airtable.records(baseId), mail: runtime.mail, counter: runtime.counter, now: () => new Date() },
      { from, escalateAfterWorkingDays: config.mail.escalateAfterWorkingDays, ...(recordUrl ? { recordUrl } : {}) },
    );
    print.out(print.json ? JSON.stringify(report, null, 2) : formatRemindReport(report));
    return report.ok ? EXIT.ok : EXIT.problems;
  } finally {
    await runtime.close();
  }
}
