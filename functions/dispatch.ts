/**
 * The dispatcher: Cloud Scheduler calls it (POST, OIDC checked by the platform) with the cycle to run, and it
 * publishes one Pub/Sub message per configured workspace. Rate limits are per base, so one workspace is the unit
 * of parallelism: Cloud Functions scales the `workspaceTick` workers out, one message each.
 *
 * Body: `{"cycle": "sync" | "hourly" | "daily"}`. Answers 200 with the message IDs, 400 for a bad body, 500 when
 * the topic is not configured or publishing failed (Scheduler then records the failed run).
 */
import type { HttpFunction } from '@google-cloud/functions-framework';
import { z } from 'zod';
import { FunctionsConfigError, loadFunctionsConfig, type FunctionsConfig } from '../src/config/functions-config.ts';
import type { TickPublisher } from '../src/ports/tick-publisher.ts';
import { badRequest, configurationError, describeIssues, send, type Answer } from './http-answer.ts';
import { CYCLE_NAMES } from './jobs.ts';
import type { EnvSource } from './job-handler.ts';
import { bodyObject } from './request-input.ts';
import { errorMessage, logLine, redactor } from './redact.ts';

export const DispatchBody = z.object({ cycle: z.enum(CYCLE_NAMES) }).strict();

/** The message a worker receives; validated again on arrival (messages outlive deployments). */
export const TickPayload = z.object({
  workspace: z.string().min(1),
  cycle: z.enum(CYCLE_NAMES),
  /** When Scheduler meant the tick to happen (X-CloudScheduler-ScheduleTime), else when it was published. */
  scheduledAt: z.string(),
});
export type TickPayload = z.infer<typeof TickPayload>;

export type PublisherFactory = (config: FunctionsConfig) => Promise<TickPublisher>;

/** The REST publisher, loaded on first use so the other functions' cold starts do not pay for it. */
export const restPublisher: PublisherFactory = async (config) => {
  const { createPubSubPublisher } = await import('../src/adapters/pubsub/rest-publisher.ts');
  return createPubSubPublisher({ emulatorHost: config.pubsubEmulatorHost });
};

export function dispatchHandler(publisher: PublisherFactory = restPublisher, env: EnvSource = () => process.env): HttpFunction {
  return async (req, res) => {
    const environment = env();
    const redact = redactor(environment);
    const started = Date.now();
    let answer: Answer;
    try {
      answer = await handle();
    } catch (error) {
      answer = { status: 500, body: { error: 'publish_failed', message: errorMessage(error, redact) } };
    }
    send(res, answer, redact);
    const detail = typeof answer.body['message'] === 'string' ? `: ${answer.body['message']}` : '';
    logLine(answer.status >= 500 ? 'ERROR' : answer.status >= 400 ? 'WARNING' : 'INFO', `dispatch answered ${answer.status}${detail}`, {
      function: 'dispatch',
      status: answer.status,
      ms: Date.now() - started,
      cycle: answer.body['cycle'],
      published: Array.isArray(answer.body['published']) ? answer.body['published'].length : undefined,
      scheduler: req.get('x-cloudscheduler-jobname'),
    }, redact);

    async function handle(): Promise<Answer> {
      if (req.method !== 'POST') {
        res.set('allow', 'POST');
        return { status: 405, body: { error: 'method_not_allowed', message: 'dispatch takes POST (Cloud Scheduler sends POST)' } };
      }
      const body = bodyObject(req);
      if (!body.ok) return badRequest(body.message);
      const parsed = DispatchBody.safeParse(body.value);
      if (!parsed.success) return badRequest(describeIssues(parsed.error.issues));
      let config: FunctionsConfig;
      try {
        config = loadFunctionsConfig(environment);
      } catch (error) {
        if (error instanceof FunctionsConfigError) return configurationError(errorMessage(error, redact));
        throw error;
      }
      if (!config.topic) return configurationError('PUBSUB_TOPIC is not set: the dispatcher needs the topic the workspaceTick workers listen on');
      const scheduledAt = req.get('x-cloudscheduler-scheduletime') ?? new Date().toISOString();
      const { cycle } = parsed.data;
      const messages = config.workspaces.map((w) => ({
        data: { workspace: w.id, cycle, scheduledAt } satisfies TickPayload,
        attributes: { workspace: w.id, cycle },
      }));
      const ids = await (await publisher(config)).publish(config.topic, messages);
      return {
        status: 200,
        body: { topic: config.topic, cycle, scheduledAt, published: config.workspaces.map((w, i) => ({ workspace: w.id, messageId: ids[i] })) },
      };
    }
  };
}
