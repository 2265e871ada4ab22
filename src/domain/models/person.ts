/** People: agency staff. Reminders reach each person inside their own working hours and zone. */
import { WEEKDAYS } from './choices.ts';
import { checkbox, clockTime, email, link, multiSelect, requiredText, select, text, timeZone } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const ROLES = ['Sourcing', 'QA', 'Logistics', 'Finance', 'Manager'] as const;
export type Role = (typeof ROLES)[number];

export const people = defineModel(
  'People',
  {
    name: 'Name',
    email: 'Email',
    role: 'Role',
    timeZone: 'Time zone',
    workingHoursStart: 'Working hours start',
    workingHoursEnd: 'Working hours end',
    workingDays: 'Working days',
    manager: 'Manager',
    phone: 'Phone',
    weChat: 'WeChat',
    active: 'Active',
    syncIssues: 'Sync issues',
  } as const,
  {
    name: requiredText(),
    email: email(),
    role: select(ROLES),
    /** IANA zone; reminders are held back when it is missing rather than sent at a guessed hour. */
    timeZone: timeZone(),
    /** "HH:mm" in the person's zone. */
    workingHoursStart: clockTime(),
    workingHoursEnd: clockTime(),
    workingDays: multiSelect(WEEKDAYS),
    manager: link(),
    phone: text(),
    weChat: text(),
    active: checkbox(),
    syncIssues: text(),
  },
);

export type Person = ModelRecord<typeof people>;
