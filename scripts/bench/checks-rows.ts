/**
 * Shared pieces of the checks benchmark's data generator: the fixed clock, a seeded PRNG, record IDs and rows in
 * Airtable's wire shape, and what the generator remembers of each PO.
 */
import type { ParsedTables } from '../../src/domain/checks/snapshot.ts';
import type { MilestoneKind } from '../../src/domain/models/milestone.ts';
import type { InspectionLevel } from '../../src/domain/quality/sampling-tables.ts';

export type Fields = Record<string, unknown>;
export interface RawRow {
  id: string;
  createdTime: string;
  fields: Fields;
}
export type RawTables = Record<keyof ParsedTables, RawRow[]>;

/** Mid-September: ETDs run into Golden Week, production into CNY 2027, deliveries into the Q4 peaks. */
export const BENCH_TODAY = '2026-09-15';
export const BENCH_NOW = new Date(`${BENCH_TODAY}T09:00:00.000Z`);

const DAY_MS = 86_400_000;
export const TODAY_N = Date.UTC(2026, 8, 15) / DAY_MS;
export const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, fast, good enough for test data. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, chance: (p) => next() < p, pick: (items) => items[Math.floor(next() * items.length)]! };
}

/** A valid Airtable record ID: "rec" + 3-letter table tag + 11 digits. */
export const rid = (tag: string, n: number) => `rec${tag}${String(n).padStart(11, '0')}`;
const CREATED = '2025-01-01T00:00:00.000Z';
export const row = (id: string, fields: Fields): RawRow => ({ id, createdTime: CREATED, fields });

/** What the generator knows of one PO, for inspections, shipments and yesterday's alerts. */
export interface PoFacts {
  id: string;
  n: number;
  number: string;
  project: string;
  supplier: string;
  client: string;
  status: string;
  open: boolean;
  quantity: number;
  lineItems: string[];
  sea: boolean;
  /** Kind → milestone: its record ID, due day, done day (undefined when not done). */
  milestones: Map<MilestoneKind, { id: string; due: number | undefined; done: number | undefined }>;
  level: InspectionLevel;
  aqls: [number | null, number | null, number | null];
}

