/**
 * What the process that runs the jobs lends the local workspace (the workspace imports no job): its clock, a way
 * to move it forward and run the cycle at the new time, the last cycle it ran, and the factories' portal links.
 * `npm start` and `sourcing serve` fill these in; a bare `sourcing workspace` has none, and the viewer says what to
 * run instead. Also served by the control plane (GET/POST /__workspace/clock, GET /__workspace/last-cycle).
 */

export interface CycleStepSummary {
  title: string;
  ok: boolean;
  /** One line for people: the job's own first line, e.g. "Checks for 2027-01-20: 14 findings (…)". */
  headline: string;
  problems: number;
}

export interface CycleRun {
  /** The clock the cycle ran at (ISO). */
  asOf: string;
  /** Request-log sequence numbers around the cycle: the changes it made are the writes between them. */
  firstSeq: number;
  lastSeq: number;
  steps: CycleStepSummary[];
  /** Set when the cycle stopped on an error. */
  error?: string;
}

export interface SupplierLink {
  supplier: string;
  url: string;
}

export interface WorkspaceHooks {
  clock?: () => { now: string; real: boolean };
  /** Moves the clock forward by `days` and runs the cycle at the new time (one at a time). */
  advance?: (days: number) => Promise<CycleRun>;
  lastCycle?: () => CycleRun | undefined;
  /** Each factory's own portal (the supplier-portal helper), when the process knows them. */
  supplierLinks?: () => SupplierLink[];
}
