/** Drive's retry contract through @googleapis/drive against the local workspace's injected faults. */
import { describe, expect, it } from 'vitest';
import { createDriveAdapter } from '../../../src/adapters/drive/index.ts';
import type { RequestCounter } from '../../../src/lib/request-counter.ts';
import type { DrivePort } from '../../../src/ports/drive.ts';
import type { TestWorkspace } from '../../helpers/workspace.ts';
import { workspaceResetPerTest } from '../../helpers/workspace-per-test.ts';
import { driveClient } from '../../local/drive/drive-client.ts';

let ws: TestWorkspace;
let counter: RequestCounter;
let drive: DrivePort;

workspaceResetPerTest(async (started, fresh) => {
  ws = started;
  counter = fresh;
  drive = createDriveAdapter({ auth: { accessToken: ws.token }, rootUrl: `${ws.url}/`, counter, speed: 1000, retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 5, budgetMs: 100 } });
});

const retries = () => counter.snapshot()['drive']?.byOperation['retry'] ?? 0;
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
async function filesNamed(name: string): Promise<string[]> {
  const { client } = driveClient(ws);
  const listed = await client.files.list({ q: `name = '${name}' and trashed = false`, fields: 'files(id)' });
  return (listed.data.files ?? []).map((f) => f.id ?? '');
}

describe('Drive retries', () => {
  it('a lookup answered 500 then OK succeeds, the retry counted', async () => {
    await ws.control('POST', '/faults', { service: 'drive', status: 500, count: 1, methods: ['GET'] });
    await drive.ensureFolder({ parentId: 'root', name: 'Agency', key: { swKind: 'root' } });
    expect(retries()).toBe(1);
    expect(await filesNamed('Agency')).toHaveLength(1);
  });

  it('a 429 with Retry-After is waited out (scaled by the speed factor) and retried', async () => {
    await ws.control('POST', '/faults', { service: 'drive', status: 429, retryAfterMs: 2000, count: 1, methods: ['GET'] });
    const started = Date.now();
    await drive.ensureFolder({ parentId: 'root', name: 'Agency', key: { swKind: 'root' } });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(retries()).toBe(1);
  });

  it('a folder create whose answer is lost is found by its key, not created twice', async () => {
    await ws.control('POST', '/faults', { service: 'drive', kind: 'lost-response', count: 1, methods: ['POST'] });
    const folder = await drive.ensureFolder({ parentId: 'root', name: 'Harborline Home', key: { swRecord: 'recC1', swKind: 'folder:client' } });
    expect(await filesNamed('Harborline Home')).toEqual([folder.id]);
    expect(retries()).toBe(1);
  });

  it('a document upload whose answer is lost is found by its key: exactly one file', async () => {
    const folder = await drive.ensureFolder({ parentId: 'root', name: 'Docs', key: { swKind: 'folder:docs' } });
    await ws.control('POST', '/faults', { service: 'drive', kind: 'lost-response', count: 1, methods: ['POST'], pathIncludes: '/upload/' });
    const put = await drive.putDocument({ folderId: folder.id, name: 'PO-1 Invoice.pdf', mimeType: 'application/pdf', bytes: pdf('v1'), contentHash: 'h1', key: { swRecord: 'recPO1', swKind: 'invoice' } });
    expect(put.action).toBe('created');
    expect(await filesNamed('PO-1 Invoice.pdf')).toEqual([put.fileId]);
  });

  it('an update of the same file (by ID) whose connection resets is simply retried', async () => {
    const folder = await drive.ensureFolder({ parentId: 'root', name: 'Docs', key: { swKind: 'folder:docs' } });
    const spec = { folderId: folder.id, name: 'PO-1 Invoice.pdf', mimeType: 'application/pdf', key: { swRecord: 'recPO1', swKind: 'invoice' } };
    await drive.putDocument({ ...spec, bytes: pdf('v1'), contentHash: 'h1' });
    await ws.control('POST', '/faults', { service: 'drive', kind: 'reset', count: 1, methods: ['PATCH'] });
    const put = await drive.putDocument({ ...spec, bytes: pdf('v2'), contentHash: 'h2' });
    expect(put.action).toBe('updated');
    expect(retries()).toBe(1);
    expect(await filesNamed('PO-1 Invoice.pdf')).toHaveLength(1);
  });
});
