import { describe, it } from 'vitest';
import { milestoneAtRisk } from '../../../../src/domain/checks/rules/milestone-at-risk.ts';
import { baseWorld, CLOCK, day, expectFindings, plannable, SETTINGS, type Expected, type World } from '../world.ts';

const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['a predecessor done in time stays quiet', () => {}, []],
  [
    'a predecessor overdue with the milestone due in 2 days is a Warning',
    (w) => w.patch('milestones', 'ms-start', { 'Actual date': undefined, 'Planned date': day(-2) }),
    [{ severity: 'Warning', says: ['PO-1001 · DUPRO is due in 2 days', 'Production start (2 days overdue) is not done', 'the schedule expects it on', 'confirm with the factory'], subject: ['ms-dupro'], owner: 'p-qa' }],
  ],
  [
    'entered dates too close for the lag are a schedule conflict, not this rule',
    (w) => w.patch('milestones', 'ms-start', { 'Actual date': undefined, 'Planned date': day(1) }),
    [],
  ],
  [
    'a predecessor simply due early enough is the normal course',
    (w) => {
      w.patch('milestones', 'ms-start', { 'Actual date': undefined, 'Planned date': day(0) }).patch('milestones', 'ms-dupro', { 'Planned date': day(6) });
    },
    [],
  ],
  [
    'a milestone due on the last day of the look-ahead (7 days) is flagged',
    // Production start 12 days overdue: 10 days of output from today end after 17 Jun.
    (w) =>
      w
        .patch('milestones', 'ms-start', { 'Actual date': undefined, 'Planned date': day(-12) })
        .patch('milestones', 'ms-dupro', { 'Actual date': day(-1) })
        .patch('milestones', 'ms-complete', { 'Planned date': day(7) }),
    [{ severity: 'Warning', says: ['PO-1001 · Production complete is due in 7 days', 'Production start (12 days overdue) is not done', 'expects it on 24 Jun 2026'], subject: ['ms-complete'] }],
  ],
  [
    'a milestone beyond the look-ahead is not flagged yet',
    (w) => w.patch('milestones', 'ms-start', { 'Actual date': undefined, 'Planned date': day(-2) }).patch('milestones', 'ms-dupro', { 'Planned date': day(8) }),
    [],
  ],
  [
    'the balance waits for ETD when it is paid against the B/L copy',
    (w) =>
      w
        .patch('milestones', 'ms-balance', { 'Planned date': day(5) })
        .patch('milestones', 'ms-etd', { 'Planned date': day(6) })
        .patch('milestones', 'ms-booking', { 'Planned date': day(-1), 'Actual date': day(-1) }),
    // ETD + 3 days is after the entered balance date: a conflict between entered dates (schedule-conflict's).
    [],
  ],
  [
    'the predecessor done resolves it',
    (w) => w.patch('milestones', 'ms-start', { 'Actual date': day(-1), 'Planned date': day(-2) }),
    [],
  ],
];

describe('milestone-at-risk', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = plannable(baseWorld());
    setup(w);
    expectFindings(milestoneAtRisk.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});
