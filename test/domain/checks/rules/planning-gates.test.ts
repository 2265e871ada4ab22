import { describe, it } from 'vitest';
import { missingMilestonePlan } from '../../../../src/domain/checks/rules/missing-milestone-plan.ts';
import { missingQualityBenchmarks } from '../../../../src/domain/checks/rules/missing-quality-benchmarks.ts';
import { PO1_MILESTONES, baseWorld, CLOCK, expectFindings, SETTINGS, type Expected, type World } from '../world.ts';

const planCases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['a full plan stays quiet', () => {}, []],
  [
    'a PO in production without PSI and ETD dates',
    (w) => {
      w.drop('milestones', 'ms-psi');
      w.patch('milestones', 'ms-etd', { 'Planned date': undefined, 'Baseline date': undefined });
    },
    [{ severity: 'Warning', says: ['PO-1001 is In production without a dated PSI and ETD milestone', 'sourcing plan'], subject: ['po1'], owner: 'p-agent' }],
  ],
  [
    'a PO in production without any milestone',
    (w) => {
      for (const [ref] of PO1_MILESTONES) w.drop('milestones', ref);
    },
    [{ severity: 'Warning', says: ['PO-1001 is In production without any milestones'] }],
  ],
  ['a PO only placed has time to plan', (w) => { w.drop('milestones', 'ms-psi'); w.patch('purchaseOrders', 'po1', { Status: 'PO placed' }); }, []],
];

const benchmarkCases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['benchmarks set stays quiet', () => {}, []],
  [
    'a project in production without AQLs',
    (w) => w.patch('projects', 'prj1', { 'AQL major': undefined, 'AQL minor': undefined }),
    [{ severity: 'Warning', says: ['Project Outback · Camp lantern is in Production without AQL major and AQL minor', 'major 2.5'], subject: ['prj1'], owner: 'p-agent' }],
  ],
  ['a project still in inquiry & planning is setting them', (w) => w.patch('projects', 'prj1', { Phase: 'Inquiry & planning', 'Inspection level': undefined }), []],
];

describe('missing-milestone-plan (phase-1 gate)', () => {
  it.each(planCases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(missingMilestonePlan.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});

describe('missing-quality-benchmarks (phase-1 gate)', () => {
  it.each(benchmarkCases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(missingQualityBenchmarks.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});
