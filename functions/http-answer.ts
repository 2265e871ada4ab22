/**
 * How an HTTP function answers, in one place:
 * - 200: the job ran and every record was fine; the body is the job report.
 * - 207: the job ran but some records had problems (skipped and written on their rows); body = the report.
 *   Still 2xx on purpose: Cloud Scheduler counts any non-2xx as a failed run and may retry, and retrying cannot
 *   fix a record a person has to correct. 207 keeps those runs visible in request logs and metrics.
 * - 400: bad input, with a message naming the field (`workspace`, an unknown body field, …).
 * - 405: not a POST. 501: the job is not wired into the functions yet.
 * - 500: the job could not run (service down, token refused) — body = the report with `error` — or the
 *   deployment is misconfigured (`error: "configuration"`, naming the variable, never its value).
 * Every body and log line is redacted (./redact.ts); stack traces never leave the process.
 */
import type { Response } from '@google-cloud/functions-framework';
import type { JobOutcome } from './run-job.ts';
import { redactValue, type Redact } from './redact.ts';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export function badRequest(message: string): Answer {
  return { status: 400, body: { error: 'bad_request', message } };
}

export function configurationError(message: string): Answer {
  return { status: 500, body: { error: 'configuration', message } };
}

export function outcomeAnswer(outcome: JobOutcome, workspace: string): Answer {
  switch (outcome.kind) {
    case 'config':
      return configurationError(outcome.message);
    case 'failed':
      return { status: 500, body: { workspace, ...outcome.report } };
    case 'done':
      return { status: outcome.report.ok ? 200 : 207, body: { workspace, ...outcome.report } };
  }
}

export function send(res: Response, answer: Answer, redact: Redact): void {
  res.status(answer.status).set('cache-control', 'no-store').json(redactValue(answer.body, redact));
}

/** zod issues as one line: `field: message; other.field: message`. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], root = 'body'): string {
  return issues.map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : root}: ${i.message}`).join('; ');
}
