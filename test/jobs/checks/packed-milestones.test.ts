/**
 * The checks job hands the milestones over packed per PO and runs the per-PO rules shard by shard
 * (domain/checks/milestones-by-po.ts, run-rules.ts). Property: on any workspace, that finds exactly what the rules
 * find over plain arrays, whatever the shard size: every rule marked `perPo` must judge each PO on its own.
 */
import { describe, expect, it } from 'vitest';
import { ComputedFields, computedFieldPatches } from '../../../src/domain/checks/computed-fields.ts';
import type { CheckClock } from '../../../src/domain/checks/finding.ts';
import { runRules } from '../../../src/domain/checks/run-rules.ts';
import { resolveCheckSettings } from '../../../src/domain/checks/settings.ts';
import { buildSnapshot, type CheckTables, type ParsedTables } from '../../../src/domain/checks/snapshot.ts';
import { inspectionGroup } from '../../../src/domain/checks/inspections-by-po.ts';
import { UpdatesByPo } from '../../../src/domain/checks/updates-by-po.ts';
import { DocumentKindsByShipment } from '../../../src/domain/checks/document-kinds.ts';
import type { Inspection } from '../../../src/domain/models/inspection.ts';
import type { Milestone } from '../../../src/domain/models/milestone.ts';
import { parseRecords } from '../../../src/domain/models/parse-records.ts';
import { CHECKED_TABLES } from '../../../src/domain/models/table-sets.ts';
import { CompactRows } from '../../../src/jobs/snapshot/compact-rows.ts';
import { BENCH_NOW, BENCH_TODAY, generateRawTables } from '../../../scripts/bench/checks-data.ts';

const SEEDS = [1, 2, 3, 20261205];
const SETTINGS = resolveCheckSettings({});
const CLOCK: CheckClock = { today: BENCH_TODAY, now: BENCH_NOW };

function parsedWorkspace(seed: number): ParsedTables {
  const raw = generateRawTables({ pos: 240, posPerProject: 4, suppliers: 30, clients: 12, people: 12 }, seed);
  const tables: Record<string, unknown[]> = {};
  for (const [key, model] of Object.entries(CHECKED_TABLES)) tables[key] = parseRecords(model, raw[key as keyof ParsedTables]).records;
  return tables as unknown as ParsedTables;
}

function packed(milestones: readonly Milestone[]): CompactRows<Milestone> {
  const groups = new CompactRows<Milestone>();
  for (const m of milestones) groups.add(m.po, m);
  groups.seal();
  return groups;
}

function packedInspections(inspections: readonly Inspection[]): CompactRows<Inspection> {
  const groups = new CompactRows<Inspection>();
  for (const i of inspections) groups.add(inspectionGroup(i), i);
  groups.seal();
  return groups;
}

/** The tables as the checks job hands them over: milestones and inspections packed per PO, updates and documents folded. */
const asTheJobHoldsThem = (tables: ParsedTables): CheckTables => ({
  ...tables,
  milestones: packed(tables.milestones),
  inspections: packedInspections(tables.inspections),
  updates: UpdatesByPo.of(tables.updates),
  documents: DocumentKindsByShipment.of(tables.documents),
});

/** JSON drops undefined properties on the packed side: compare what a reader of the Alerts would see. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('checks over milestones and inspections packed per PO', () => {
  for (const seed of SEEDS) {
    it(`finds exactly what the plain snapshot finds, shard by shard (seed ${seed})`, () => {
      const tables = parsedWorkspace(seed);
      const expected = runRules(buildSnapshot(tables), CLOCK, SETTINGS);
      expect(expected.failures).toEqual([]);
      // A workspace where the rules find nothing would prove nothing.
      expect(new Set(expected.findings.map((f) => f.rule)).size).toBeGreaterThan(8);
      for (const shardPos of [1, 7, 64, 1000]) {
        const snapshot = buildSnapshot(asTheJobHoldsThem(tables));
        expect(snapshot.packedMilestones).toBe(true);
        const result = runRules(snapshot, CLOCK, SETTINGS, undefined, { shardPos });
        expect(result.failures).toEqual([]);
        expect(result.rulesRun).toEqual(expected.rulesRun);
        expect(plain(result.findings)).toEqual(plain(expected.findings));
      }
    });
  }

  it('writes the same computed fields (milestone statuses, scores) from packed milestones', () => {
    const tables = parsedWorkspace(7);
    const expected = computedFieldPatches(buildSnapshot(tables), CLOCK, SETTINGS);
    expect(expected.filter((p) => p.table === CHECKED_TABLES.milestones.table).length).toBeGreaterThan(100);
    const actual = computedFieldPatches(buildSnapshot(asTheJobHoldsThem(tables)), CLOCK, SETTINGS);
    expect(plain(actual)).toEqual(plain(expected));
    // As the job works them out: on the rules' pass, shard by shard (several shards here).
    for (const shardPos of [1, 13, 100]) {
      const snapshot = buildSnapshot(asTheJobHoldsThem(tables));
      const fields = new ComputedFields(CLOCK, SETTINGS);
      runRules(snapshot, CLOCK, SETTINGS, undefined, { shardPos, eachShard: fields.addShard });
      expect(plain(fields.patches(snapshot))).toEqual(plain(expected));
    }
  });

  it('keeps only the shard’s POs in purchaseOrders and lets the whole snapshot see every PO', () => {
    const tables = parsedWorkspace(11);
    const snapshot = buildSnapshot(asTheJobHoldsThem(tables));
    const [first, second] = snapshot.purchaseOrders;
    const shard = snapshot.shard([first!]);
    expect(shard.purchaseOrders).toEqual([first]);
    expect(shard.po.size).toBe(tables.purchaseOrders.length);
    // A PO outside the shard is still found (unpacked on demand), in lifecycle order.
    const other = shard.milestonesByPo.get(second!.id)!;
    expect(other.map((m) => m.id).sort()).toEqual(tables.milestones.filter((m) => m.po === second!.id).map((m) => m.id).sort());
    expect(other[0]?.kind).toBe('Deposit paid');
    snapshot.shard([]);
    expect(snapshot.milestonesByPo.get(first!.id)?.length).toBe(tables.milestones.filter((m) => m.po === first!.id).length);
  });

  it('walks every inspection once, audits included, and finds a PO\'s inspections in or out of its shard', () => {
    const tables = parsedWorkspace(5);
    expect(tables.inspections.some((i) => i.po === undefined)).toBe(true);
    const snapshot = buildSnapshot(asTheJobHoldsThem(tables));
    const ids = (rows: Iterable<Inspection>) => [...rows].map((i) => i.id).sort();
    expect(ids(snapshot.inspections)).toEqual(ids(tables.inspections));
    // A second pass gives them all again (it is not a one-shot iterator).
    expect(ids(snapshot.inspections)).toEqual(ids(tables.inspections));
    const [first, second] = snapshot.purchaseOrders;
    const shard = snapshot.shard([first!]);
    for (const po of [first!, second!]) {
      expect(plain(shard.inspectionsByPo.get(po.id))).toEqual(plain(tables.inspections.filter((i) => i.po === po.id)));
    }
    snapshot.shard([]);
    expect(snapshot.inspectionsByPo.get('')).toBeUndefined();
  });
});
