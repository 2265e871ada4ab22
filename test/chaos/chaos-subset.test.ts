/**
 * The seeded subset of the chaos suite (`npm run chaos` runs the full one, figures in the README): a cycle with
 * provider faults injected before every job (errors, resets, timeouts, writes applied whose answer is lost), npm
 * start's work SIGKILLed during the sample load, and two copies of the reminders job at once; after each, one
 * clean cycle must leave the workspace exactly as a reference cycle on a fresh workspace does (Airtable rows by
 * key, Notion pages, Drive files and their bytes, mails), with no stack trace and no problem the reference does
 * not have.
 */
import { describe, expect, it } from 'vitest';
import { runChaos } from '../../scripts/chaos/run-chaos.ts';

describe('chaos suite, seeded subset', () => {
  it('faults in every job, a kill during the sample load and a double reminders run end as the reference does after one clean cycle', async () => {
    const lines: string[] = [];
    const summary = await runChaos({
      runs: 3,
      seed: 14,
      scenarios: [{ mode: 'faults', target: 'documents' }, { mode: 'kill', target: 'setup' }, { mode: 'double', target: 'reminders' }],
      log: (line) => lines.push(line),
    });
    const log = lines.join('\n');
    const [faults, kill, double] = summary.runs;
    // Not vacuous: faults were injected (a lost write answer among them), the child was killed, two copies ran.
    expect(faults?.chaos.length, log).toBeGreaterThan(2);
    expect(faults?.chaos.some((c) => c.includes('lose the answer')), log).toBe(true);
    expect(kill?.killed, log).toBe(true);
    expect(double?.chaos, log).toContain('two copies of remind at once');
    for (const run of summary.runs) {
      expect({ run: run.run, differences: run.differences, stackTraces: run.stackTraces, childErrors: run.childErrors, cleanProblems: run.cleanProblems }, log)
        .toEqual({ run: run.run, differences: [], stackTraces: [], childErrors: [], cleanProblems: [] });
    }
  }, 300_000);
});
