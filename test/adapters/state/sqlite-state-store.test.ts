import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStateStore } from '../../../src/adapters/state/sqlite-state-store.ts';
import type { StateStore } from '../../../src/ports/state-store.ts';
import { stateStoreContract } from './state-store-contract.ts';

const dirs: string[] = [];
const stores: StateStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function freshFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'state-'));
  dirs.push(dir);
  return join(dir, 'state.db');
}

describe('SQLite state store', () => {
  stateStoreContract(async () => {
    const store = openSqliteStateStore(freshFile());
    stores.push(store);
    return store;
  });

  it('two connections (as two processes have) see each other and only one create wins', async () => {
    const file = freshFile();
    const a = openSqliteStateStore(file);
    const b = openSqliteStateStore(file);
    stores.push(a, b);
    expect((await a.put('lease/app1/plan', { holder: 'a' }, { mustNotExist: true })).ok).toBe(true);
    expect(await b.put('lease/app1/plan', { holder: 'b' }, { mustNotExist: true })).toEqual({ ok: false, reason: 'conflict' });
    expect((await b.get('lease/app1/plan'))?.value).toEqual({ holder: 'a' });
  });

  it('across processes: of three processes creating the same key at once, exactly one wins', async () => {
    const file = freshFile();
    const script = join(dirs[0]!, 'racer.mts');
    const adapter = new URL('../../../src/adapters/state/sqlite-state-store.ts', import.meta.url).pathname;
    writeFileSync(
      script,
      `import { openSqliteStateStore } from ${JSON.stringify(adapter)};\n` +
        `const store = openSqliteStateStore(process.argv[2]);\n` +
        `const r = await store.put('race/key', { pid: process.pid }, { mustNotExist: true });\n` +
        `process.send(r.ok); await store.close();\n`,
    );
    const outcomes = await Promise.all(
      Array.from({ length: 3 }, () =>
        new Promise<boolean>((resolve, reject) => {
          const child = fork(script, [file], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
          child.once('message', (m) => resolve(m === true));
          child.once('error', reject);
          child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`racer exited ${code}`))));
        }),
      ),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(1);
  });
});
