/**
 * `npm run chaos -- --runs N --seed S [--modes faults,kill,double] [--targets plan,documents,…] [--json]`: the chaos
 * suite (scripts/chaos/run-chaos.ts). Prints each run as it ends and a summary; exits 1 when any run left the
 * workspace different from the reference, printed a stack trace, or left problems for a clean cycle.
 */
import { parseArgs } from 'node:util';
import { runChaos, type ChaosMode, type ChaosTarget } from './chaos/run-chaos.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    modes: { type: 'string' },
    targets: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const list = (text: string | undefined) => (text ? text.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
const summary = await runChaos({
  runs: Number(values.runs),
  seed: Number(values.seed),
  ...(values.modes ? { modes: list(values.modes) as ChaosMode[] } : {}),
  ...(values.targets ? { targets: list(values.targets) as ChaosTarget[] } : {}),
  log: values.json ? undefined : (line) => console.log(line),
});

const runs = summary.runs;
const count = (kind: 'duplicated' | 'lost', area: (a: string) => boolean) =>
  runs.reduce((n, r) => n + r.differences.filter((d) => d.kind === kind && area(d.area)).reduce((m, d) => m + Math.abs(d.actual - d.expected), 0), 0);
const areas: [string, (a: string) => boolean][] = [
  ['Airtable rows', (a) => a.startsWith('airtable:') && a !== 'airtable:Alerts' && a !== 'airtable:Outbox'],
  ['Alerts', (a) => a === 'airtable:Alerts'],
  ['Outbox rows', (a) => a === 'airtable:Outbox'],
  ['Notion pages', (a) => a === 'notion'],
  ['Drive files', (a) => a === 'drive'],
  ['Mails', (a) => a === 'gmail'],
];
const figures = {
  seed: summary.seed,
  runs: runs.length,
  byMode: Object.fromEntries(['faults', 'kill', 'double'].map((m) => [m, runs.filter((r) => r.mode === m).length])),
  cleanRuns: runs.filter((r) => r.differences.length + r.stackTraces.length + r.childErrors.length + r.cleanProblems.length === 0).length,
  duplicated: Object.fromEntries(areas.map(([name, f]) => [name, count('duplicated', f)])),
  lost: Object.fromEntries(areas.map(([name, f]) => [name, count('lost', f)])),
  stackTraces: runs.reduce((n, r) => n + r.stackTraces.length, 0),
  childErrors: runs.reduce((n, r) => n + r.childErrors.length, 0),
  cleanCycleProblems: runs.reduce((n, r) => n + r.cleanProblems.length, 0),
  minutes: Math.round(summary.ms / 600) / 100,
};
if (values.json) console.log(JSON.stringify({ figures, runs }, null, 2));
else console.log(`\n${JSON.stringify(figures, null, 2)}`);
process.exitCode = figures.cleanRuns === runs.length ? 0 : 1;
