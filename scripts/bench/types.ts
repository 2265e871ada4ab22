/** What each benchmark returns; scripts/bench.ts prints them as tables (and JSON with --json). */
export interface BenchRow {
  label: string;
  value: number | string;
  unit?: string;
}

export interface BenchResult {
  name: string;
  rows: BenchRow[];
  /** Free text printed under the table: what was measured and how to read it. */
  notes?: string[];
}
