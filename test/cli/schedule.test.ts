import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { provisionWith } from '../../src/cli/commands/provision.ts';
import { createRuntime } from '../../src/cli/runtime.ts';
import { startSchedule } from '../../src/cli/schedule.ts';
import { loadConfig } from '../../src/config/config.ts';

it('the local schedule runs its steps one after another and a repeat run only reads', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sourcing-schedule-'));
  const runtime = await createRuntime(loadConfig({ WORKSPACE_DIR: dir, WORKSPACE_SPEED: '1000' }), { servePort: 0 });
  try {
    const setup = await provisionWith(runtime, 'always');
    const lines: string[] = [];
    const schedule = startSchedule(runtime, setup.details.baseId, (line) => lines.push(line), [{ every: 50, steps: ['calendar', 'checks'] }]);
    await expect.poll(() => lines.length, { timeout: 15_000, interval: 50 }).toBeGreaterThanOrEqual(4);
    await schedule.stop();
    expect(lines[0]).toMatch(/\] calendar: ok; airtable \d+ reads, [1-9]\d* writes/);
    expect(lines[1]).toMatch(/\] checks: ok; airtable \d+ reads, [1-9]\d* writes/);
    expect(lines[2]).toMatch(/\] calendar: ok; airtable \d+ reads, 0 writes/);
    expect(lines[3]).toMatch(/\] checks: ok; airtable \d+ reads, 0 writes/);
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
