/**
 * The seeded subset of the chaos suite (`npm run chaos` runs the full one): a cycle with provider faults injected
 * before every job, and npm start's work SIGKILLed during the sample load; after each, one clean cycle must leave
 * the workspace exactly as a reference cycle on a fresh workspace does (Airtable rows by key, Notion pages,
 * Drive files and their bytes, mails), with no stack trace and nothing left for the clean cycle to complain about.
 */
import { describe, expect, it } from 'vitest';
import { runChaos } from '../../scripts/chaos/run-chaos.ts';

describe('chaos suite, seeded subset', () => {
  it('faults in every job, and a kill during the sample load, end as the reference does after one clean cycle', async () => {
    const lines: string[] = [];
    const summary = await runChaos({
      runs: 2,
      seed: 14,
      scenarios: [{ mode: 'faults', target: 'documents' }, { mode: 'kill', target: 'setup' }],
      log: (line) => lines.push(line),
    });
    const [faults, kill] = summary.runs;
    // Not vacuous: faults were injected and the child was killed.
    expect(faults?.chaos.length, lines.join('\n')).toBeGreaterThan(0);
    expect(kill?.killed, lines.join('\n')).toBe(true);
    for (const run of summary.runs) {
      expect({ run: run.run, differences: run.differences, stackTraces: run.stackTraces, cleanProblems: run.cleanProblems }, lines.join('\n'))
        .toEqual({ run: run.run, differences: [], stackTraces: [], cleanProblems: [] });
    }
  }, 240_000);
});
