/**
 * The worker: one Pub/Sub message (published by `dispatch`) runs one cycle for one workspace. Messages arrive at
 * least once, which is fine because every job is idempotent (keyed writes, dedupe keys on reminders).
 *
 * - A message that can never succeed (not our JSON, unknown workspace or cycle) is acknowledged with an ERROR log:
 *   failing it would only have Pub/Sub redeliver it.
 * - A job that fails makes the invocation fail (500): the failure shows in the function's metrics and, if the
 *   trigger was deployed with --retry, Pub/Sub delivers the message again. The thrown error carries the redacted
 *   message only, so the framework's crash log has no stack and no secret.
 * - Jobs of the cycle that are not wired in yet are listed as skipped.
 */
import type { CloudEvent, CloudEventFunction } from '@google-cloud/functions-framework';
import { FunctionsConfigError, loadFunctionsConfig } from '../src/config/functions-config.ts';
import { TickPayload } from './dispatch.ts';
import { describeIssues } from './http-answer.ts';
import type { EnvSource } from './job-handler.ts';
import { CYCLES, JOBS, type JobName } from './jobs.ts';
import { errorMessage, logLine, redactor, type Redact } from './redact.ts';
import { runJobsForWorkspace, type JobOutcome } from './run-job.ts';

interface PubSubData {
  message?: { data?: string; messageId?: string; attributes?: Record<string, string> };
}

/** An error whose stack is its message: the framework logs `err.stack`, which must not list our files. */
export class TickFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TickFailed';
    this.stack = `TickFailed: ${message}`;
  }
}

function decode(event: CloudEvent<PubSubData>): { ok: true; payload: TickPayload } | { ok: false; message: string } {
  const data = event.data?.message?.data;
  if (typeof data !== 'string') return { ok: false, message: 'message.data is missing (expected a Pub/Sub messagePublished event)' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
  } catch {
    return { ok: false, message: 'message.data is not base64-encoded JSON' };
  }
  const parsed = TickPayload.safeParse(json);
  return parsed.success ? { ok: true, payload: parsed.data } : { ok: false, message: describeIssues(parsed.error.issues, 'message') };
}

export function workspaceTick(env: EnvSource = () => process.env): CloudEventFunction<PubSubData> {
  return async (event) => {
    const environment = env();
    const redact: Redact = redactor(environment);
    const messageId = event.data?.message?.messageId ?? event.id;
    const decoded = decode(event);
    if (!decoded.ok) {
      logLine('ERROR', `workspaceTick dropped message ${messageId}: ${decoded.message}`, { function: 'workspaceTick', messageId }, redact);
      return { ok: false, dropped: true, message: decoded.message };
    }
    const { workspace, cycle, scheduledAt } = decoded.payload;
    let config;
    try {
      config = loadFunctionsConfig(environment);
    } catch (error) {
      if (!(error instanceof FunctionsConfigError)) throw new TickFailed(errorMessage(error, redact));
      logLine('ERROR', `workspaceTick: ${errorMessage(error, redact)}`, { function: 'workspaceTick', workspace, cycle }, redact);
      throw new TickFailed(errorMessage(error, redact));
    }
    const entry = config.workspaces.find((w) => w.id === workspace);
    if (!entry) {
      const message = `workspace "${workspace}" is not configured (known: ${config.workspaces.map((w) => w.id).join(', ')})`;
      logLine('ERROR', `workspaceTick dropped message ${messageId}: ${message}`, { function: 'workspaceTick', workspace, cycle, messageId }, redact);
      return { ok: false, dropped: true, message };
    }

    const started = Date.now();
    const results: { job: JobName; outcome: JobOutcome }[] = [];
    const skipped: JobName[] = [];
    const runnable: { name: JobName; job: NonNullable<(typeof JOBS)[JobName]> }[] = [];
    for (const name of CYCLES[cycle]) {
      const job = JOBS[name];
      if (job) runnable.push({ name, job });
      else skipped.push(name);
    }
    // One runtime for the tick: its jobs share one read of the base (documents, then checks, read each table once).
    const outcomes = await runJobsForWorkspace(runnable.map(({ job }) => ({ job, input: {} })), entry, environment, redact);
    runnable.forEach(({ name }, i) => {
      const outcome = outcomes[i];
      if (outcome) results.push({ job: name, outcome });
    });
    const summary = {
      workspace,
      cycle,
      scheduledAt,
      messageId,
      ok: results.every((r) => r.outcome.kind === 'done' && r.outcome.report.ok),
      jobs: results.map(({ job, outcome }) =>
        outcome.kind === 'config'
          ? { job, ok: false, error: 'configuration', message: outcome.message }
          : { job, ok: outcome.report.ok, problems: outcome.report.problems, requests: outcome.report.requests, ...(outcome.kind === 'failed' ? { error: outcome.report.error } : {}) },
      ),
      skipped,
    };
    const failed = results.filter((r) => r.outcome.kind !== 'done');
    const severity = failed.length > 0 ? 'ERROR' : summary.ok ? 'INFO' : 'WARNING';
    logLine(severity, `workspaceTick ${cycle} for ${workspace}: ${failed.length > 0 ? `${failed.map((f) => f.job).join(', ')} failed` : summary.ok ? 'ok' : 'done with record problems'}`, {
      function: 'workspaceTick',
      ms: Date.now() - started,
      ...summary,
    }, redact);
    if (failed.length > 0) {
      const reasons = failed.map(({ job, outcome }) => `${job}: ${outcome.kind === 'config' ? outcome.message : outcome.kind === 'failed' ? outcome.report.error : ''}`);
      throw new TickFailed(redact(`${cycle} for ${workspace} failed (${reasons.join('; ')})`));
    }
    return summary;
  };
}
