import { describe, expect, it } from 'vitest';
import { isNetworkError, isTransientStatus, withRetries, type RetryPolicy } from '../../src/lib/retry.ts';

const policy: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 250, budgetMs: 1_000 };

function harness(failures: unknown[]) {
  const waits: number[] = [];
  let calls = 0;
  const run = () =>
    withRetries(
      async () => {
        calls += 1;
        const failure = failures.shift();
        if (failure) throw failure;
        return 'ok';
      },
      { policy, retryable: (e) => e instanceof Error && e.message === 'transient', sleep: async (ms) => void waits.push(ms), random: () => 1 },
    );
  return { run, waits, calls: () => calls };
}

describe('withRetries', () => {
  it('retries transient failures with exponential, capped waits and then succeeds', async () => {
    const h = harness([new Error('transient'), new Error('transient'), new Error('transient')]);
    await expect(h.run()).resolves.toBe('ok');
    expect(h.waits).toEqual([100, 200, 250]);
    expect(h.calls()).toBe(4);
  });

  it('gives up after the attempts and rethrows the last failure', async () => {
    const h = harness([new Error('transient'), new Error('transient'), new Error('transient'), new Error('transient')]);
    await expect(h.run()).rejects.toThrow('transient');
    expect(h.calls()).toBe(4);
  });

  it('never retries what is not transient', async () => {
    const h = harness([new Error('422 invalid')]);
    await expect(h.run()).rejects.toThrow('422 invalid');
    expect(h.calls()).toBe(1);
  });

  it('stops when the waiting budget would be exceeded', async () => {
    const waits: number[] = [];
    const call = withRetries(async () => Promise.reject(new Error('transient')), {
      policy: { attempts: 10, baseDelayMs: 400, maxDelayMs: 400, budgetMs: 1_000 },
      retryable: () => true,
      sleep: async (ms) => void waits.push(ms),
      random: () => 1,
    });
    await expect(call).rejects.toThrow('transient');
    expect(waits).toEqual([400, 400]);
  });
});

describe('failure classification', () => {
  it.each([
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [429, false],
    [404, false],
    [422, false],
    [null, false],
  ])('status %s transient: %s', (status, transient) => {
    expect(isTransientStatus(status)).toBe(transient);
  });

  it('recognises resets and timeouts through wrapped causes', () => {
    expect(isNetworkError(new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }))).toBe(true);
    expect(isNetworkError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isNetworkError(new DOMException('timed out', 'TimeoutError'))).toBe(true);
    expect(isNetworkError(new Error('Request failed with status code 400'))).toBe(false);
  });
});
