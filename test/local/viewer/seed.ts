/**
 * A workspace that looks like one after a cycle: the PO base provisioned with the sample agency, a client portal in
 * Notion (page tree, properties, the block types portal pages use, a comment), a PDF in a Drive folder shared with
 * the client, and a sent email with text, HTML and an attachment. Written through the official SDKs, as the jobs
 * would write it. Some values are hostile on purpose: the viewer must show them as text.
 */
import { crc32, deflateSync } from 'node:zlib';
import { gmail, type gmail_v1 } from '@googleapis/gmail';
import { OAuth2Client } from 'google-auth-library';
import { createAirtableAdapters } from '../../../src/adapters/airtable/index.ts';
import { loadSampleRows, loadTemplateTables } from '../../../src/cli/workspace-data.ts';
import { setupWorkspace } from '../../../src/jobs/setup-workspace.ts';
import { RequestCounter } from '../../../src/lib/request-counter.ts';
import type { RunningWorkspace } from '../../../src/local/server.ts';
import { clientFor } from '../notion/notion-kit.ts';
import { driveClient, FOLDER, streamOf } from '../drive/drive-client.ts';
import type { TestWorkspace } from '../../helpers/workspace.ts';

export const HOSTILE = `<img src=x onerror="alert('xss')"><script>alert('xss')</script>`;

export interface Seeded {
  baseId: string;
  portalId: string;
  poPageId: string;
  pdfId: string;
  folderId: string;
  messageId: string;
  hostileRecordId: string;
}

/** A one-page PDF built by hand (valid xref offsets), so the test needs no PDF library. */
export function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A small PNG (a warm gradient) standing in for a factory photo. */
export function tinyPng(width = 240, height = 150): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) row.set([200 + Math.round((55 * x) / width), 120 + Math.round((80 * y) / height), 90], 1 + x * 3);
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const rt = (content: string, link?: string) => [{ type: 'text' as const, text: { content, link: link ? { url: link } : null } }];

export async function seedWorkspace(ws: TestWorkspace | RunningWorkspace, today = '2025-03-03'): Promise<Seeded> {
  const counter = new RequestCounter();
  const airtable = createAirtableAdapters({ endpointUrl: ws.url, apiKey: ws.token, counter, requestsPerSecond: 1000, penaltyMs: 30 });
  const setup = await setupWorkspace(
    { meta: airtable.meta, records: airtable.records, counter, now: () => new Date() },
    { baseName: 'Sourcing workspace', workspaceId: 'wspLocal000000000', tables: loadTemplateTables(), rows: loadSampleRows(today) },
  );
  if (!setup.ok) throw new Error(`setup failed: ${setup.problems.join('; ')}`);
  const baseId = setup.details.baseId;
  const [hostile] = await airtable.records(baseId).create('Purchase Orders', [{ 'PO number': `PO-X ${HOSTILE}`, Status: 'RFQ', 'Packaging instructions': HOSTILE }]);

  // Drive: the client folder with a generated PDF, shared with the client's portal address.
  const { client: drive, rootUrl } = driveClient(ws as TestWorkspace);
  const folder = await drive.files.create({ requestBody: { name: 'Harbor & Pine Homewares', mimeType: FOLDER }, fields: 'id' });
  const folderId = folder.data.id as string;
  await drive.permissions.create({ fileId: folderId, sendNotificationEmail: false, requestBody: { type: 'user', role: 'reader', emailAddress: 'buyer@harborpine.example' } });
  const sub = await drive.files.create({ requestBody: { name: '03 Export documents', mimeType: FOLDER, parents: [folderId] }, fields: 'id' });
  const pdf = await drive.files.create(
    {
      requestBody: { name: 'PO-2025-014 Commercial invoice.pdf', parents: [sub.data.id as string], appProperties: { recordId: 'recPO14', kind: 'commercial-invoice' } },
      media: { mimeType: 'application/pdf', body: streamOf(tinyPdf('Commercial invoice PO-2025-014')) },
      fields: 'id,webViewLink',
    },
    { rootUrl },
  );
  const pdfId = pdf.data.id as string;
  const photo = await drive.files.create(
    { requestBody: { name: 'PO-2025-014 line 2.png', parents: [folderId] }, media: { mimeType: 'image/png', body: streamOf(tinyPng()) }, fields: 'id,webViewLink' },
    { rootUrl },
  );

  // Notion: the client's portal with a Purchase Orders database and one PO page with a rich body and a comment.
  const notion = clientFor(ws as TestWorkspace);
  const portal = await notion.pages.create({
    parent: { workspace: true },
    icon: { type: 'emoji', emoji: '🧭' },
    properties: { title: { title: rt('Harbor & Pine · Sourcing portal') } },
    children: [
      { callout: { rich_text: rt('Your orders with us, updated every 15 minutes from our PO base.'), icon: { type: 'emoji', emoji: '📦' }, color: 'blue_background' } },
    ],
  });
  const database = await notion.databases.create({
    parent: { type: 'page_id', page_id: portal.id },
    title: rt('Purchase Orders'),
    initial_data_source: {
      properties: {
        'PO number': { title: {} },
        Status: { select: { options: [{ name: 'In production', color: 'yellow' }, { name: 'Shipped', color: 'green' }] } },
        'Ship-by': { date: {} },
        Documents: { url: {} },
        'Client approval': { select: { options: [{ name: 'Approved', color: 'green' }, { name: 'Changes requested', color: 'red' }] } },
      },
    },
  });
  const dataSourceId = ('data_sources' in database ? database.data_sources[0]?.id : undefined) as string;
  const poPage = await notion.pages.create({
    parent: { type: 'data_source_id', data_source_id: dataSourceId },
    icon: { type: 'emoji', emoji: '🏭' },
    properties: {
      'PO number': { title: rt('PO-2025-014') },
      Status: { select: { name: 'In production' } },
      'Ship-by': { date: { start: '2025-04-18' } },
      Documents: { url: pdf.data.webViewLink as string },
    },
    children: [
      { heading_2: { rich_text: rt('Summary') } },
      { callout: { rich_text: rt(`On track for ship-by 18 Apr. ${HOSTILE}`), icon: { type: 'emoji', emoji: '✅' }, color: 'green_background' } },
      { heading_3: { rich_text: rt('Milestones') } },
      {
        table: {
          table_width: 4,
          has_column_header: true,
          children: [
            { table_row: { cells: [rt('Milestone'), rt('Baseline'), rt('Planned'), rt('Actual')] } },
            { table_row: { cells: [rt('Materials in'), rt('2025-03-10'), rt('2025-03-12'), rt('2025-03-12')] } },
            { table_row: { cells: [rt('PSI'), rt('2025-04-08'), rt('2025-04-09'), rt('')] } },
          ],
        },
      },
      { heading_3: { rich_text: rt('Latest updates') } },
      { bulleted_list_item: { rich_text: rt('Cutting started on line 2.') } },
      { bulleted_list_item: { rich_text: rt('Carton artwork approved.') } },
      { image: { external: { url: `${ws.url}/viewer/drive/file/${photo.data.id as string}` }, caption: rt('Line 2, week 11') } },
      { bookmark: { url: pdf.data.webViewLink as string, caption: rt('Commercial invoice (Drive)') } },
    ],
  });
  await notion.comments.create({ parent: { page_id: poPage.id }, rich_text: rt('Can we add a second carton mark?'), display_name: { type: 'custom', custom: { name: 'Dana (Harbor & Pine)' } } });

  // Gmail: a reminder digest with text, HTML (with a script that must not run) and a PDF attachment.
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: ws.token });
  const mail = gmail({ version: 'v1', auth: auth as unknown as gmail_v1.Options['auth'], rootUrl });
  const boundary = 'b1_viewer';
  const alt = 'b2_viewer';
  const message = [
    'From: Agency Ops <ops@agency.example>',
    'To: Li Wei <wei@factory.example>',
    'Subject: Reminder: PSI for PO-2025-014 on 9 April',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    `Content-Type: multipart/alternative; boundary="${alt}"`,
    '',
    `--${alt}`,
    'Content-Type: text/plain; charset=UTF-8',
    '',
    'Hello Li Wei,\r\nthe PSI for PO-2025-014 is booked for 9 April.',
    `--${alt}`,
    'Content-Type: text/html; charset=UTF-8',
    '',
    `<p>Hello Li Wei,</p><p>the <b>PSI</b> for PO-2025-014 is booked for 9 April.</p>${HOSTILE}`,
    `--${alt}--`,
    `--${boundary}`,
    'Content-Type: application/pdf; name="inspection-plan.pdf"',
    'Content-Disposition: attachment; filename="inspection-plan.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    tinyPdf('Inspection plan').toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
  const sent = await mail.users.messages.send({ userId: 'me', requestBody: { raw: Buffer.from(message).toString('base64url') } });

  return { baseId, portalId: portal.id, poPageId: poPage.id, pdfId, folderId, messageId: sent.data.id as string, hostileRecordId: hostile?.id ?? '' };
}
