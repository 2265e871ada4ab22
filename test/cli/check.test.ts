import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/commands/check.ts';
import { runProvision } from '../../src/cli/commands/provision.ts';
import { EXIT } from '../../src/cli/exit-codes.ts';
import type { Printer } from '../../src/cli/output.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';

function capture(json = false): Printer & { text: string[]; errors: string[] } {
  const text: string[] = [];
  const errors: string[] = [];
  return { json, verbose: false, text, errors, out: (t) => text.push(t), err: (t) => errors.push(t), note: (t) => errors.push(t) };
}

let dir: string;
let config: Config;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourcing-check-'));
  // Port 1 never answers, so each command starts its own workspace on the same folder.
  config = loadConfig({ WORKSPACE_DIR: dir, WORKSPACE_PORT: '1', WORKSPACE_SPEED: '1000' });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('sourcing check', () => {
  it('prints findings by rule and severity, what was written and the requests', async () => {
    expect(await runProvision(config, capture(), { sample: true })).toBe(EXIT.ok);
    const print = capture();
    const code = await runCheck(config, print);
    const out = print.text.join('\n');
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/^Checks for \d{4}-\d{2}-\d{2} on base app\w+: \d+ findings \(\d+ critical/);
    expect(out).toMatch(/Rule\s+Critical\s+Warning\s+Info/);
    expect(out).toMatch(/shipment-without-psi\s+1\s+0\s+0/);
    expect(out).toMatch(/inspection-failed\s+1\s+0\s+0/);
    expect(out).toContain('Alerts: ');
    expect(out).toMatch(/Requests: airtable \d+ \(list 16/);

    const again = capture(true);
    expect(await runCheck(config, again)).toBe(EXIT.ok);
    const report = JSON.parse(again.text.join('\n'));
    expect(report.requests).toEqual({ airtable: { total: 16, byOperation: { list: 16 } } });
  });

  it('says how to create the base when there is none', async () => {
    const print = capture();
    expect(await runCheck(config, print)).toBe(EXIT.usage);
    expect(print.errors.join('\n')).toContain('sourcing provision --sample');
  });
});
