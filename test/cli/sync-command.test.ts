import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runProvision } from '../../src/cli/commands/provision.ts';
import { runSync } from '../../src/cli/commands/sync.ts';
import { EXIT } from '../../src/cli/exit-codes.ts';
import type { Printer } from '../../src/cli/output.ts';
import { loadConfig } from '../../src/config/config.ts';

function capture(json = false): Printer & { text: string[] } {
  const text: string[] = [];
  return { json, verbose: false, text, out: (t) => text.push(t), err: (t) => text.push(t), note: (t) => text.push(t) };
}

describe('sourcing sync', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sourcing-sync-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  // Each command starts the local workspace on a free port and stops it; the data stays in the directory.
  const config = () => loadConfig({ WORKSPACE_DIR: dir, WORKSPACE_PORT: '1', WORKSPACE_SPEED: '1000' });

  it('builds the sample agency\'s portals, and a second run writes nothing', async () => {
    expect(await runProvision(config(), capture(), { sample: true })).toBe(EXIT.ok);
    const first = capture();
    expect(await runSync(config(), first)).toBe(EXIT.ok);
    expect(first.text.join('\n')).toContain('Harborline Home · Sourcing portal');
    expect(first.text.join('\n')).toContain('jennifer.walsh@example.com, ops@example.com');

    const second = capture(true);
    expect(await runSync(config(), second)).toBe(EXIT.ok);
    const report = JSON.parse(second.text.join('')) as { details: { writes: unknown; pages: { unchanged: number } } };
    expect(report.details.writes).toEqual({ airtable: 0, notion: 0 });
    expect(report.details.pages.unchanged).toBeGreaterThan(0);
  });

  it('says to provision first when there is no base', async () => {
    const out = capture();
    expect(await runSync(config(), out)).toBe(EXIT.usage);
    expect(out.text.join('\n')).toContain('run `sourcing provision` first');
  });

  it('needs NOTION_TOKEN against the real services', async () => {
    const cloud = loadConfig({ AIRTABLE_TOKEN: 'pat', AIRTABLE_BASE_ID: 'appX', WORKSPACE_DIR: dir });
    const out = capture();
    expect(await runSync(cloud, out)).toBe(EXIT.usage);
    expect(out.text.join('\n')).toContain('NOTION_TOKEN');
  });
});
