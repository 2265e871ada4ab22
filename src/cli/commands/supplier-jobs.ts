/** The supplier-portal jobs of the cycle, over a runtime: apply accepted date proposals; send prompt mails. */
import { applySupplierProposals, type ApplyProposalsDetails } from '../../jobs/supplier-portal/apply-proposals.ts';
import { sendSupplierPrompts, type SupplierPromptDetails } from '../../jobs/supplier-portal/send-supplier-prompts.ts';
import type { JobReport } from '../../jobs/report.ts';
import { reportFooter, table } from '../output.ts';
import type { Runtime } from '../runtime.ts';
import { supplierLinks } from '../supplier-portal.ts';

export function supplierDatesWith(runtime: Runtime, baseId: string, now: () => Date = runtime.now): Promise<JobReport<ApplyProposalsDetails>> {
  return applySupplierProposals({ records: runtime.airtable.records(baseId), counter: runtime.counter, now });
}

export function formatSupplierDatesReport(report: JobReport<ApplyProposalsDetails>): string {
  const d = report.details;
  const lines = [`Factory date proposals: ${d.applied.length} applied, ${d.waiting.length} waiting for the agent.`];
  if (d.applied.length > 0) lines.push('', table(['Milestone', 'From', 'To', 'How'], d.applied.map((a) => [a.milestone, a.from ?? '—', a.to, a.how])));
  lines.push(...reportFooter(report));
  return lines.join('\n');
}

/** Undefined without a sender address (cloud mode without MAIL_FROM), as the reminders. */
export async function supplierPromptsWith(runtime: Runtime, baseId: string, now: () => Date = runtime.now): Promise<JobReport<SupplierPromptDetails> | undefined> {
  const from = runtime.config.mail.from;
  if (!from) return undefined;
  return sendSupplierPrompts(
    {
      records: runtime.airtable.records(baseId),
      mail: runtime.mail,
      counter: runtime.counter,
      now,
      links: async () => new Map((await supplierLinks(runtime, baseId, now(), undefined, runtime.workspace && runtime.config.mode === 'local' ? `${runtime.workspace.url}/supplier` : undefined)).map((l) => [l.supplierId, l.url])),
    },
    { from },
  );
}

export function formatSupplierPromptsReport(report: JobReport<SupplierPromptDetails>): string {
  const d = report.details;
  const lines = [`Prompt mails to factories: ${d.sent.length} sent (only in the factories' working hours, once each).`];
  if (d.sent.length > 0) lines.push('', table(['Prompt', 'To', 'Subject'], d.sent.map((s) => [s.kind, s.to, s.subject])));
  if (d.skipped.length > 0) lines.push('', 'Not sent:', ...d.skipped.map((s) => `  - ${s}`));
  lines.push(...reportFooter(report));
  return lines.join('\n');
}
