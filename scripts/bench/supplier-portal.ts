/**
 * `npm run bench -- supplier-portal`: a factory with 50 open POs (12 milestones, 3 lines, 2 inspections each) opens
 * its list (goal: < 50 ms server time to render), and uploads a 20 MB video (goal: the process stays under 200 MB
 * RSS). Everything runs in this process: the local workspace (which also receives the Drive upload), the portal
 * handler, and the client, so the RSS figure is an upper bound for the portal alone.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAirtableAdapters } from '../../src/adapters/airtable/index.ts';
import { createDriveAdapter } from '../../src/adapters/drive/index.ts';
import { loadTemplateTables } from '../../src/cli/workspace-data.ts';
import { addDays } from '../../src/domain/calendar/iso-date.ts';
import { inspections } from '../../src/domain/models/inspection.ts';
import { milestones } from '../../src/domain/models/milestone.ts';
import { parseRecords } from '../../src/domain/models/parse-records.ts';
import { purchaseOrders } from '../../src/domain/models/purchase-order.ts';
import { suppliers } from '../../src/domain/models/supplier.ts';
import { signLink } from '../../src/domain/supplier-portal/portal-link.ts';
import { supplierPos } from '../../src/domain/supplier-portal/supplier-view.ts';
import { readSupplierPos } from '../../src/jobs/supplier-portal/portal-reader.ts';
import { setupWorkspace } from '../../src/jobs/setup-workspace.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';
import { startWorkspace } from '../../src/local/server.ts';
import { supplierPortalHandler } from '../../src/web/supplier-portal/handler.ts';
import { listPage } from '../../src/web/supplier-portal/pages.ts';
import type { BenchResult } from './types.ts';

const KINDS = ['Deposit paid', 'Tooling kickoff', 'Materials ready', 'IPI', 'Production start', 'DUPRO', 'Production complete', 'PSI', 'Cargo ready', 'Booking', 'ETD', 'Balance paid'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function benchSupplierPortal(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-portal-'));
  const ws = await startWorkspace({ port: 0, dir, speed: 1000 });
  try {
    const counter = new RequestCounter();
    const airtable = createAirtableAdapters({ endpointUrl: ws.url, apiKey: ws.token, counter, requestsPerSecond: 100_000 });
    const setup = await setupWorkspace({ meta: airtable.meta, records: airtable.records, counter, now: () => new Date() }, { baseName: 'Bench', workspaceId: 'wspLocal000000000', tables: loadTemplateTables() });
    const records = airtable.records(setup.details.baseId);
    const today = new Date().toISOString().slice(0, 10);
    const [client] = await records.create('Clients', [{ Name: 'Bench client' }]);
    const [project] = await records.create('Projects', [{ Project: 'Bench project', Client: [client!.id] }]);
    const [supplier] = await records.create('Suppliers', [{ Name: 'Bench Factory Co., Ltd.', 'Name (中文)': '基准工厂', Status: 'Approved', 'Time zone': 'Asia/Shanghai', 'Portal key version': 1 }]);
    await records.create('Agency', [{ Name: 'Bench Sourcing' }]);
    const pos = await records.create('Purchase Orders', Array.from({ length: 50 }, (_, i) => ({ 'PO number': `PO-${5000 + i}`, Project: [project!.id], Supplier: [supplier!.id], Status: i % 5 === 0 ? 'PO placed' : 'In production', 'Ship-by date': addDays(today, 30 + i), 'Order date': addDays(today, -20) })));
    await records.create('Milestones', pos.flatMap((po, i) => KINDS.map((kind, k) => ({ Milestone: `PO-${5000 + i} · ${kind}`, PO: [po.id], Kind: kind, 'Planned date': addDays(today, -10 + k * 4) }))));
    await records.create('Line Items', pos.flatMap((po, i) => [1, 2, 3].map((n) => ({ SKU: `SKU-${i}-${n}`, PO: [po.id], Description: 'Kettle 1.7 L', Quantity: 1000 * n, Unit: 'pcs' }))));
    await records.create('Inspections', pos.flatMap((po, i) => ['DUPRO', 'PSI'].map((type, n) => ({ Inspection: `PO-${5000 + i} · ${type}`, PO: [po.id], Type: type, 'Scheduled date': addDays(today, 10 + n * 15) }))));

    const secret = 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
    const logs: string[] = [];
    const drive = createDriveAdapter({ auth: { accessToken: ws.token }, rootUrl: `${ws.url}/`, counter });
    ws.mount('/supplier', supplierPortalHandler({ records, drive, secret, now: () => new Date(), basePath: '/supplier', clientCopy: async () => false, log: (l) => logs.push(l) }));
    const factory = parseRecords(suppliers, await records.list('Suppliers')).records[0]!;
    const link = `${ws.url}/supplier/s/${signLink(secret, { supplierId: factory.id, keyVersion: 1 }, new Date(Date.now() + 86_400_000))}`;

    // Render only (what the server does once the records are read): view model + HTML.
    const read = await readSupplierPos(records, factory, { now: new Date(), withLines: false });
    if (read.pos.length !== 50) throw new Error(`expected 50 open POs, got ${read.pos.length}`);
    const rows = {
      purchaseOrders: parseRecords(purchaseOrders, await records.list('Purchase Orders')).records,
      lineItems: [],
      milestones: parseRecords(milestones, await records.list('Milestones')).records,
      inspections: parseRecords(inspections, await records.list('Inspections')).records,
    };
    const render: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 30; i += 1) {
      const t0 = performance.now();
      const views = supplierPos({ supplierId: factory.id, today, promptDays: 3, ...rows });
      const html = listPage({ lang: 'zh', buyer: 'Bench Sourcing', supplierName: '基准工厂', home: '/supplier/s/x', cssHref: '/supplier/portal.css', today, formTokens: () => ({ key: 'k', csrf: 'c' }) }, views);
      bytes = html.length;
      render.push(performance.now() - t0);
    }
    // The whole request, reads from the (local) Airtable included.
    const full: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const t0 = performance.now();
      const res = await fetch(link);
      await res.text();
      full.push(performance.now() - t0);
    }

    // 20 MB video upload, streamed from disk; RSS sampled every 5 ms.
    const html = await (await fetch(`${link}/po/PO-5001`)).text();
    const key = /name="key" value="([^"]+)"/.exec(html)![1]!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
    const video = join(dir, 'video.mp4');
    const head = Buffer.alloc(32);
    head.write('\x00\x00\x00\x20ftypisom', 0, 'latin1');
    writeFileSync(video, Buffer.concat([head, Buffer.alloc(20 * 1024 * 1024 - 32, 3)]));
    const boundary = 'bench-boundary';
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const t0 = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${link}/po/PO-5001`);
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      const fields = Object.entries({ key, csrf, action: 'post-update', about: 'po', message: 'Production line video' })
        .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
        .join('');
      req.write(`${fields}--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="line.mp4"\r\nContent-Type: video/mp4\r\n\r\n`);
      const file = createReadStream(video);
      file.pipe(req, { end: false });
      file.on('end', () => req.end(`\r\n--${boundary}--\r\n`));
    });
    const uploadMs = performance.now() - t0;
    clearInterval(sampler);
    const mb = (n: number) => Math.round(n / 1048576);
    return {
      name: 'supplier-portal: 50 open POs, 20 MB video upload',
      rows: [
        { label: 'list of 50 POs: render (view + HTML), median of 30', value: median(render).toFixed(1), unit: 'ms' },
        { label: 'list of 50 POs: whole request incl. 4 local Airtable reads, median of 10', value: median(full).toFixed(1), unit: 'ms' },
        { label: 'list page size', value: Math.round(bytes / 1024), unit: 'KiB' },
        { label: '20 MB video upload: answer', value: status },
        { label: '20 MB video upload: time (to Drive, local)', value: Math.round(uploadMs), unit: 'ms' },
        { label: 'RSS before upload / peak during', value: `${mb(before)} / ${mb(peak)}`, unit: 'MiB' },
        { label: 'RSS growth during the upload', value: mb(peak - before), unit: 'MiB' },
      ],
      notes: ['Goals: render < 50 ms; peak RSS < 200 MiB. The process also runs the local workspace, which buffers the 20 MB Drive upload it receives.'],
    };
  } finally {
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
