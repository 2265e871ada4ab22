/**
 * The JSON body of a call and the workspace it names. Cloud Scheduler sends the body we configured with the
 * Content-Type we set (application/json; without one it would be application/octet-stream), and a person may
 * call with curl and no body at all, so an empty body is `{}` and raw bytes are parsed as JSON.
 */
import type { Request } from '@google-cloud/functions-framework';
import { z } from 'zod';
import { DEFAULT_WORKSPACE, type FunctionsConfig, type WorkspaceEntry } from '../src/config/functions-config.ts';
import { describeIssues } from './http-answer.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function bodyObject(req: Request): Parsed<Record<string, unknown>> {
  let body: unknown = req.body;
  if (Buffer.isBuffer(body) || typeof body === 'string') {
    const text = body.toString().trim();
    if (text === '') return { ok: true, value: {} };
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, message: 'body: not valid JSON (send a JSON object, e.g. {"workspace":"acme"})' };
    }
  }
  if (body === undefined || body === null) return { ok: true, value: {} };
  if (typeof body !== 'object' || Array.isArray(body)) return { ok: false, message: 'body: expected a JSON object' };
  return { ok: true, value: body as Record<string, unknown> };
}

const WorkspaceField = z.string().min(1).optional();

/** Splits `workspace` off the body and finds it in the configuration. */
export function pickWorkspace(body: Record<string, unknown>, config: FunctionsConfig): Parsed<{ entry: WorkspaceEntry; rest: Record<string, unknown> }> {
  const { workspace, ...rest } = body;
  const field = WorkspaceField.safeParse(workspace);
  if (!field.success) return { ok: false, message: describeIssues(field.error.issues.map((i) => ({ ...i, path: ['workspace', ...i.path] }))) };
  const known = config.workspaces.map((w) => w.id);
  const id = field.data ?? (known.length === 1 ? known[0] : undefined);
  if (id === undefined) return { ok: false, message: `workspace: required when several are configured (one of ${known.join(', ')})` };
  const entry = config.workspaces.find((w) => w.id === id);
  if (!entry) return { ok: false, message: `workspace: "${id}" is not configured (known: ${known.join(', ') || DEFAULT_WORKSPACE})` };
  return { ok: true, value: { entry, rest } };
}
