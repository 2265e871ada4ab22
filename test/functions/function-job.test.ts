import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, sequence } from '../../functions/function-job.ts';
import type { Runtime } from '../../src/cli/runtime.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';

function step(name: string, problems: string[], calls: number) {
  return defineJob({
    name,
    input: z.object({}).strict(),
    async run(runtime) {
      runtime.counter.add('airtable', 'list', calls);
      // Each job reports only its own requests (RequestCounter.mark), so the sequence adds them up.
      return { job: name, ok: problems.length === 0, startedAt: '', durationMs: 0, requests: { airtable: { total: calls, byOperation: { list: calls } } }, problems, details: {} };
    },
  });
}

describe('sequence (checks then reminders in one call)', () => {
  it('runs every step on one runtime, counts requests once and prefixes problems with the step', async () => {
    const runtime = { counter: new RequestCounter() } as unknown as Runtime;
    const job = sequence('checks', [step('checks', [], 3), step('reminders', ['Alert A-1: owner has no email'], 2)], z.object({}).strict());
    const report = await job.run(runtime, {});
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(['reminders: Alert A-1: owner has no email']);
    expect(report.requests).toEqual({ airtable: { total: 5, byOperation: { list: 5 } } });
    expect((report.details as { steps: { job: string }[] }).steps.map((s) => s.job)).toEqual(['checks', 'reminders']);
  });

  it('stops at a step that throws, so the caller reports the failure', async () => {
    const runtime = { counter: new RequestCounter() } as unknown as Runtime;
    let ran = false;
    const failing = defineJob({ name: 'checks', input: z.object({}), run: async () => Promise.reject(new Error('Airtable answered 503')) });
    const after = defineJob({ name: 'reminders', input: z.object({}), run: async () => ((ran = true), Promise.reject(new Error('unreachable'))) });
    await expect(sequence('checks', [failing, after], z.object({})).run(runtime, {})).rejects.toThrow('Airtable answered 503');
    expect(ran).toBe(false);
  });
});
