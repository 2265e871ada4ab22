/**
 * A supplier's score history, kept in Suppliers."Score history" as one JSON object per line (one line per closed
 * project), and the overall Score derived from it. Like ERPNext's supplier scorecard, recent periods weigh more:
 * the latest counts fully and each older one 1/12 less, so a project 12 closures ago no longer counts.
 * Check (domain.md §9): latest 80, previous 60 → (80 + 60 × 11/12) ÷ (1 + 11/12) = 70.4.
 */
import { z } from 'zod';
import { KPI_KEYS, type KpiKey, type ScoreWeights } from './score-weights.ts';

const KpiScores = z.partialRecord(z.enum(KPI_KEYS), z.number().min(0).max(100));

export const HistoryEntry = z.object({
  /** Airtable record ID of the project: the entry's key, so re-closing a project replaces its line. */
  project: z.string().min(1),
  name: z.string(),
  closedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  score: z.number().min(0).max(100),
  kpis: KpiScores,
  weights: z.partialRecord(z.enum(KPI_KEYS), z.number()),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const DECAY_PERIODS = 12;

export type HistoryParse = { ok: true; entries: HistoryEntry[] } | { ok: false; problem: string };

/** Reads the cell; a line that is not a valid entry makes the whole history unreadable (it is never dropped). */
export function parseHistory(text: string | undefined): HistoryParse {
  const entries: HistoryEntry[] = [];
  const lines = (text ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  for (const [i, line] of lines.entries()) {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return { ok: false, problem: `line ${i + 1} is not JSON` };
    }
    const parsed = HistoryEntry.safeParse(json);
    if (!parsed.success) return { ok: false, problem: `line ${i + 1} is not a score entry (${parsed.error.issues[0]?.message ?? 'invalid'})` };
    entries.push(parsed.data);
  }
  return { ok: true, entries };
}

/** Newest first, then by project ID so the text is stable. */
function ordered(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((a, b) => b.closedOn.localeCompare(a.closedOn) || a.project.localeCompare(b.project));
}

export function formatHistory(entries: readonly HistoryEntry[]): string {
  return ordered(entries)
    .map((e) => JSON.stringify({ project: e.project, name: e.name, closedOn: e.closedOn, score: e.score, kpis: sortKeys(e.kpis), weights: sortKeys(e.weights) }))
    .join('\n');
}

function sortKeys<T extends Partial<Record<KpiKey, number>>>(record: T): T {
  return Object.fromEntries(KPI_KEYS.filter((k) => record[k] !== undefined).map((k) => [k, record[k]])) as T;
}

/** The entry of this project replaces an older one of the same project. */
export function withEntry(entries: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return ordered([...entries.filter((e) => e.project !== entry.project), entry]);
}

/** Decay-weighted mean of the period scores, newest first; undefined without history. Rounded to 0.1. */
export function overallScore(entries: readonly HistoryEntry[]): number | undefined {
  let weighted = 0;
  let weights = 0;
  ordered(entries).forEach((entry, n) => {
    const w = Math.max(0, (DECAY_PERIODS - n) / DECAY_PERIODS);
    weighted += entry.score * w;
    weights += w;
  });
  return weights === 0 ? undefined : Math.round((weighted / weights) * 10) / 10;
}

/** Σ score × weight ÷ Σ weight over the KPIs that have data; undefined when none has. Rounded to 0.1. */
export function periodScore(kpis: Partial<Record<KpiKey, number>>, weights: ScoreWeights): number | undefined {
  let sum = 0;
  let total = 0;
  for (const key of KPI_KEYS) {
    const score = kpis[key];
    if (score === undefined || weights[key] === 0) continue;
    sum += score * weights[key];
    total += weights[key];
  }
  return total === 0 ? undefined : Math.round((sum / total) * 10) / 10;
}

/** Overall bands seen in practice (domain.md §9): Preferred 90–100, Acceptable 70–89, Developmental < 70. */
export function scoreBand(score: number): 'Preferred' | 'Acceptable' | 'Developmental' {
  if (score >= 90) return 'Preferred';
  if (score >= 70) return 'Acceptable';
  return 'Developmental';
}
