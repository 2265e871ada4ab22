/**
 * `jobHandler(name, job)`: the HTTP function around one job. Thin by design: check the method, parse the body,
 * pick the workspace, validate the job's fields, run it, answer its report (see http-answer.ts for the status
 * codes) and write one structured log line. OIDC tokens from Cloud Scheduler are checked by the platform before
 * the request gets here (the function is deployed with --no-allow-unauthenticated), so the code does not.
 */
import type { HttpFunction } from '@google-cloud/functions-framework';
import { FunctionsConfigError, loadFunctionsConfig } from '../src/config/functions-config.ts';
import type { FunctionJob } from './function-job.ts';
import { badRequest, configurationError, describeIssues, outcomeAnswer, send, type Answer } from './http-answer.ts';
import { bodyObject, pickWorkspace } from './request-input.ts';
import { errorMessage, logLine, redactor } from './redact.ts';
import { runForWorkspace } from './run-job.ts';

export type EnvSource = () => Record<string, string | undefined>;

export function jobHandler(functionName: string, job: FunctionJob<unknown> | undefined, env: EnvSource = () => process.env): HttpFunction {
  return async (req, res) => {
    const environment = env();
    const redact = redactor(environment);
    const started = Date.now();
    let answer: Answer;
    let workspace: string | undefined;
    try {
      answer = await handle();
    } catch (error) {
      // Anything unforeseen: a 500 with the message only (redacted), never the framework's crash page.
      answer = { status: 500, body: { error: 'internal', message: errorMessage(error, redact) } };
    }
    send(res, answer, redact);
    const body = answer.body;
    const detail = typeof body['message'] === 'string' ? `: ${body['message']}` : '';
    const severity = answer.status >= 500 ? 'ERROR' : answer.status === 207 || answer.status === 400 ? 'WARNING' : 'INFO';
    logLine(severity, `${functionName} answered ${answer.status}${detail}`, {
      function: functionName,
      workspace,
      status: answer.status,
      ms: Date.now() - started,
      job: body['job'],
      ok: body['ok'],
      problems: Array.isArray(body['problems']) ? body['problems'].length : undefined,
      requests: body['requests'],
      error: body['error'],
      scheduler: req.get('x-cloudscheduler-jobname'),
    }, redact);

    async function handle(): Promise<Answer> {
      if (req.method !== 'POST') {
        res.set('allow', 'POST');
        return { status: 405, body: { error: 'method_not_allowed', message: `${functionName} takes POST (Cloud Scheduler sends POST)` } };
      }
      const body = bodyObject(req);
      if (!body.ok) return badRequest(body.message);
      let config;
      try {
        config = loadFunctionsConfig(environment);
      } catch (error) {
        if (error instanceof FunctionsConfigError) return configurationError(errorMessage(error, redact));
        throw error;
      }
      const picked = pickWorkspace(body.value, config);
      if (!picked.ok) return badRequest(picked.message);
      workspace = picked.value.entry.id;
      if (!job) return { status: 501, body: { error: 'not_implemented', message: `${functionName}: this job is not wired into the functions yet (functions/jobs.ts)` } };
      const input = job.input.safeParse(picked.value.rest);
      if (!input.success) return badRequest(describeIssues(input.error.issues));
      return outcomeAnswer(await runForWorkspace(job, input.data, picked.value.entry, environment, redact), workspace);
    }
  };
}
