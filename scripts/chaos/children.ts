/**
 * Child processes of the chaos suite: the `sourcing` CLI (one job) or a whole cycle (cycle-child.ts), against the
 * harness's local workspace, optionally SIGKILLed once the workspace has answered N requests since the start.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { RequestLog } from '../../src/local/request-log.ts';

const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'scripts', 'sourcing.js');
export const CYCLE_CHILD = join(ROOT, 'scripts', 'chaos', 'cycle-child.ts');

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Requests the workspace had answered when the child was killed. */
  killedAfter?: number;
  ms: number;
}

export interface ChildOptions {
  env: Record<string, string>;
  requestLog: RequestLog;
  /** SIGKILL once the workspace has answered this many provider requests since the child started. */
  killAfterRequests?: number;
  timeoutMs?: number;
}

/** `node scripts/sourcing.js …args` or, with a .ts script first, `node --import tsx script …`. */
export function runChild(args: string[], options: ChildOptions): Promise<ChildResult> {
  const argv = args[0]?.endsWith('.ts') ? ['--import', 'tsx', ...args] : [CLI, ...args];
  const started = Date.now();
  const startSeq = options.requestLog.lastSeq;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, argv, { cwd: ROOT, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killedAfter: number | undefined;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const answered = () => options.requestLog.list({ sinceSeq: startSeq }).filter((r) => r.service !== 'control' && r.service !== 'viewer').length;
    const poll = options.killAfterRequests === undefined
      ? undefined
      : setInterval(() => {
          const n = answered();
          if (n >= options.killAfterRequests! && killedAfter === undefined) {
            killedAfter = n;
            child.kill('SIGKILL');
          }
        }, 2);
    const timeout = setTimeout(() => {
      stderr += `\n[chaos] killed after ${options.timeoutMs ?? 300_000} ms without finishing\n`;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 300_000);
    child.on('close', (code, signal) => {
      if (poll) clearInterval(poll);
      clearTimeout(timeout);
      resolve({ code, signal, stdout, stderr, ...(killedAfter === undefined ? {} : { killedAfter }), ms: Date.now() - started });
    });
  });
}

/** Lines of a JavaScript stack trace ("    at fn (file:line:col)") in a child's output. */
export function stackTraces(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (/^\s+at .+(:\d+:\d+\)?|\(native\))$/.test(line) && !/^\s+at .+:\d+:\d+\)?$/.test(lines[i - 1] ?? '')) out.push(`${lines[i - 1] ?? ''}\n${line}`);
  });
  return out;
}
