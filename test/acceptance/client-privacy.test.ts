/**
 * Acceptance (issue 10), on the sample agency after one full cycle run in-process as `npm start` runs it:
 * - nothing a client can see (their Notion portal: pages, properties, blocks; the PDFs in their shared Drive
 *   folder, read as text) carries a record ID, a sync hash, or the name / address / contact of a factory the
 *   Disclosures table hides from that client; where the policy allows it, the name does appear (Küchenwerk);
 * - no message for people (the cycle's output, Sync issues, alerts) names a record by its ID;
 * - sharing of a client folder follows Portal emails both ways and leaves a hand-made share alone.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@notionhq/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCycle, type CycleStep } from '../../src/cli/cycle.ts';
import { provisionWith } from '../../src/cli/commands/provision.ts';
import { createRuntime, type Runtime } from '../../src/cli/runtime.ts';
import { loadConfig } from '../../src/config/config.ts';
import { AGENCY_ONLY_FOLDER } from '../../src/domain/drive-layout/document-places.ts';
import { buildConfidentialityPolicy, supplierAsSeenByClient } from '../../src/domain/confidentiality/policy.ts';
import type { AirtableRecord, AirtableRecordsPort } from '../../src/ports/airtable.ts';
import { pdfText } from '../jobs/documents/pdf-text.ts';
import { drive as googleDrive } from '@googleapis/drive';
import { bearerAuth } from '../local/drive/drive-client.ts';

const RECORD_ID = /\brec[A-Za-z0-9]{14}\b/;
const SYNC_HASH = /\bv1 p=[0-9a-f]{12}/;
const AGENCY = 'Tidewater Sourcing';

type AnyBlock = { id: string; type: string; has_children: boolean; [key: string]: unknown };

describe('what clients see is right and private (full sample cycle)', () => {
  let dir: string;
  let runtime: Runtime;
  let baseId: string;
  let records: AirtableRecordsPort;
  let steps: CycleStep[];
  let notion: Client;
  const rows = new Map<string, AirtableRecord[]>();
  const text = (r: AirtableRecord, f: string) => (typeof r.fields[f] === 'string' ? (r.fields[f] as string) : '');
  const links = (r: AirtableRecord, f: string) => (Array.isArray(r.fields[f]) ? (r.fields[f] as string[]) : []);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sourcing-privacy-'));
    runtime = await createRuntime(loadConfig({ WORKSPACE_DIR: dir, WORKSPACE_PORT: '0', WORKSPACE_SPEED: '1000' }), { servePort: 0 });
    const setup = await provisionWith(runtime, 'new-base');
    baseId = setup.details.baseId;
    steps = await runCycle(runtime, baseId);
    records = runtime.airtable.records(baseId);
    for (const table of ['Clients', 'Suppliers', 'Projects', 'Purchase Orders', 'Disclosures', 'Alerts']) rows.set(table, await records.list(table));
    notion = new Client({ auth: runtime.config.workspace.token, baseUrl: runtime.workspaceUrl ?? '', logger: () => {} });
  }, 300_000);
  afterAll(async () => {
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Per client: the texts of factories it may not learn about, and the factory names it may. */
  function policyView(): Map<string, { name: string; hidden: string[]; named: string[] }> {
    const suppliers = (rows.get('Suppliers') ?? []).map((s) => ({
      id: s.id, name: text(s, 'Name'), nameLocal: text(s, 'Name (中文)'), clientAlias: text(s, 'Client alias') || undefined,
      city: text(s, 'City / cluster'), address: text(s, 'Address'), addressLocal: text(s, 'Address (中文)'),
      contact: text(s, 'Contact'), email: text(s, 'Email'), phone: text(s, 'Phone'), taxId: text(s, 'Tax ID'),
    }));
    const clientOfProject = new Map((rows.get('Projects') ?? []).map((p) => [p.id, links(p, 'Client')[0]]));
    const suppliersOfClient = new Map<string, string[]>();
    for (const po of rows.get('Purchase Orders') ?? []) {
      const client = clientOfProject.get(links(po, 'Project')[0] ?? '');
      if (client) suppliersOfClient.set(client, [...(suppliersOfClient.get(client) ?? []), links(po, 'Supplier')[0] ?? '']);
    }
    const policy = buildConfidentialityPolicy({
      disclosures: (rows.get('Disclosures') ?? []).map((d) => ({
        id: d.id, client: links(d, 'Client')[0], supplier: links(d, 'Supplier')[0],
        clientMaySee: links(d, 'Client may see'), supplierMaySee: links(d, 'Supplier may see'),
      })),
      suppliers,
      suppliersOfClient,
    });
    const out = new Map<string, { name: string; hidden: string[]; named: string[] }>();
    for (const client of rows.get('Clients') ?? []) {
      const views = (suppliersOfClient.get(client.id) ?? []).map((id) => supplierAsSeenByClient(policy, client.id, id));
      out.set(client.id, { name: text(client, 'Name'), hidden: views.flatMap((v) => v.hidden), named: views.filter((v) => v.named).map((v) => v.label) });
    }
    return out;
  }

  async function blocksUnder(blockId: string): Promise<AnyBlock[]> {
    const out: AnyBlock[] = [];
    let cursor: string | undefined;
    do {
      const page = await notion.blocks.children.list({ block_id: blockId, ...(cursor ? { start_cursor: cursor } : {}) });
      for (const block of page.results as AnyBlock[]) {
        out.push(block);
        if (block.has_children && block.type !== 'child_page' && block.type !== 'child_database') out.push(...(await blocksUnder(block.id)));
      }
      cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
    } while (cursor);
    return out;
  }

  /** Everything a client reads on their portal: the page, each database's schema, every row's properties and body. */
  async function portalText(url: string): Promise<string> {
    const portalId = url.replace(/-/g, '').slice(-32);
    const parts: string[] = [];
    for (const block of await blocksUnder(portalId)) {
      parts.push(JSON.stringify(block[block.type]));
      if (block.type !== 'child_database') continue;
      const database = await notion.databases.retrieve({ database_id: block.id });
      for (const source of 'data_sources' in database ? database.data_sources : []) {
        const schema = await notion.dataSources.retrieve({ data_source_id: source.id });
        parts.push(Object.keys(schema.properties).join('\n'));
        const query = await notion.dataSources.query({ data_source_id: source.id });
        for (const row of query.results as { id: string; properties: unknown }[]) {
          parts.push(JSON.stringify(row.properties));
          for (const inner of await blocksUnder(row.id)) parts.push(JSON.stringify(inner[inner.type]));
        }
      }
    }
    // Notion IDs and URLs are links, not text: only rec… IDs and hashes matter here.
    return parts.join('\n');
  }

  const pdfsUnder = (folder: string): string[] => {
    let out: string[] = [];
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) out = out.concat(pdfsUnder(path));
      else if (name.endsWith('.pdf')) out.push(path);
    }
    return out;
  };

  it('runs the cycle without problems in the steps this issue touches', () => {
    // The sample keeps one shipment without an invoice number and one PO still in negotiation: a pack and a contract
    // blocked by missing data are the documents job's expected record problems (issue 11), not failures.
    const expected = /: no (export documents|purchase contract) until \d+ field\(s\) (are fixed|are completed)/;
    for (const step of steps.filter((s) => ['documents', 'closure', 'sync'].includes(s.id))) {
      expect(step.report.problems.filter((p) => !expected.test(p)), step.title).toEqual([]);
    }
  });

  it('each client portal carries client content only, and names a factory only where the policy allows', async () => {
    const view = policyView();
    const checked: string[] = [];
    for (const client of rows.get('Clients') ?? []) {
      const seen = view.get(client.id);
      const url = text((await records.list('Clients', { matchAny: [{ field: 'Name', equals: text(client, 'Name') }] }))[0]!, 'Notion portal');
      expect(url, text(client, 'Name')).not.toBe('');
      const content = await portalText(url);
      expect(content).not.toMatch(RECORD_ID);
      expect(content).not.toMatch(SYNC_HASH);
      expect(content).not.toContain('Airtable ID');
      for (const secret of seen?.hidden ?? []) expect(content, `${seen?.name}: ${secret}`).not.toContain(secret.split('\n')[0]);
      for (const name of seen?.named ?? []) expect(content, `${seen?.name} may read ${name}`).toContain(name);
      if (seen?.name === 'Saltbush Outdoor') expect(content).toContain('Factory FS-01 · Foshan (Shunde)');
      // Not even the factory's short name (an FCA place "Huamei factory, Cixi" would give it away).
      if (seen?.name === 'Harborline Home') for (const word of ['Huamei', 'Jiale', 'Guangyao']) expect(content).not.toContain(word);
      if (seen?.name === 'Saltbush Outdoor') expect(content).not.toContain('Hongda');
      checked.push(text(client, 'Name'));
    }
    expect(checked.sort()).toEqual(['Harborline Home', 'Küchenwerk', 'Saltbush Outdoor']);
    // The checks above had something to find: Harborline's factories are hidden, Saltbush may read one city.
    expect([...view.values()].find((v) => v.name === 'Harborline Home')?.hidden).toEqual(expect.arrayContaining(['Ningbo Huamei Electric Appliance Co., Ltd.', 'Yiwu Jiale Crafts Co., Ltd.']));
    expect([...view.values()].find((v) => v.name === 'Küchenwerk')?.named).toContain('Anji Zhuyun Bamboo Homeware Co., Ltd.');
  }, 120_000);

  it('no PDF in a client folder names a hidden factory or carries an ID; an allowed factory is named', async () => {
    const view = policyView();
    let read = 0;
    for (const [, seen] of view) {
      const folder = join(dir, 'drive', AGENCY, seen.name);
      const files = statSync(folder, { throwIfNoEntry: false }) ? pdfsUnder(folder) : [];
      const all: string[] = [];
      for (const file of files) {
        const content = await pdfText(file);
        all.push(content);
        read += 1;
        expect(content, file).not.toMatch(RECORD_ID);
        expect(content, file).not.toMatch(SYNC_HASH);
        for (const secret of seen.hidden) expect(content.replace(/\s+/g, ' '), `${file}: ${secret}`).not.toContain(secret.split('\n')[0]?.replace(/\s+/g, ' '));
      }
      if (seen.name === 'Küchenwerk') expect(all.join('\n')).toContain('Anji Zhuyun Bamboo Homeware Co., Ltd.');
    }
    expect(read).toBeGreaterThan(5);
    // Harborline's hidden factories' legal documents exist, in the agency-only tree.
    const agencyOnly = pdfsUnder(join(dir, 'drive', AGENCY, AGENCY_ONLY_FOLDER));
    expect(agencyOnly.some((f) => f.endsWith('Commercial invoice.pdf'))).toBe(true);
  }, 120_000);

  it('an update typed with a hidden factory\'s short name stays off the client\'s portal and is flagged on its row', async () => {
    const po = (await records.list('Purchase Orders', { matchAny: [{ field: 'PO number', equals: 'PO-2405' }] }))[0]!;
    const [leaky, fine] = await records.create('Updates', [
      { 'Update': 'PO-2405 · motor housings', PO: [po.id], Date: '2026-12-03', Text: 'Huamei finished the motor housings today', 'Visible to client': true },
      { 'Update': 'PO-2405 · cartons', PO: [po.id], Date: '2026-12-03', Text: 'Cartons printed, drop test passed', 'Visible to client': true },
    ]);
    const sync = await runCycle(runtime, baseId, { only: ['sync'] });
    expect(sync[0]?.report.problems.join('\n')).toContain('PO-2405 · motor housings: is not shown to Harborline Home');
    const url = text((await records.list('Clients', { matchAny: [{ field: 'Name', equals: 'Harborline Home' }] }))[0]!, 'Notion portal');
    const content = await portalText(url);
    expect(content).toContain('Cartons printed, drop test passed');
    expect(content).not.toContain('motor housings');
    expect(content).not.toContain('Huamei');
    const flagged = (await records.list('Updates')).find((u) => u.id === leaky!.id)!;
    expect(text(flagged, 'Sync issues')).toContain('"Huamei"');
    expect(text((await records.list('Updates')).find((u) => u.id === fine!.id)!, 'Sync issues')).toBe('');
  }, 120_000);

  it('no message for people carries a record ID: cycle output, Sync issues, alerts', async () => {
    for (const step of steps) expect(step.text, step.title).not.toMatch(RECORD_ID);
    for (const table of ['Clients', 'Suppliers', 'Projects', 'Purchase Orders', 'Milestones', 'Inspections', 'Shipments', 'Shipment Lines', 'Line Items']) {
      for (const row of await records.list(table)) expect(text(row, 'Sync issues'), `${table} ${row.id}`).not.toMatch(RECORD_ID);
    }
    for (const alert of await records.list('Alerts')) expect(text(alert, 'Message'), text(alert, 'Key')).not.toMatch(RECORD_ID);
  });

  it('client folder sharing follows Portal emails both ways and keeps a share made by hand', async () => {
    const drive = googleDrive({ version: 'v3', auth: bearerAuth(runtime.config.workspace.token), rootUrl: `${runtime.workspaceUrl ?? ''}/` });
    const harborline = (rows.get('Clients') ?? []).find((c) => text(c, 'Name') === 'Harborline Home')!;
    const folderId = text((await records.list('Clients', { matchAny: [{ field: 'Name', equals: 'Harborline Home' }] }))[0]!, 'Drive folder').split('/').pop() ?? '';
    const emails = async () => ((await drive.permissions.list({ fileId: folderId, fields: 'permissions(id,emailAddress,role)' })).data.permissions ?? []).map((p) => p.emailAddress);
    expect(await emails()).toEqual(expect.arrayContaining(['jennifer.walsh@example.com', 'ops@example.com']));
    // The agency's admin shares the folder by hand; Harborline's ops address leaves; a new buyer joins.
    await drive.permissions.create({ fileId: folderId, sendNotificationEmail: false, requestBody: { type: 'user', role: 'writer', emailAddress: 'admin@tidewater-sourcing.example' } });
    await records.update('Clients', [{ id: harborline.id, fields: { 'Portal emails': 'jennifer.walsh@example.com\nnew.buyer@example.com' } }]);

    await runCycle(runtime, baseId, { only: ['documents'] });

    const after = await emails();
    expect(after).toEqual(expect.arrayContaining(['jennifer.walsh@example.com', 'new.buyer@example.com', 'admin@tidewater-sourcing.example']));
    expect(after).not.toContain('ops@example.com');
  }, 120_000);
});
