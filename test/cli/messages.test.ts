/**
 * What a newcomer sees when something is off: a typo, a bad option, a bad setting, --json errors, a workspace that
 * refuses the token or hangs, and the first `start --once` (one screen, and how to browse afterwards).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closest } from '../../src/cli/args.ts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

const CLI = join(import.meta.dirname, '../../scripts/sourcing.js');
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sourcing-msg-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env['PATH'] ?? '', WORKSPACE_PORT: '0', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const USAGE = /\nUsage: sourcing <command> \[--json\] \[--now <ISO date-time>\]; `sourcing help` lists the commands and options\.\n$/;

describe('messages', () => {
  it.each([
    [['stauts'], /^Unknown command "stauts"\. Did you mean `sourcing status`\?/],
    [['provison'], /^Unknown command "provison"\. Did you mean `sourcing provision`\?/],
    [['status', '--jsn'], /^Unknown option "--jsn"\. Did you mean --json\?/],
    [['start', '--onse'], /^Unknown option "--onse"\. Did you mean --once\?/],
    [['status', '--port'], /^--port needs a value, e.g\. --port 4010\./],
  ])('%j: did-you-mean and a one-line usage, exit 2', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(USAGE);
    expect(result.stderr).not.toMatch(/Commands:|positional|'/);
    expect(result.stdout).toBe('');
  }, 60_000);

  it('suggests only a clear neighbour', () => {
    expect(closest('frobnicate', ['status', 'start'])).toBeUndefined();
    expect(closest('chek', ['check', 'close'])).toBe('check');
  });

  it.each([
    ['WORKSPACE_PORT', 'abc', /WORKSPACE_PORT "abc" is not allowed: use a whole number from 0 to 65535/],
    ['WORKSPACE_PORT', '70000', /WORKSPACE_PORT "70000" is not allowed: use a whole number from 0 to 65535/],
    ['WORKSPACE_SPEED', '-1', /WORKSPACE_SPEED "-1" is not allowed: use a number above 0/],
    ['MAIL_TRANSPORT', 'pigeon', /MAIL_TRANSPORT "pigeon" is not allowed: use "gmail" or "smtp"/],
  ])('a bad %s=%s names the variable, the value and what is allowed', async (name, value, message) => {
    const result = await run(['status'], { [name]: value });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  }, 60_000);

  it('with --json, errors are JSON on stdout with the same exit codes', async () => {
    const typo = await run(['stauts', '--json']);
    expect(typo.code).toBe(2);
    expect(JSON.parse(typo.stdout)).toEqual({ ok: false, error: expect.stringMatching(/^Unknown command "stauts"\. Did you mean `sourcing status`\?/) });
    const setting = await run(['status', '--json'], { WORKSPACE_PORT: 'abc' });
    expect(setting.code).toBe(2);
    expect(JSON.parse(setting.stdout).error).toMatch(/WORKSPACE_PORT "abc"/);
    const noBase = await run(['check', '--json'], { WORKSPACE_DIR: tempDir() });
    expect(noBase.code).toBe(2);
    expect(JSON.parse(noBase.stdout).error).toMatch(/No base named "Sourcing workspace" yet/);
    expect(noBase.stderr).toBe('');
  }, 120_000);

  it('a running workspace that refuses the token is reported, never replaced by a second one', async () => {
    const ws: TestWorkspace = await startTestWorkspace();
    cleanup.push(() => ws.close());
    const before = ws.requestLog.lastSeq;
    const result = await run(['status'], { WORKSPACE_PORT: String(ws.port), WORKSPACE_DIR: ws.dir, WORKSPACE_TOKEN: 'wrong' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`The local workspace running on port ${ws.port} refused the token in WORKSPACE_TOKEN`));
    // It asked the running workspace (one refused request) and did nothing else.
    expect(ws.requestLog.list({ sinceSeq: before }).map((r) => r.status)).toEqual([401]);
    const json = await run(['status', '--json'], { WORKSPACE_PORT: String(ws.port), WORKSPACE_TOKEN: 'wrong' });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).error).toMatch(/refused the token/);
  }, 120_000);

  it('a workspace port that does not answer is reported (exit 3), not replaced', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise<void>((resolve) => { silent.closeAllConnections(); silent.close(() => resolve()); }));
    const port = (silent.address() as AddressInfo).port;
    const result = await run(['status'], { WORKSPACE_PORT: String(port), WORKSPACE_DIR: tempDir() });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(new RegExp(`The local workspace on port ${port} did not answer within 3 s`));
  }, 120_000);

  it('the first `start --once` fits on one screen and says how to browse; with a workspace running, it uses that one', async () => {
    const dir = tempDir();
    const first = await run(['start', '--once'], { WORKSPACE_DIR: dir, WORKSPACE_SPEED: '1000', WORKSPACE_PORT: '4999' });
    expect(first.code).toBe(0);
    const lines = first.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(60);
    expect(first.stdout).toMatch(/^✓ Checks: Checks for \d{4}-\d{2}-\d{2} .*findings/m);
    expect(first.stdout).toMatch(/^Where to look:\n  Viewer         run `npm start` \(it serves http:\/\/127\.0\.0\.1:4999\/ until Ctrl-C/m);
    expect(first.stdout).not.toMatch(/^ +─/m);

    const ws = await startTestWorkspace({ dir });
    cleanup.push(() => ws.close());
    const reused = await run(['start', '--once'], { WORKSPACE_DIR: dir, WORKSPACE_PORT: String(ws.port) });
    expect(reused.code).toBe(0);
    expect(reused.stdout).toMatch(new RegExp(`^Using the local workspace already running at ${ws.url}\\.`));
    expect(reused.stdout).toMatch(new RegExp(`  Viewer         ${ws.url}/ `));
    // The cycle ran through the running workspace.
    expect(ws.requestLog.list({ service: 'airtable' }).length).toBeGreaterThan(10);
  }, 240_000);
});
