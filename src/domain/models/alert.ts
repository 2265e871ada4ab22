/** Alerts: findings of the daily checks; the Key makes every finding (and its reminders) idempotent. */
import { checkbox, dateTime, link, requiredSelect, requiredText, text } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const SEVERITIES = ['Info', 'Warning', 'Critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const ALERT_STATUSES = ['Open', 'Acknowledged', 'Snoozed', 'Resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const alerts = defineModel(
  'Alerts',
  {
    /** First: the primary field, what people read in the grid and in linked-record chips. */
    message: 'Message',
    key: 'Key',
    rule: 'Rule',
    severity: 'Severity',
    po: 'PO',
    milestone: 'Milestone',
    inspection: 'Inspection',
    shipment: 'Shipment',
    supplier: 'Supplier',
    project: 'Project',
    owner: 'Owner',
    firstSeen: 'First seen',
    lastSeen: 'Last seen',
    status: 'Status',
    snoozedUntil: 'Snoozed until',
    escalated: 'Escalated',
    notifiedAt: 'Notified at',
    reviewInvite: 'Review invite',
  } as const,
  {
    message: text(),
    /** Rule + record, unique. */
    key: requiredText(),
    rule: requiredText(),
    severity: requiredSelect(SEVERITIES),
    po: link(),
    milestone: link(),
    inspection: link(),
    shipment: link(),
    supplier: link(),
    project: link(),
    owner: link(),
    firstSeen: dateTime(),
    lastSeen: dateTime(),
    status: requiredSelect(ALERT_STATUSES),
    snoozedUntil: dateTime(),
    escalated: checkbox(),
    notifiedAt: dateTime(),
    reviewInvite: text(),
  },
);

export type Alert = ModelRecord<typeof alerts>;
