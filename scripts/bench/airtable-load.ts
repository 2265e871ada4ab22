/**
 * Provisioning plus loading 1,000 POs with 10 lines and 12 milestones each into the local workspace, with the
 * rate limit enforced at a scaled speed. Reports the Airtable requests made against the minimum (records / 10 per
 * table), the wall time against the rate-limit floor, and peak memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAirtableAdapters } from '../../src/adapters/airtable/index.ts';
import { loadTemplateTables } from '../../src/cli/workspace-data.ts';
import type { TableRows } from '../../src/jobs/load-records.ts';
import { setupWorkspace } from '../../src/jobs/setup-workspace.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';
import { startWorkspace } from '../../src/local/server.ts';
import type { BenchResult } from './types.ts';

const KINDS = ['Tooling kickoff', 'Sample approval', 'Materials ready', 'IPI', 'Production start', 'DUPRO',
  'Production complete', 'PSI', 'Booking', 'Cargo ready', 'ETD', 'ETA'];

/** Synthetic but valid rows: one client, project and supplier; `pos` POs with 10 lines and 12 milestones each. */
export function generateLoad(pos: number): TableRows[] {
  const day = (offset: number) => new Date(Date.UTC(2027, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  const orders = Array.from({ length: pos }, (_, i) => ({
    ref: `po-${i}`,
    fields: { 'PO number': `BENCH-${String(i).padStart(5, '0')}`, Status: 'In production', 'Ship-by date': day(60 + (i % 90)) },
    links: { Project: ['project'], Supplier: ['supplier'] },
  }));
  const lines = orders.flatMap((po, i) =>
    Array.from({ length: 10 }, (_, l) => ({
      ref: `line-${i}-${l}`,
      fields: { SKU: `SKU-${i}-${l}`, Description: `Item ${l} of ${po.fields['PO number']}`, 'HS code': '8516.71', Quantity: 100 + l, 'Unit price': 3.5 },
      links: { PO: [po.ref] },
    })),
  );
  const milestones = orders.flatMap((po, i) =>
    KINDS.map((kind, k) => ({
      ref: `ms-${i}-${k}`,
      fields: { Milestone: `${po.fields['PO number']} · ${kind}`, Kind: kind, 'Baseline date': day(k * 7), 'Planned date': day(k * 7 + (i % 3)) },
      links: { PO: [po.ref] },
    })),
  );
  return [
    { table: 'Clients', rows: [{ ref: 'client', fields: { Name: 'Bench Client' }, links: {} }] },
    { table: 'Projects', rows: [{ ref: 'project', fields: { Project: 'Bench project' }, links: { Client: ['client'] } }] },
    { table: 'Suppliers', rows: [{ ref: 'supplier', fields: { Name: 'Bench Factory' }, links: {} }] },
    { table: 'Purchase Orders', rows: orders },
    { table: 'Line Items', rows: lines },
    { table: 'Milestones', rows: milestones },
  ];
}

export async function benchAirtableLoad(options: { pos?: number; speed?: number } = {}): Promise<BenchResult> {
  const pos = options.pos ?? 1000;
  const speed = options.speed ?? 20;
  const dir = mkdtempSync(join(tmpdir(), 'sourcing-bench-'));
  const workspace = await startWorkspace({ port: 0, dir, speed });
  const counter = new RequestCounter();
  const airtable = createAirtableAdapters({
    endpointUrl: workspace.url,
    apiKey: workspace.token,
    counter,
    requestsPerSecond: 4.5 * speed,
    penaltyMs: 30_000 / speed,
  });
  const rows = generateLoad(pos);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const report = await setupWorkspace(
      { meta: airtable.meta, records: airtable.records, counter, now: () => new Date() },
      { baseName: 'Bench', workspaceId: 'wspBench000000000', tables: loadTemplateTables(), rows },
    );
    const wallS = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const records = rows.reduce((n, t) => n + t.rows.length, 0);
    const minimumWrites = rows.reduce((n, t) => n + Math.ceil(t.rows.length / 10), 0);
    const made = counter.total('airtable');
    const served = workspace.requestLog.list({ service: 'airtable' });
    const limited = served.filter((r) => r.status === 429).length;
    const floorS = made / (5 * speed);
    return {
      name: `Airtable: provision + load ${pos} POs (10 lines, 12 milestones each), local workspace at speed ${speed}`,
      rows: [
        { label: 'records loaded', value: records },
        { label: 'requests made (all)', value: made },
        { label: 'of which record writes', value: (counter.snapshot()['airtable']?.byOperation['create'] ?? 0) + (counter.snapshot()['airtable']?.byOperation['update'] ?? 0) },
        { label: 'minimum record writes (records / 10 per table)', value: minimumWrites },
        { label: '429 answers received', value: limited },
        { label: 'wall time', value: wallS.toFixed(1), unit: 's' },
        { label: `rate-limit floor (requests / ${5 * speed} per s)`, value: floorS.toFixed(1), unit: 's' },
        { label: 'wall time / floor', value: (wallS / floorS).toFixed(2) },
        { label: 'same load at the real 5 req/s (floor)', value: (made / 5 / 60).toFixed(1), unit: 'min' },
        { label: 'peak RSS (client and local workspace in one process)', value: Math.round(peakRss / 1024 / 1024), unit: 'MiB' },
      ],
      notes: report.problems.length > 0 ? [`problems: ${report.problems.slice(0, 5).join('; ')}`] : [],
    };
  } finally {
    clearInterval(sampler);
    await workspace.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
