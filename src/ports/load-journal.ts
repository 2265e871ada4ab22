/**
 * Where a sample (or benchmark) load records how far it got, outside the base it loads into: `loading` is written
 * before the first row (before the base is even created), `complete` after the last. A base whose load says
 * `loading` was interrupted: it is finished before any job plans from it. Locally a file in the workspace folder
 * (src/cli/sample-load-marker.ts).
 */
export type LoadState = 'loading' | 'complete';

export interface LoadJournal {
  read(): Promise<LoadState | undefined>;
  write(state: LoadState): Promise<void>;
}
