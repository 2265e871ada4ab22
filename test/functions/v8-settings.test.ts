/**
 * The deployed functions run V8 in its optimize-for-size mode (functions/v8-settings.ts; the cycle's peak memory at
 * 10,000 POs depends on it, see the cycle-memory benchmark): set where Cloud Run runs them, before any other module
 * of the entry is loaded; tests and local runs keep V8's defaults.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn();

async function loadWith(env: Record<string, string | undefined>): Promise<void> {
  vi.resetModules();
  vi.doMock('node:v8', () => ({ setFlagsFromString }));
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  await import('../../functions/v8-settings.ts');
}

describe('V8 settings of the deployed functions', () => {
  afterEach(() => {
    setFlagsFromString.mockClear();
    vi.unstubAllEnvs();
    vi.doUnmock('node:v8');
  });

  it('sets optimize-for-size where Cloud Run runs the function (K_SERVICE)', async () => {
    await loadWith({ K_SERVICE: 'sourcing-workspace-tick' });
    expect(setFlagsFromString).toHaveBeenCalledWith('--optimize-for-size');
  });

  it('leaves V8 as it is in tests and local runs', async () => {
    await loadWith({ K_SERVICE: undefined });
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });

  it('is the first module the functions entry loads', () => {
    const entry = readFileSync(resolve(import.meta.dirname, '../../functions/index.ts'), 'utf8');
    const firstImport = /^import\s[^;]*;/m.exec(entry)?.[0];
    expect(firstImport).toBe("import './v8-settings.ts';");
  });
});
