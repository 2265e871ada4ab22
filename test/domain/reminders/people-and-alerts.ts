/** Typed People and Alerts records for the pure reminder tests. */
import type { Alert } from '../../../src/domain/models/alert.ts';
import type { Person } from '../../../src/domain/models/person.ts';

const WEEK = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] as const;

export function person(id: string, overrides: Partial<Person> = {}): Person {
  return {
    id,
    createdTime: '2026-01-01T00:00:00.000Z',
    name: id,
    email: `${id.toLowerCase()}@agency.example`,
    role: 'Sourcing',
    timeZone: 'Europe/Berlin',
    workingHoursStart: '08:30',
    workingHoursEnd: '17:00',
    workingDays: [...WEEK],
    manager: undefined,
    phone: undefined,
    weChat: undefined,
    active: true,
    syncIssues: undefined,
    ...overrides,
  };
}

export function alert(id: string, overrides: Partial<Alert> = {}): Alert {
  return {
    id,
    createdTime: '2026-02-01T00:00:00.000Z',
    key: `rule:${id}`,
    rule: 'late-milestone',
    severity: 'Warning',
    po: undefined,
    milestone: undefined,
    inspection: undefined,
    shipment: undefined,
    supplier: undefined,
    project: undefined,
    message: `${id} is late`,
    owner: undefined,
    firstSeen: '2026-02-27T08:00:00.000Z',
    lastSeen: undefined,
    status: 'Open',
    snoozedUntil: undefined,
    escalated: false,
    notifiedAt: undefined,
    reviewInvite: undefined,
    ...overrides,
  };
}
