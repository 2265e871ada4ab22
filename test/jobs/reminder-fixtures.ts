/** People, POs and alerts for the reminder job tests, written through the Airtable adapter. */
import type { AirtableRecordsPort } from '../../src/ports/airtable.ts';
import { gmail, type gmail_v1 } from '@googleapis/gmail';
import { OAuth2Client } from 'google-auth-library';
import type { TestWorkspace } from '../helpers/workspace.ts';

export interface ReminderFixture {
  people: { zhang: string; vogel: string; reed: string };
  alerts: { psiWarning: string; bookedCritical: string; acknowledged: string; snoozed: string };
  po: string;
}

const WEEK = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

export async function seedReminders(records: AirtableRecordsPort): Promise<ReminderFixture> {
  const [zhang] = await records.create('People', [
    { Name: 'Zhang Wei', Email: 'zhang.wei@agency.example', Role: 'Manager', 'Time zone': 'Asia/Shanghai', 'Working hours start': '09:00', 'Working hours end': '18:00', 'Working days': WEEK, Active: true },
  ]);
  const [vogel, reed] = await records.create('People', [
    { Name: 'Jana Vogel', Email: 'jana.vogel@agency.example', Role: 'Sourcing', 'Time zone': 'Europe/Berlin', 'Working hours start': '08:30', 'Working hours end': '17:00', 'Working days': WEEK, Active: true, Manager: [zhang!.id] },
    { Name: 'Marcus Reed', Email: 'marcus.reed@agency.example', Role: 'Sourcing', 'Time zone': 'America/New_York', 'Working hours start': '08:00', 'Working hours end': '16:30', 'Working days': WEEK, Active: true, Manager: [zhang!.id] },
  ]);
  const [po] = await records.create('Purchase Orders', [{ 'PO number': 'PO-2405', 'Notion page': '1a2b3c4d-0000-4000-8000-00000000abcd' }]);
  const common = { PO: [po!.id], 'First seen': '2026-02-27T08:00:00.000Z', 'Last seen': '2026-02-27T08:00:00.000Z' };
  const [psiWarning, bookedCritical, acknowledged, snoozed] = await records.create('Alerts', [
    { ...common, Key: 'psi-missing:PO-2405', Rule: 'psi-missing', Severity: 'Warning', Status: 'Open', Owner: [vogel!.id], Message: 'No PSI booked for PO-2405; cargo ready on 2026-03-26. Book the inspection this week.' },
    { ...common, Key: 'shipped-without-psi:PO-2405', Rule: 'shipped-without-psi', Severity: 'Critical', Status: 'Open', Owner: [vogel!.id], Message: 'PO-2405 is booked on a vessel without a passed PSI <urgent> & blocked.' },
    { ...common, Key: 'dupro-late:PO-2405', Rule: 'dupro-late', Severity: 'Warning', Status: 'Acknowledged', Owner: [vogel!.id], Message: 'DUPRO late.' },
    { ...common, Key: 'cert-expiring:Guangyao', Rule: 'cert-expiring', Severity: 'Warning', Status: 'Snoozed', 'Snoozed until': '2026-04-01T00:00:00.000Z', Owner: [reed!.id], Message: 'ISO 9001 expires.' },
  ]);
  return {
    people: { zhang: zhang!.id, vogel: vogel!.id, reed: reed!.id },
    alerts: { psiWarning: psiWarning!.id, bookedCritical: bookedCritical!.id, acknowledged: acknowledged!.id, snoozed: snoozed!.id },
    po: po!.id,
  };
}

/** The official Gmail client on the local workspace, to read back what was sent. */
export function gmailReader(ws: TestWorkspace): gmail_v1.Gmail {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: ws.token });
  return gmail({ version: 'v1', auth: auth as unknown as gmail_v1.Options['auth'], rootUrl: `${ws.url}/` });
}

export interface SentSummary {
  to: string;
  subject: string;
  messageId: string;
}

/** Every sent message, oldest first, with decoded To / Subject / Message-ID. */
export async function sentMessages(client: gmail_v1.Gmail): Promise<SentSummary[]> {
  const list = await client.users.messages.list({ userId: 'me', maxResults: 500 });
  const out: SentSummary[] = [];
  for (const m of list.data.messages ?? []) {
    const got = await client.users.messages.get({ userId: 'me', id: m.id!, format: 'metadata', metadataHeaders: ['To', 'Subject', 'Message-ID'] });
    const header = (name: string) => got.data.payload?.headers?.find((h) => h.name?.toLowerCase() === name.toLowerCase())?.value ?? '';
    out.push({ to: header('To'), subject: header('Subject'), messageId: header('Message-ID') });
  }
  return out.reverse();
}
