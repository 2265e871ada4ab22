/**
 * Whether a service failure stopped part of a job's work (record problems do not count): what the jobs after it in
 * the same cycle or tick are told (`upstreamFailed`), so the checks do not call a document missing that a Drive
 * outage kept from being built.
 */
import type { JobReport } from '../jobs/report.ts';

export function upstreamFailure(job: string, report: JobReport<unknown>): boolean {
  const details = report.details as { failed?: unknown; writesFailed?: unknown } | undefined;
  if (job === 'documents') return Array.isArray(details?.failed) && details.failed.length > 0;
  if (job === 'checks') return typeof details?.writesFailed === 'number' && details.writesFailed > 0;
  return false;
}
