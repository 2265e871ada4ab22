import { describe, it } from 'vitest';
import { lateMilestone } from '../../../../src/domain/checks/rules/late-milestone.ts';
import { baseWorld, CLOCK, day, expectFindings, SETTINGS, type Expected, type World } from '../world.ts';

// po1: lead time 60 days × buffer 12 % = 7 buffer days.
const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['a milestone on time stays quiet', () => {}, []],
  [
    'one day late with buffer left is Info',
    (w) => w.patch('milestones', 'ms-dupro', { 'Planned date': day(-1) }),
    [{ severity: 'Info', says: ['PO-1001 · DUPRO is 1 day late', `planned ${day(-1)}`, '6 of 7 buffer days left', 'Ningbo Test Factory Co., Ltd.'], subject: ['ms-dupro'], owner: 'p-qa' }],
  ],
  [
    'four days late is a Warning',
    (w) => w.patch('milestones', 'ms-dupro', { 'Planned date': day(-4) }),
    [{ severity: 'Warning', says: ['PO-1001 · DUPRO is 4 days late', '3 of 7 buffer days left', 'agree a new planned date'] }],
  ],
  [
    'a delay that eats the whole buffer is Critical',
    (w) => w.patch('milestones', 'ms-dupro', { 'Planned date': day(-7) }),
    [{ severity: 'Critical', says: ['7 days late', 'buffer is used up', 'recovery plan'] }],
  ],
  ['an actual date resolves it', (w) => w.patch('milestones', 'ms-dupro', { 'Planned date': day(-7), 'Actual date': day(-1) }), []],
  ['a cancelled PO is not chased', (w) => w.patch('milestones', 'ms-dupro', { 'Planned date': day(-7) }).patch('purchaseOrders', 'po1', { Status: 'Cancelled' }), []],
  [
    'without a planned date the baseline counts',
    (w) => w.patch('milestones', 'ms-dupro', { 'Planned date': undefined, 'Baseline date': day(-3) }),
    [{ severity: 'Warning', says: ['3 days late'] }],
  ],
  [
    'without any lead time the buffer is unknown',
    (w) => {
      w.patch('milestones', 'ms-dupro', { 'Planned date': day(-3) });
      w.patch('purchaseOrders', 'po1', { 'Lead time days': undefined });
      w.patch('projects', 'prj1', { 'Target lead time days': undefined });
    },
    [{ severity: 'Warning', says: ['no buffer is known'] }],
  ],
];

describe('late-milestone', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(lateMilestone.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});
