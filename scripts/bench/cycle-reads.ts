/**
 * Requests per job of a full cycle on the sample agency, each job reading the base itself (as before issue 13) and
 * with the cycle's shared read (CachedRecords: each table read once, every job's writes applied). Both cycles run on
 * a steady base (after a first cycle), in a fresh local workspace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionWith } from '../../src/cli/commands/provision.ts';
import { runCycle, type CycleStep } from '../../src/cli/cycle.ts';
import { createRuntime } from '../../src/cli/runtime.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { BenchResult, BenchRow } from './types.ts';

const airtable = (step: CycleStep) => step.report.requests['airtable']?.total ?? 0;
const notion = (step: CycleStep) => step.report.requests['notion']?.total ?? 0;

export async function benchCycleReads(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sourcing-bench-cycle-'));
  const runtime = await createRuntime(loadConfig({ WORKSPACE_DIR: dir, WORKSPACE_SPEED: '1000' }), { servePort: 0 });
  const rows: BenchRow[] = [];
  try {
    const setup = await provisionWith(runtime, 'new-base');
    const baseId = setup.details.baseId;
    await runCycle(runtime, baseId);
    // Each job on its own: runCycle with one step shares nothing.
    const alone: CycleStep[] = [];
    for (const id of ['calendar', 'plan', 'supplier-dates', 'documents', 'closure', 'checks', 'sync', 'reminders', 'chat', 'reviews', 'weekly', 'supplier-prompts'] as const) alone.push(...(await runCycle(runtime, baseId, { only: [id] })));
    const shared = await runCycle(runtime, baseId);
    let before = 0;
    let after = 0;
    for (const step of alone) {
      const same = shared.find((s) => s.id === step.id);
      before += airtable(step);
      after += same ? airtable(same) : 0;
      rows.push({ label: `${step.id}: Airtable requests, own reads → shared read`, value: `${airtable(step)} → ${same ? airtable(same) : '-'}`, unit: `(Notion ${notion(step)} → ${same ? notion(same) : '-'})` });
    }
    rows.push({ label: 'whole cycle: Airtable requests', value: `${before} → ${after}` });
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'Requests per job of a full cycle on the sample agency (steady state), without and with the shared read', rows, notes: ['The first job to list a table pays for reading it whole; later jobs read it from memory. The sync step reads through its own stored snapshot when the Airtable webhook is set up (see notion-sync).'] };
}
