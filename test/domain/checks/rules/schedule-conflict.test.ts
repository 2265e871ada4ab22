import { describe, it } from 'vitest';
import { scheduleConflict } from '../../../../src/domain/checks/rules/schedule-conflict.ts';
import { baseWorld, CLOCK, day, expectFindings, plannable, SETTINGS, type Expected, type World } from '../world.ts';

const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['entered dates that keep the lags stay quiet', () => {}, []],
  [
    'a DUPRO entered closer to production start than 40 % of production names both milestones',
    (w) => w.patch('milestones', 'ms-start', { 'Actual date': undefined, 'Planned date': day(1) }),
    [{
      severity: 'Warning',
      says: ['PO-1001: DUPRO is planned for 12 Jun 2026 (entered by a person)', 'Production start', 'no earlier than 16 Jun 2026', 'Please move DUPRO to 16 Jun 2026 or later'],
      subject: ['ms-dupro'],
      owner: 'p-qa',
    }],
  ],
  [
    'a balance against the B/L copy entered before ETD + 3 days',
    (w) => w.patch('milestones', 'ms-balance', { 'Planned date': day(30) }),
    [{ severity: 'Warning', says: ['PO-1001: Balance paid is planned for 10 Jul 2026', 'but ETD allows it no earlier than 11 Jul 2026'], subject: ['ms-balance'] }],
  ],
  [
    'a step done while its predecessor is planned after it asks for the actual date',
    (w) => w.patch('milestones', 'ms-dupro', { 'Actual date': day(-1) }).patch('milestones', 'ms-start', { 'Actual date': undefined, 'Planned date': day(-3) }),
    [{ severity: 'Warning', says: ['PO-1001: DUPRO is done on 9 Jun 2026, but Production start', "Please enter Production start's actual date"], subject: ['ms-dupro'] }],
  ],
  [
    'one alert for one wrong date: the milestones after it are planned from it',
    (w) => w.patch('milestones', 'ms-psi', { 'Planned date': day(18) }),
    [{ severity: 'Warning', says: ['PO-1001: PSI is planned for 28 Jun 2026', 'Production complete'], subject: ['ms-psi'] }],
  ],
  ['a PO without a lane is not planned, so not checked here', (w) => w.patch('purchaseOrders', 'po1', { 'Port of loading': undefined }).patch('milestones', 'ms-psi', { 'Planned date': day(18) }), []],
];

describe('schedule-conflict', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = plannable(baseWorld());
    setup(w);
    expectFindings(scheduleConflict.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});
