/**
 * Settles an Outbox mail row a killed run left in Sending (the reminders' protocol, shared by review invites and
 * weekly updates): found in the sent mailbox by its Message-ID → Sent; not found → Cancelled, so it is sent again
 * when still due; a transport that cannot be asked (SMTP) → Unconfirmed and never resent, because a missed mail beats
 * a duplicate one.
 */
import { outbox, type OutboxEntry } from '../domain/models/outbox.ts';
import type { AirtableRecordsPort, Fields } from '../ports/airtable.ts';
import type { MailPort } from '../ports/mail.ts';

const O = outbox.fields;

export async function settleInterrupted(records: AirtableRecordsPort, mail: MailPort, row: OutboxEntry, now: Date): Promise<'Sent' | 'Cancelled' | 'Unconfirmed'> {
  let fields: Fields;
  let state: 'Sent' | 'Cancelled' | 'Unconfirmed';
  if (!mail.canSearchSent) {
    state = 'Unconfirmed';
    fields = { [O.state]: state, [O.lastError]: `Interrupted while sending; ${mail.transport} cannot look into the sent mail, so it is not resent` };
  } else {
    const found = row.messageId ? await mail.findSentByMessageId(row.messageId) : undefined;
    state = found ? 'Sent' : 'Cancelled';
    fields = found
      ? { [O.state]: state, [O.sentAt]: now.toISOString(), [O.providerMessageId]: found.providerId }
      : { [O.state]: state, [O.lastError]: 'Not found in the sent mail after an interruption; sent again if still due' };
  }
  await records.update(outbox.table, [{ id: row.id, fields }]);
  return state;
}
