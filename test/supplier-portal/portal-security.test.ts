/**
 * The supplier portal refuses what it must: another supplier's PO by URL or form field, tampered / expired /
 * revoked links, posts without or with a wrong CSRF token, an executable renamed .jpg, an oversized upload (refused
 * while it is still being sent, so it is never held), a form sent twice; and no link ever reaches a log line.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecords } from '../../src/domain/models/parse-records.ts';
import { updates } from '../../src/domain/models/update.ts';
import { startPortalKit, type PortalKit } from './portal-kit.ts';

let kit: PortalKit;
let huamei: string;

beforeAll(async () => {
  kit = await startPortalKit();
  huamei = await kit.link('Huamei');
}, 60_000);
afterAll(() => kit?.close());

async function formTokens(link: string, po: string): Promise<{ key: string; csrf: string }> {
  const html = await (await fetch(`${link}/po/${po}`)).text();
  const key = /name="key" value="([^"]+)"/.exec(html)?.[1];
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!key || !csrf) throw new Error('no form on the page');
  return { key, csrf };
}

function post(url: string, fields: Record<string, string>) {
  return fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
}

async function portalUpdates(po: string) {
  return parseRecords(updates, await kit.records.list(updates.table, { matchAny: [{ field: 'PO', equals: po }] })).records.filter((u) => u.key);
}

describe('links', () => {
  it('opens with security headers and shows only the own POs', async () => {
    const res = await fetch(huamei);
    expect(res.status).toBe(200);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*form-action 'self'.*frame-ancestors 'none'/);
    const body = await res.text();
    expect(body).toContain('PO-2405');
    expect(body).not.toContain('PO-2407');
    expect(body).not.toMatch(/rec[A-Za-z0-9]{14}/);
  });

  it.each([
    ['a changed signature', (l: string) => l.slice(0, -2) + (l.endsWith('AA') ? 'BB' : 'AA'), 403],
    ['a changed key version', (l: string) => l.replace(/\.1\.([0-9a-z]+)\./, '.7.$1.'), 403],
    ['a changed expiry', (l: string) => l.replace(/\.1\.([0-9a-z]+)\./, '.1.zzzzzz.'), 403],
    ['garbage', () => `${kit.portalUrl}/s/not-a-link`, 403],
  ])('refuses %s', async (_label, tamper, status) => {
    const res = await fetch(tamper(huamei));
    expect(res.status).toBe(status);
    const body = await res.text();
    expect(body).toContain('链接');
    expect(body).not.toContain('PO-2405');
  });

  it('refuses an expired link with a page saying how to get a new one', async () => {
    const res = await fetch(await kit.link('Huamei', { expiresAt: new Date(Date.now() - 1000) }));
    expect(res.status).toBe(410);
    const body = await res.text();
    expect(body).toContain('此链接已过期');
    expect(body).toContain('Tidewater Sourcing');
  });

  it('bumping "Portal key version" revokes every older link of that supplier only', async () => {
    const hongda = await kit.link('Hongda');
    const old = await kit.link('Shanye');
    expect((await fetch(old)).status).toBe(200);
    await kit.records.update('Suppliers', [{ id: await kit.supplierId('Shanye'), fields: { 'Portal key version': 2 } }]);
    const res = await fetch(old);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('此链接已失效');
    expect((await fetch(await kit.link('Shanye'))).status).toBe(200);
    expect((await fetch(hongda)).status).toBe(200);
  });
});

describe("another supplier's PO", () => {
  it('is not found by URL, to read or to write', async () => {
    const read = await fetch(`${huamei}/po/PO-2407`);
    expect(read.status).toBe(404);
    expect(await read.text()).not.toMatch(/HD-|Hongda|宏达/);
    const own = await formTokens(huamei, 'PO-2405');
    const write = await post(`${huamei}/po/PO-2407`, { ...own, action: 'progress', percent: '90' });
    expect(write.status).toBe(404);
    expect(await portalUpdates('PO-2407')).toEqual([]);
  });

  it('cannot be reached through form fields', async () => {
    const own = await formTokens(huamei, 'PO-2405');
    // The PO comes from the URL only; a po field, another PO's inspection or milestone name change nothing elsewhere.
    const res = await post(`${huamei}/po/PO-2405`, { ...own, action: 'goods-ready', inspection: 'PO-2408 · PSI', date: '2027-01-10', po: 'PO-2408' });
    expect(res.status).toBe(400);
    const inspections = await kit.records.list('Inspections', { matchAny: [{ field: 'Inspection', equals: 'PO-2408 · PSI' }] });
    expect(inspections[0]?.fields['Goods ready date']).toBeUndefined();
    expect(await portalUpdates('PO-2408')).toEqual([]);
  });
});

describe('forms', () => {
  it('refuses a post without or with a wrong CSRF token', async () => {
    const { key } = await formTokens(huamei, 'PO-2405');
    expect((await post(`${huamei}/po/PO-2405`, { key, action: 'progress', percent: '50' })).status).toBe(403);
    const other = await formTokens(huamei, 'PO-2405');
    expect((await post(`${huamei}/po/PO-2405`, { key, csrf: other.csrf, action: 'progress', percent: '50' })).status).toBe(403);
    // A token of another link does not fit this one.
    const shanye = await formTokens(await kit.link('Shanye'), 'PO-2414').catch(() => undefined);
    if (shanye) expect((await post(`${huamei}/po/PO-2405`, { ...shanye, action: 'progress', percent: '50' })).status).toBe(403);
    expect((await portalUpdates('PO-2405')).filter((u) => u.update.includes('50%'))).toEqual([]);
  });

  it('records a form sent twice once', async () => {
    const tokens = await formTokens(huamei, 'PO-2405');
    const fields = { ...tokens, action: 'progress', percent: '35' };
    const [a, b] = await Promise.all([post(`${huamei}/po/PO-2405`, fields), post(`${huamei}/po/PO-2405`, fields)]);
    const c = await post(`${huamei}/po/PO-2405`, fields);
    expect([a.status, b.status, c.status]).toEqual([303, 303, 303]);
    expect((await portalUpdates('PO-2405')).filter((u) => u.key === tokens.key)).toHaveLength(1);
  });

  it('refuses an executable renamed .jpg, by its content', async () => {
    const tokens = await formTokens(huamei, 'PO-2405');
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...tokens, action: 'post-update', message: 'photo' })) form.append(k, v);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(4096, 1)]);
    form.append('files', new Blob([exe], { type: 'image/jpeg' }), 'photo.jpg');
    const res = await fetch(`${huamei}/po/PO-2405`, { method: 'POST', body: form, redirect: 'manual' });
    expect(res.status).toBe(415);
    expect((await portalUpdates('PO-2405')).filter((u) => u.key === tokens.key)).toEqual([]);
  });

  it('refuses an oversized upload while it is still being sent', async () => {
    const tokens = await formTokens(huamei, 'PO-2405');
    const boundary = 'x-portal-test-boundary';
    const head = Buffer.from(
      [...Object.entries({ ...tokens, action: 'post-update' }).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`), `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`].join(''),
    );
    const chunk = Buffer.alloc(256 * 1024, 7);
    const total = 200 * chunk.length; // 50 MB of "photo", over the 15 MB photo limit
    const url = new URL(`${huamei}/po/PO-2405`);
    const result = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered: number | undefined;
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }, (res) => {
        answered = res.statusCode ?? 0;
        res.resume();
        resolve({ status: answered, sent });
        req.destroy();
      });
      // The server closes the connection after its 413; a write racing that close sees a reset first.
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (answered !== undefined) return;
        if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ status: 413, sent });
        else reject(error);
      });
      req.write(head);
      req.write(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
      const pump = () => {
        while (sent < total && answered === undefined) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (answered === undefined) req.end(`\r\n--${boundary}--\r\n`);
      };
      pump();
    });
    expect(result.status).toBe(413);
    expect(result.sent).toBeLessThan(total);
    expect((await portalUpdates('PO-2405')).filter((u) => u.key === tokens.key)).toEqual([]);
  }, 60_000);
});

describe('logs', () => {
  it('never contain a link', async () => {
    const lines = [...kit.logs, ...kit.ws.requestLog.list({}).map((r) => `${r.path}?${r.query}`)];
    expect(lines.length).toBeGreaterThan(10);
    const token = huamei.split('/s/')[1]!;
    for (const line of lines) {
      expect(line).not.toContain(token.split('.')[0]);
      expect(line).not.toContain('/s/');
    }
  });
});
