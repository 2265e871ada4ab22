/**
 * The local workspace's LoadJournal: `<workspace dir>/sample-load.json`, replaced atomically (write, then rename),
 * so a kill leaves either the old or the new state, never half a file. Deleting the workspace folder deletes it.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadJournal, LoadState } from '../ports/load-journal.ts';
import type { Runtime } from './runtime.ts';

const FILE = 'sample-load.json';

export function sampleLoadMarker(dir: string, baseName: string): LoadJournal {
  const path = join(dir, FILE);
  const readAll = (): Record<string, LoadState> => {
    try {
      const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
      return value && typeof value === 'object' ? (value as Record<string, LoadState>) : {};
    } catch {
      return {};
    }
  };
  return {
    read: async () => {
      const state = readAll()[baseName];
      return state === 'loading' || state === 'complete' ? state : undefined;
    },
    write: async (state) => {
      mkdirSync(dir, { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify({ ...readAll(), [baseName]: state }, null, 2)}\n`);
      renameSync(tmp, path);
    },
  };
}

/** Where `npm start` records how far its sample load got: the local workspace's folder. */
export function localLoadJournal(runtime: Runtime): LoadJournal {
  return sampleLoadMarker(runtime.workspace?.dir ?? runtime.config.workspace.dir, runtime.airtableTarget.baseName);
}
