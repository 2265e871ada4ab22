import { describe, it } from 'vitest';
import { bookingDue } from '../../../../src/domain/checks/rules/booking-due.ts';
import { baseWorld, CLOCK, day, expectFindings, SETTINGS, type Expected, type World } from '../world.ts';

const cases: [name: string, setup: (w: World) => void, expected: Expected[]][] = [
  ['a booking 10 days away is not due yet', () => {}, []],
  [
    'a booking due within 7 days and not confirmed reminds its owner',
    (w) => w.patch('milestones', 'ms-booking', { 'Planned date': day(7) }),
    [{ severity: 'Info', says: ['PO-1001: the freight booking is due in 7 days', `for cargo ready on ${day(22)}`, 'Please book the space with the forwarder'], subject: ['ms-booking'], owner: 'p-log' }],
  ],
  ['a confirmed booking stays quiet', (w) => w.patch('milestones', 'ms-booking', { 'Planned date': day(3), 'Actual date': day(0) }), []],
  ['an overdue booking is late-milestone’s', (w) => w.patch('milestones', 'ms-booking', { 'Planned date': day(-1) }), []],
  ['a shipped PO needs no booking reminder', (w) => w.patch('milestones', 'ms-booking', { 'Planned date': day(2) }).patch('purchaseOrders', 'po1', { Status: 'Shipped' }), []],
];

describe('booking-due', () => {
  it.each(cases)('%s', (_name, setup, expected) => {
    const w = baseWorld();
    setup(w);
    expectFindings(bookingDue.check(w.snapshot(), CLOCK, SETTINGS), expected);
  });
});
