/** Outbox: every reminder email, recorded (state Sending) before it is sent, so it goes out once per key. */
import { dateTime, email, links, requiredSelect, requiredText, select, text } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const OUTBOX_KINDS = ['Digest', 'Critical', 'Escalation'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
/** Prompt mails to factories (supplier portal) go through the same outbox; the reminder texts stay per OutboxKind. */
export const SUPPLIER_PROMPT_KIND = 'Supplier prompt';
export const OUTBOX_ROW_KINDS = [...OUTBOX_KINDS, SUPPLIER_PROMPT_KIND] as const;
export type OutboxRowKind = (typeof OUTBOX_ROW_KINDS)[number];
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
  } as const,
  {
    /** Dedupe key, e.g. "digest:recXXXXXXXXXXXXXX:2026-03-02". */
    key: requiredText(),
    kind: select(OUTBOX_ROW_KINDS),
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
  },
);

export type OutboxEntry = ModelRecord<typeof outbox>;
