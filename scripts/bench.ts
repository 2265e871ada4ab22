/**
 * `npm run bench`: every benchmark of the project, printed as tables (`-- --json` for JSON). Speed and memory
 * goals are measured here, never in timed tests. `-- <name>` runs only benchmarks whose name contains it.
 */
import { benchAirtableLoad } from './bench/airtable-load.ts';
import { benchChecks } from './bench/checks.ts';
import { benchColdStart } from './bench/cold-start.ts';
import { benchCycleMemory } from './bench/cycle-memory.ts';
import { DEPLOYED_OLD_SPACE_MB } from './bench/deployed-env.ts';
import { benchCycleReads } from './bench/cycle-reads.ts';
import { benchDocumentPack } from './bench/documents-pack.ts';
import { benchDocuments } from './bench/documents.ts';
import { benchNotionSync } from './bench/notion-sync.ts';
import { benchSupplierPortal } from './bench/supplier-portal.ts';
import { benchPlan } from './bench/plan.ts';
import type { BenchResult } from './bench/types.ts';

const BENCHMARKS: { id: string; run: () => Promise<BenchResult> }[] = [
  { id: 'airtable-load', run: () => benchAirtableLoad() },
  { id: 'notion-sync', run: () => benchNotionSync() },
  { id: 'documents', run: () => benchDocuments() },
  { id: 'documents-pack', run: () => benchDocumentPack() },
  { id: 'checks', run: () => benchChecks() },
  { id: 'cold-start', run: () => benchColdStart() },
  { id: 'supplier-portal', run: () => benchSupplierPortal() },
  { id: 'cycle-reads', run: () => benchCycleReads() },
  { id: 'cycle-memory', run: () => benchCycleMemory({ pos: Number(process.env['BENCH_POS'] ?? 10_000), heapMb: Number(process.env['BENCH_HEAP_MB'] ?? DEPLOYED_OLD_SPACE_MB), ...(process.env['BENCH_FIRST_HEAP_MB'] ? { firstHeapMb: Number(process.env['BENCH_FIRST_HEAP_MB']) } : {}) }) },
  { id: 'plan', run: () => benchPlan() },
];

const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.filter((a) => !a.startsWith('--'));
const results: BenchResult[] = [];
for (const bench of BENCHMARKS) {
  if (only.length > 0 && !only.some((o) => bench.id.includes(o))) continue;
  const result = await bench.run();
  results.push(result);
  if (!json) {
    console.log(`\n## ${result.name}\n`);
    const width = Math.max(...result.rows.map((r) => r.label.length));
    for (const row of result.rows) console.log(`  ${row.label.padEnd(width)}  ${row.value}${row.unit ? ` ${row.unit}` : ''}`);
    for (const note of result.notes ?? []) console.log(`  ${note}`);
  }
}
if (json) console.log(JSON.stringify(results, null, 2));
