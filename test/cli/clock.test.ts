import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Clock } from '../../src/cli/clock.ts';
import { parseNow } from '../../src/config/clock-config.ts';
import { loadConfig } from '../../src/config/config.ts';

describe('parseNow', () => {
  it.each([
    ['2027-01-20T09:00+08:00', '2027-01-20T01:00:00.000Z'],
    ['2027-01-20T09:00:30Z', '2027-01-20T09:00:30.000Z'],
    ['2027-01-20T09:00', '2027-01-20T09:00:00.000Z'],
    ['2027-01-20', '2027-01-20T00:00:00.000Z'],
  ])('%s is %s', (value, iso) => {
    const parsed = parseNow(value, '--now');
    expect('date' in parsed && parsed.date.toISOString()).toBe(iso);
  });

  it.each(['tomorrow', '2027-13-01', 'Jan 20 2027', '20/01/2027'])('"%s" is refused with the source, the value and an example', (value) => {
    const parsed = parseNow(value, '--now');
    expect('problem' in parsed && parsed.problem).toMatch(new RegExp(`^--now "${value.replace(/[/]/g, '\\/')}" is not an ISO date-time .*e\\.g\\. 2027-01-20T09:00\\+08:00`));
  });

  it('SOURCING_NOW goes through the config and is named when bad', () => {
    expect(loadConfig({ SOURCING_NOW: '2027-01-20T09:00+08:00' }).now?.toISOString()).toBe('2027-01-20T01:00:00.000Z');
    expect(loadConfig({}).now).toBeUndefined();
    expect(() => loadConfig({ SOURCING_NOW: 'next week' })).toThrow(/SOURCING_NOW "next week" is not an ISO date-time/);
  });
});

describe('Clock', () => {
  it('starts at the given moment, runs on at the wall clock pace and only moves forward', () => {
    let wall = Date.parse('2026-12-04T12:00:00Z');
    const clock = new Clock(new Date('2027-01-20T01:00:00Z'), () => wall);
    expect(clock.isReal).toBe(false);
    wall += 5_000;
    expect(clock.now().toISOString()).toBe('2027-01-20T01:00:05.000Z');
    expect(clock.advance(7 * 86_400_000).toISOString()).toBe('2027-01-27T01:00:05.000Z');
    expect(() => clock.advance(-1)).toThrow(/only moves forward/);
    const real = new Clock(undefined, () => wall);
    expect(real.isReal).toBe(true);
    expect(real.now().getTime()).toBe(wall);
  });
});

const CLI = join(import.meta.dirname, '../../scripts/sourcing.js');
const dir = mkdtempSync(join(tmpdir(), 'sourcing-clock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env['PATH'] ?? '', WORKSPACE_DIR: dir, WORKSPACE_PORT: '0', WORKSPACE_SPEED: '1000', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('--now on the command line', () => {
  it('runs the checks as of that moment (flag and SOURCING_NOW alike), and a bad value exits 2 naming it', async () => {
    expect((await run(['provision', '--sample', '--now', '2027-01-04T09:00+08:00'])).code).toBe(0);
    type Checks = { details: { today: string; bySeverity: Record<string, number>; byRule: Record<string, Record<string, number>> } };
    const late = (c: Checks) => Object.values(c.details.byRule['late-milestone'] ?? {}).reduce((a, b) => a + b, 0);

    const asLoaded = await run(['check', '--json', '--now', '2027-01-04T09:00+08:00']);
    expect(asLoaded.stderr).toBe('');
    const then = JSON.parse(asLoaded.stdout) as Checks;
    expect(then.details.today).toBe('2027-01-04');

    // Six weeks on with nothing done: milestones that were ahead are now late.
    const later = await run(['check', '--json'], { SOURCING_NOW: '2027-02-15T09:00+08:00' });
    const after = JSON.parse(later.stdout) as Checks;
    expect(after.details.today).toBe('2027-02-15');
    expect(late(after)).toBeGreaterThan(late(then));

    const bad = await run(['check', '--now', 'next tuesday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--now "next tuesday" is not an ISO date-time/);
  }, 120_000);
});
