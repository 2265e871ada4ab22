import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../scripts/sourcing.js');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sourcing-cli-'));
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('sourcing CLI', () => {
  it('`workspace` prints one ready line and serves the provider APIs behind the token', async () => {
    const child = spawn(process.execPath, [CLI, 'workspace', '--port', '0', '--dir', tempDir()], {
      env: { PATH: process.env['PATH'] ?? '' },
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.once('data', (d: Buffer) => resolve(d.toString()));
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      expect(line).toMatch(/^workspace ready at http:\/\/127\.0\.0\.1:\d+\n$/);
      const url = line.trim().split(' ').pop()!;
      const denied = await fetch(`${url}/v0/meta/bases`, { headers: { authorization: 'Bearer nope' } });
      expect(denied.status).toBe(401);
      const allowed = await fetch(`${url}/v0/meta/bases`, { headers: { authorization: 'Bearer local' } });
      expect(await allowed.json()).toEqual({ bases: [] });
    } finally {
      child.kill('SIGINT');
    }
  });

  it('`start --once` runs the whole cycle on the sample agency, and a second run writes nothing anywhere', async () => {
    type Output = { reports: { job: string; ok: boolean; requests: Record<string, { byOperation: Record<string, number> }>; details: { load?: { perTable: Record<string, { created: number }> } } }[] };
    const env = { WORKSPACE_DIR: tempDir(), WORKSPACE_PORT: '0', WORKSPACE_SPEED: '1000' };
    const first = await run(['start', '--once', '--json'], env);
    expect(first.stderr).toBe('');
    // The sample's PO-2409 shipment lacks its invoice number (and PO-2411 its contract terms): a shipment left
    // without documents is a problem, so the cycle exits 1 with only the documents report not ok.
    expect(first.code).toBe(1);
    const firstOutput = JSON.parse(first.stdout) as Output;
    expect(firstOutput.reports.filter((r) => !r.ok).map((r) => r.job)).toEqual(['documents']);
    expect(firstOutput.reports.map((r) => r.job)).toEqual(['setup', 'calendar', 'plan', 'supplier-dates', 'documents', 'close', 'checks', 'sync-portals', 'remind', 'chat', 'reviews', 'weekly', 'supplier-prompts']);
    const setup = firstOutput.reports.find((r) => r.job === 'setup');
    expect(setup?.details.load?.perTable['Purchase Orders']?.created).toBe(12);
    expect(setup?.details.load?.perTable['Clients']?.created).toBe(3);
    expect(setup?.details.load?.perTable['Suppliers']?.created).toBe(8);

    const second = await run(['start', '--once', '--json'], env);
    expect(second.code).toBe(1);
    const writes = (JSON.parse(second.stdout) as Output).reports.flatMap((report) =>
      Object.entries(report.requests).flatMap(([service, counts]) =>
        Object.keys(counts.byOperation)
          .filter((op) => /create|update|upsert|delete|send|append|permissions/i.test(op))
          .map((op) => `${report.job}: ${service} ${op}`),
      ),
    );
    expect(writes).toEqual([]);

    // `sourcing docs` on its own: exit 1, the blocked pack listed with what to fix.
    const docs = await run(['docs'], env);
    expect(docs.code).toBe(1);
    expect(docs.stdout).toContain('No documents (fix these in Airtable');
    expect(docs.stdout).toMatch(/PO-2409 \/ NSH1873452: no export documents until \d+ field\(s\) are fixed/);
  }, 180_000);

  it('exits 2 with a message naming the bad setting', async () => {
    const badPort = await run(['provision'], { WORKSPACE_PORT: 'eighty' });
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toMatch(/WORKSPACE_PORT/);
    const cloudWithoutBase = await run(['provision'], { AIRTABLE_TOKEN: 'pat123' });
    expect(cloudWithoutBase.code).toBe(2);
    expect(cloudWithoutBase.stderr).toMatch(/AIRTABLE_BASE_ID.*AIRTABLE_WORKSPACE_ID/);
    expect(cloudWithoutBase.stderr).not.toMatch(/pat123/);
  }, 120_000);

  it.each(['plan', 'check', 'docs', 'sync'])('`%s` before any base exists exits 2 and says to provision first', async (command) => {
    const result = await run([command], { WORKSPACE_DIR: tempDir(), WORKSPACE_PORT: '0' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No base named "Sourcing workspace".*provision/);
  });

  it('exits 2 on an unknown command with a one-line usage that points at help', async () => {
    const result = await run(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown command "frobnicate"\.\nUsage: sourcing <command> .*`sourcing help` lists the commands/);
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
  });
});
