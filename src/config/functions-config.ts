/**
 * Configuration of the Cloud Functions, from the environment, validated by zod. Each *workspace* is one agency's
 * PO base (with its Notion portal and Drive folder): the unit the dispatcher fans out over, because rate limits
 * are per base. A workspace is the process environment plus its own non-secret overrides (`env`) and the names of
 * the environment variables that hold its secrets (`secretEnv`), so secrets stay in Secret Manager and never in
 * the WORKSPACES JSON:
 *
 *   WORKSPACES='[{"id":"acme","env":{"AIRTABLE_BASE_ID":"appXXXXXXXXXXXXXX"},"secretEnv":{"AIRTABLE_TOKEN":"ACME_AIRTABLE_TOKEN"}}]'
 *
 * Without WORKSPACES there is one workspace, `default`: the process environment as it is.
 */
import { z } from 'zod';

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
/** Names that hold secrets; their values are redacted from every answer and log line. */
export const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE|CREDENTIAL|API_KEY|_KEY)$/;
export const DEFAULT_WORKSPACE = 'default';

const WorkspaceEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lower-case letters, digits and dashes (at most 63)'),
    env: z.record(z.string().regex(ENV_NAME, 'environment variable names are UPPER_SNAKE_CASE'), z.string()).default({}),
    secretEnv: z
      .record(z.string().regex(ENV_NAME, 'environment variable names are UPPER_SNAKE_CASE'), z.string().regex(ENV_NAME, 'name an environment variable'))
      .default({}),
  })
  .strict()
  .superRefine((entry, ctx) => {
    for (const key of Object.keys(entry.env)) {
      if (SECRET_NAME.test(key)) ctx.addIssue({ code: 'custom', path: ['env', key], message: 'is a secret: map it through secretEnv to a Secret Manager variable' });
    }
  });

export type WorkspaceEntry = z.infer<typeof WorkspaceEntry>;

const Workspaces = z
  .array(WorkspaceEntry)
  .min(1, 'list at least one workspace')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((w, i) => {
      if (seen.has(w.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${w.id}" is listed twice` });
      seen.add(w.id);
    });
  });

const FunctionsEnv = z.object({
  WORKSPACES: z.string().trim().optional(),
  /** `projects/<project>/topics/<topic>`, or a bare topic name with GOOGLE_CLOUD_PROJECT. */
  PUBSUB_TOPIC: z.string().trim().min(1).optional(),
  GOOGLE_CLOUD_PROJECT: z.string().trim().min(1).optional(),
  PUBSUB_EMULATOR_HOST: z
    .string()
    .trim()
    .regex(/^[\w.-]+:\d{1,5}$/, 'host:port')
    .optional(),
});

export interface FunctionsConfig {
  workspaces: WorkspaceEntry[];
  /** Full topic name, when the dispatcher is configured. */
  topic?: string;
  pubsubEmulatorHost?: string;
}

export class FunctionsConfigError extends Error {}

function issues(error: z.ZodError, prefix: string): string {
  return error.issues.map((i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.')}: ${i.message}`).join('; ');
}

export function loadFunctionsConfig(env: Record<string, string | undefined>): FunctionsConfig {
  const parsed = FunctionsEnv.safeParse(env);
  if (!parsed.success) throw new FunctionsConfigError(`Invalid configuration: ${issues(parsed.error, '')}`);
  const e = parsed.data;
  let workspaces: WorkspaceEntry[] = [{ id: DEFAULT_WORKSPACE, env: {}, secretEnv: {} }];
  if (e.WORKSPACES) {
    let json: unknown;
    try {
      json = JSON.parse(e.WORKSPACES);
    } catch {
      throw new FunctionsConfigError('Invalid configuration: WORKSPACES is not valid JSON (expected a list of {id, env?, secretEnv?})');
    }
    const list = Workspaces.safeParse(json);
    if (!list.success) throw new FunctionsConfigError(`Invalid configuration: ${issues(list.error, 'WORKSPACES')}`);
    workspaces = list.data;
  }
  let topic = e.PUBSUB_TOPIC;
  if (topic && !topic.startsWith('projects/')) {
    if (!e.GOOGLE_CLOUD_PROJECT) throw new FunctionsConfigError('Invalid configuration: PUBSUB_TOPIC is a bare name, so GOOGLE_CLOUD_PROJECT must be set');
    topic = `projects/${e.GOOGLE_CLOUD_PROJECT}/topics/${topic}`;
  }
  return { workspaces, topic, pubsubEmulatorHost: e.PUBSUB_EMULATOR_HOST };
}

/**
 * The environment one workspace's jobs run with: the process environment, the workspace's overrides, and its
 * secrets copied from the variables `secretEnv` names. A missing secret is a configuration error naming the
 * variable, never its value.
 */
export function workspaceEnv(env: Record<string, string | undefined>, entry: WorkspaceEntry): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = { ...env, ...entry.env };
  for (const [target, source] of Object.entries(entry.secretEnv)) {
    const value = env[source];
    if (value === undefined || value === '') {
      throw new FunctionsConfigError(`Invalid configuration: ${source} (the ${target} of workspace "${entry.id}") is not set`);
    }
    out[target] = value;
  }
  return out;
}

/** Every secret value in an environment (by variable name), longest first, for redaction. */
export function secretValues(env: Record<string, string | undefined>): string[] {
  const values = Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string' && value.length >= 4)
    .map(([, value]) => value as string);
  return [...new Set(values)].sort((a, b) => b.length - a.length);
}
