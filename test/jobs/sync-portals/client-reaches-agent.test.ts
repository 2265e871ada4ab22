/**
 * What a client says on their portal reaches a person, once: a comment becomes one alert for the project's agent and
 * one line in their digest; "Changes requested" becomes one Critical alert and one immediate mail; "Approved" lands
 * on the PO and as one Info alert. Two full sync + reminders cycles, counted on the alerts and the mails sent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GmailMailAdapter } from '../../../src/adapters/gmail/index.ts';
import { sendReminders } from '../../../src/jobs/send-reminders.ts';
import { pageOfRecord, startPortalKit, type PortalKit } from './portal-kit.ts';

// Monday 1 March 2027, 10:00 in New York: Marcus Reed (Harborline's agent) is at work.
const CYCLE_1 = new Date('2027-03-01T15:00:00Z');
const CYCLE_2 = new Date('2027-03-01T16:00:00Z');

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe('sync-portals + reminders: what a client says reaches the agent once', () => {
  let kit: PortalKit;

  beforeEach(async () => {
    kit = await startPortalKit();
    expect((await kit.sync()).problems).toEqual([]);
  }, 60_000);
  afterEach(async () => {
    await kit.ws.close();
  });

  const mails = () => {
    const dir = join(kit.ws.dir, 'outbox');
    return existsSync(dir) ? readdirSync(dir).map((f) => decodeQuotedPrintable(readFileSync(join(dir, f), 'utf8'))) : [];
  };

  async function cycle(at: Date): Promise<void> {
    const sync = await kit.sync();
    expect(sync.problems).toEqual([]);
    const mail = new GmailMailAdapter({ rootUrl: kit.ws.url, auth: { kind: 'bearer', accessToken: kit.ws.token }, counter: kit.counter });
    const remind = await sendReminders(
      { records: kit.records, mail, counter: kit.counter, now: () => at },
      { from: { name: 'Tidewater reminders', address: 'ops@tidewater.example' } },
    );
    expect(remind.problems).toEqual([]);
  }

  it('a comment and "Changes requested" each give one alert and one mail; "Approved" lands on the PO', async () => {
    const kettle = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2405');
    const lamp = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2411');
    await kit.sdk.comments.create({
      parent: { page_id: kettle.id },
      rich_text: [{ text: { content: 'The gift box artwork still shows the old logo, please hold printing.' } }],
      display_name: { type: 'custom', custom: { name: 'Jennifer Walsh' } },
    });
    await kit.sdk.pages.update({ page_id: kettle.id, properties: { 'Client approval': { select: { name: 'Changes requested' } } } });
    await kit.sdk.pages.update({ page_id: lamp.id, properties: { 'Client approval': { select: { name: 'Approved' } } } });

    await cycle(CYCLE_1);
    await cycle(CYCLE_2);

    const alerts = await kit.records.list('Alerts');
    const byRule = (rule: string) => alerts.filter((a) => a.fields['Rule'] === rule);
    expect(byRule('client-comment')).toHaveLength(1);
    expect(byRule('client-changes-requested')).toHaveLength(1);
    expect(byRule('client-changes-requested')[0]?.fields).toMatchObject({
      Severity: 'Critical',
      Message: 'Harborline Home asked for changes on PO-2405 (Client approval on their portal): read their comments on the PO page and answer today',
      Owner: [await kit.idOf('People', 'Name', 'Marcus Reed')],
    });
    expect(byRule('client-approved')).toHaveLength(1);
    const [lampRow] = await kit.records.list('Purchase Orders', { matchAny: [{ field: 'PO number', equals: 'PO-2411' }] });
    expect(lampRow?.fields['Client approval']).toBe('Approved');

    const sent = mails();
    const outbox = await kit.records.list('Outbox');
    const idsOf = (kind: string) => outbox.filter((r) => r.fields['Kind'] === kind).map((r) => String(r.fields['Message-ID']));
    const ofKind = (kind: string) => sent.filter((m) => idsOf(kind).some((id) => m.includes(id)));
    // One immediate mail for the request (grouped with Marcus's other criticals), never again in the second cycle;
    // the day's digest lists it once among his open items.
    expect(ofKind('Critical').filter((m) => m.includes('asked for changes on PO-2405'))).toHaveLength(1);
    expect(ofKind('Digest').filter((m) => m.includes('asked for changes on PO-2405'))).toHaveLength(1);
    // The comment: one line in one digest.
    expect(sent.filter((m) => m.includes('The gift box artwork still shows the old logo'))).toHaveLength(1);
    expect(ofKind('Digest').filter((m) => m.includes('The gift box artwork still shows the old logo'))).toHaveLength(1);
    // People read names: no record ID in any mail's text outside links (and the machine headers people never see).
    for (const m of sent) expect(m.replace(/^X-[\w-]+: .*$/gm, '').replace(/https?:\/\/\S+/g, '').replace(/href="[^"]*"/g, '')).not.toMatch(/\brec[A-Za-z0-9]{14}\b/);
  }, 120_000);
});
