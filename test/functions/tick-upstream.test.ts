/**
 * A tick runs its jobs one after another (hourly: documents, then checks): a job after a failed one is told which,
 * as `runCycle` tells its steps, so the checks leave alone the rules about the failed job's outputs instead of
 * raising "no commercial invoice" for documents a Drive outage kept from being built.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, type FunctionJob } from '../../functions/function-job.ts';
import { JOBS } from '../../functions/jobs.ts';
import { runJobsForWorkspace } from '../../functions/run-job.ts';
import type { JobReport } from '../../src/jobs/report.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
const report = (job: string, details: unknown): JobReport<unknown> => ({ job, ok: true, startedAt: '2026-12-05T00:00:00.000Z', durationMs: 0, requests: {}, problems: [], details });

/** A stand-in job that answers `details` (or throws) and records the input it was given. */
function fake(name: string, outcome: unknown | Error, seen: unknown[], upstreamAware = false): FunctionJob<unknown> {
  return {
    ...defineJob({
      name,
      input: z.unknown(),
      async run(_runtime, input) {
        seen.push(input);
        if (outcome instanceof Error) throw outcome;
        return report(name, outcome);
      },
    }),
    upstreamAware,
  };
}

describe('upstream failures within a tick', () => {
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('tells a later upstream-aware job which jobs failed: one that threw, one whose documents could not all be built', async () => {
    const seen: unknown[] = [];
    const jobs = [
      fake('plan', new Error('Airtable answered 503'), []),
      fake('documents', { failed: ['Shipment BK-1: Drive answered 500'] }, []),
      fake('close', { failed: [] }, []),
      fake('checks', {}, seen, true),
    ];
    const outcomes = await runJobsForWorkspace(jobs.map((job) => ({ job, input: {} })), { id: 'acme', env: {}, secretEnv: {} }, process.env, (s) => s);
    expect(outcomes.map((o) => o.kind)).toEqual(['failed', 'done', 'done', 'done']);
    expect(seen).toEqual([{ upstreamFailed: ['plan', 'documents'] }]);
  });

  it('tells nothing when every job before did its work, and nothing to a job that does not take it', async () => {
    const aware: unknown[] = [];
    const plain: unknown[] = [];
    const jobs = [fake('documents', { failed: [] }, []), fake('close', new Error('boom'), []), fake('sync', {}, plain), fake('checks', {}, aware, true)];
    await runJobsForWorkspace(jobs.map((job) => ({ job, input: {} })), { id: 'acme', env: {}, secretEnv: {} }, process.env, (s) => s);
    expect(plain).toEqual([{}]);
    expect(aware).toEqual([{ upstreamFailed: ['close'] }]);
  });

  it("the hourly checks take it (their input accepts it, and the sequence passes it to the checks and reminders)", () => {
    const checks = JOBS.checks;
    expect(checks?.upstreamAware).toBe(true);
    expect(checks?.input.safeParse({ upstreamFailed: ['documents'] }).success).toBe(true);
    expect(checks?.input.safeParse({ upstreamFailed: 'documents' }).success).toBe(false);
    expect(JOBS.documents?.upstreamAware).toBeFalsy();
  });
});
