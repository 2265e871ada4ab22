/** Outbox: every reminder email, recorded (state Sending) before it is sent, so it goes out once per key. */
import { dateTime, email, links, requiredSelect, requiredText, select, text } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const OUTBOX_KINDS = ['Digest', 'Critical', 'Escalation', 'Chat', 'Invite', 'Weekly update', 'Supplier prompt'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
/** The kinds the reminders job mails to agency staff (each has its text in workspace-templates/emails). */
export type ReminderKind = Extract<OutboxKind, 'Digest' | 'Critical' | 'Escalation'>;
/** Sending = recorded, not confirmed; Unconfirmed = the transport cannot search sent mail, so it is not resent. */
export const OUTBOX_STATES = ['Sending', 'Sent', 'Cancelled', 'Unconfirmed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export const outbox = defineModel(
  'Outbox',
  {
    key: 'Key',
    kind: 'Kind',
    state: 'State',
    to: 'To',
    subject: 'Subject',
    messageId: 'Message-ID',
    alerts: 'Alerts',
    createdAt: 'Created at',
    sentAt: 'Sent at',
    providerMessageId: 'Provider message ID',
    lastError: 'Last error',
    syncIssues: 'Sync issues',
    channel: 'Channel',
  } as const,
  {
    /** Dedupe key, e.g. "digest:recXXXXXXXXXXXXXX:2026-03-02". */
    key: requiredText(),
    kind: select(OUTBOX_KINDS),
    state: requiredSelect(OUTBOX_STATES),
    to: email(),
    subject: text(),
    messageId: text(),
    alerts: links(),
    createdAt: dateTime(),
    sentAt: dateTime(),
    providerMessageId: text(),
    lastError: text(),
    syncIssues: text(),
    /** The Chat Channels name a Chat row went to. */
    channel: text(),
  },
);

export type OutboxEntry = ModelRecord<typeof outbox>;
