import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DriveApiError, createDriveAdapter } from '../../../src/adapters/drive/index.ts';
import { RequestCounter } from '../../../src/lib/request-counter.ts';
import type { DrivePort } from '../../../src/ports/drive.ts';
import { takeViolations } from '../../helpers/network-guard.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { driveClient, FOLDER } from '../../local/drive/drive-client.ts';

interface LoggedRequest {
  method: string;
  path: string;
  query: string;
}

describe('Drive adapter against the local Drive API', () => {
  let ws: TestWorkspace;
  let counter: RequestCounter;
  let drive: DrivePort;

  beforeEach(async () => {
    ws = await startTestWorkspace();
    counter = new RequestCounter();
    drive = createDriveAdapter({ auth: { accessToken: ws.token }, rootUrl: `${ws.url}/`, counter });
  });
  afterEach(async () => {
    await ws.close();
  });

  async function driveLog(): Promise<LoggedRequest[]> {
    return ((await ws.control('GET', '/requests?service=drive')) as { requests: LoggedRequest[] }).requests;
  }

  const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);

  it('creates a folder once and finds it again by appProperties, not by name', async () => {
    const { client } = driveClient(ws);
    // A person's folder with the same name is not ours.
    const decoy = await client.files.create({ requestBody: { name: 'Harborline Home', mimeType: FOLDER }, fields: 'id' });
    const first = await drive.ensureFolder({ parentId: 'root', name: 'Harborline Home', key: { sourcingRecord: 'recClient1', sourcingKind: 'folder:client' } });
    expect(first.id).not.toBe(decoy.data.id);
    expect(first.link).toBe(`https://drive.google.com/drive/folders/${first.id}`);

    // Renamed by a person in Drive: still found, and named after the record again.
    await client.files.update({ fileId: first.id, requestBody: { name: 'old name' } });
    const again = await drive.ensureFolder({ parentId: 'root', name: 'Harborline Home', key: { sourcingRecord: 'recClient1', sourcingKind: 'folder:client' } });
    expect(again.id).toBe(first.id);
    const listed = await client.files.list({ q: `name = 'Harborline Home' and trashed = false`, fields: 'files(id)' });
    expect(listed.data.files?.map((f) => f.id).sort()).toEqual([decoy.data.id, first.id].sort());
    expect(existsSync(join(ws.dir, 'drive', 'Harborline Home'))).toBe(true);
  });

  it('puts a document once, uploads nothing when unchanged and updates the same file when changed', async () => {
    const folder = await drive.ensureFolder({ parentId: 'root', name: '03 Export documents', key: { sourcingRecord: 'recP1', sourcingKind: 'folder:export' } });
    const key = { sourcingRecord: 'recPO1', sourcingKind: 'commercial-invoice', sourcingShipment: 'recShp1' };
    const spec = { folderId: folder.id, name: 'PO-1 Commercial invoice.pdf', mimeType: 'application/pdf', key };

    const created = await drive.putDocument({ ...spec, bytes: pdf('v1'), contentHash: 'h1' });
    expect(created.action).toBe('created');
    expect(created.link).toBe(`https://drive.google.com/file/d/${created.fileId}/view?usp=drivesdk`);
    const uploadsAfterCreate = (await driveLog()).filter((r) => r.path.startsWith('/upload/')).length;
    expect(uploadsAfterCreate).toBe(1);

    const unchanged = await drive.putDocument({ ...spec, bytes: pdf('v1'), contentHash: 'h1' });
    expect(unchanged).toEqual({ ...created, action: 'unchanged' });
    expect((await driveLog()).filter((r) => r.path.startsWith('/upload/')).length).toBe(1);

    const updated = await drive.putDocument({ ...spec, bytes: pdf('v2 with more'), contentHash: 'h2' });
    expect(updated).toMatchObject({ fileId: created.fileId, action: 'updated' });
    const log = await driveLog();
    expect(log.at(-1)).toMatchObject({ method: 'PATCH', path: `/upload/drive/v3/files/${created.fileId}` });
    expect(readFileSync(join(ws.dir, 'drive', '03 Export documents', 'PO-1 Commercial invoice.pdf'), 'utf8')).toContain('v2 with more');

    const { client } = driveClient(ws);
    const all = await client.files.list({ q: `'${folder.id}' in parents`, fields: 'files(id,appProperties)' });
    expect(all.data.files).toEqual([{ id: created.fileId, appProperties: { ...key, contentHash: 'h2' } }]);
    expect(counter.snapshot()['drive']?.byOperation).toMatchObject({ 'files.create': 2, 'files.update': 1 });
  });

  it('moves a document into its new folder instead of making a copy', async () => {
    const a = await drive.ensureFolder({ parentId: 'root', name: 'A', key: { sourcingKind: 'folder:a' } });
    const b = await drive.ensureFolder({ parentId: 'root', name: 'B', key: { sourcingKind: 'folder:b' } });
    const key = { sourcingRecord: 'recPO9', sourcingKind: 'production-schedule' };
    const put = await drive.putDocument({ folderId: a.id, name: 'S.pdf', mimeType: 'application/pdf', key, bytes: pdf('s'), contentHash: 'x' });
    const moved = await drive.putDocument({ folderId: b.id, name: 'S.pdf', mimeType: 'application/pdf', key, bytes: pdf('s'), contentHash: 'x' });
    expect(moved).toMatchObject({ fileId: put.fileId, action: 'moved' });
    expect(existsSync(join(ws.dir, 'drive', 'B', 'S.pdf'))).toBe(true);
    expect(existsSync(join(ws.dir, 'drive', 'A', 'S.pdf'))).toBe(false);
  });

  it('shares only what is missing: readers and a writer, inherited grants count, nobody is downgraded', async () => {
    const client = await drive.ensureFolder({ parentId: 'root', name: 'Client', key: { sourcingKind: 'folder:client', sourcingRecord: 'recC' } });
    const added = await drive.share(client, [
      { email: 'Buyer@Example.com', role: 'reader' },
      { email: 'ops@example.com', role: 'reader' },
      { email: 'agent@agency.example', role: 'writer' },
      { email: 'agent@agency.example', role: 'reader' },
    ]);
    expect(added).toBe(3);
    const creates = (await driveLog()).filter((r) => r.path.endsWith('/permissions'));
    expect(creates).toHaveLength(3);
    for (const c of creates) expect(c.query).toContain('sendNotificationEmail=false');

    // Found again in a later run: the grants come with the folder, so sharing again costs no request.
    const again = await drive.ensureFolder({ parentId: 'root', name: 'Client', key: { sourcingKind: 'folder:client', sourcingRecord: 'recC' } });
    expect(again.grants).toEqual(expect.arrayContaining([
      expect.objectContaining({ email: 'buyer@example.com', role: 'reader' }),
      expect.objectContaining({ email: 'agent@agency.example', role: 'writer' }),
    ]));
    expect(await drive.share(again, [{ email: 'buyer@example.com', role: 'reader' }, { email: 'agent@agency.example', role: 'reader' }])).toBe(0);

    // A sub-folder inherits the client folder's grants.
    const project = await drive.ensureFolder({ parentId: again.id, name: 'Project', key: { sourcingKind: 'folder:project', sourcingRecord: 'recP' } });
    expect(await drive.share(project, [{ email: 'ops@example.com', role: 'reader' }, { email: 'qa@agency.example', role: 'writer' }])).toBe(1);
    expect(counter.snapshot()['drive']?.byOperation['permissions.create']).toBe(4);
  });

  it('reconciles sharing both ways, touching only the grants it made, and survives a crash between record and grant', async () => {
    const key = { sourcingKind: 'folder:client', sourcingRecord: 'recR' };
    const folder = await drive.ensureFolder({ parentId: 'root', name: 'Client R', key });
    // The agency shared the folder by hand with its admin: not ours, never touched.
    await drive.share(folder, [{ email: 'admin@agency.example', role: 'writer' }]);
    const first = await drive.reconcileSharing(await drive.ensureFolder({ parentId: 'root', name: 'Client R', key }), [
      { email: 'buyer@example.com', role: 'reader' },
      { email: 'left@example.com', role: 'reader' },
    ]);
    expect(first).toEqual({ granted: ['buyer@example.com', 'left@example.com'], revoked: [] });

    // left@ is removed from Portal emails; admin@ is not wanted either, but was shared by hand.
    const second = await drive.reconcileSharing(await drive.ensureFolder({ parentId: 'root', name: 'Client R', key }), [{ email: 'buyer@example.com', role: 'reader' }]);
    expect(second).toEqual({ granted: [], revoked: ['left@example.com'] });
    const emails = (await drive.ensureFolder({ parentId: 'root', name: 'Client R', key })).grants.map((g) => g.email);
    expect(emails).toEqual(expect.arrayContaining(['buyer@example.com', 'admin@agency.example']));
    expect(emails).not.toContain('left@example.com');

    // A run recorded a grant and died before creating it: the next run creates it, or (no longer wanted) forgets it.
    const sdkFolder = await drive.ensureFolder({ parentId: 'root', name: 'Client R', key });
    sdkFolder.recordedGrants?.set('new@example.com', 'reader');
    const resumed = await drive.reconcileSharing(sdkFolder, [{ email: 'buyer@example.com', role: 'reader' }, { email: 'new@example.com', role: 'reader' }]);
    expect(resumed.granted).toEqual(['new@example.com']);
    // And nothing is done twice.
    expect(await drive.reconcileSharing(await drive.ensureFolder({ parentId: 'root', name: 'Client R', key }), [{ email: 'buyer@example.com', role: 'reader' }, { email: 'new@example.com', role: 'reader' }])).toEqual({ granted: [], revoked: [] });
  });

  it('sends every upload to the configured root URL, never to a Google host', async () => {
    const folder = await drive.ensureFolder({ parentId: 'root', name: 'Docs', key: { sourcingKind: 'folder:docs' } });
    const key = { sourcingRecord: 'recPO2', sourcingKind: 'packing-list' };
    await drive.putDocument({ folderId: folder.id, name: 'PL.pdf', mimeType: 'application/pdf', key, bytes: pdf('1'), contentHash: 'a' });
    await drive.putDocument({ folderId: folder.id, name: 'PL.pdf', mimeType: 'application/pdf', key, bytes: pdf('2'), contentHash: 'b' });
    expect(takeViolations()).toEqual([]);
    const uploads = (await driveLog()).filter((r) => r.path.startsWith('/upload/drive/v3/files'));
    expect(uploads.map((u) => u.method)).toEqual(['POST', 'PATCH']);

    // The same adapter without a root URL heads for Google: the guard blocks it and the call fails.
    const google = createDriveAdapter({ auth: { accessToken: ws.token }, counter });
    const leaked = await google
      .putDocument({ folderId: folder.id, name: 'x.pdf', mimeType: 'application/pdf', key, bytes: pdf('3'), contentHash: 'c' })
      .then(() => 'sent', (error: unknown) => error);
    expect(leaked).toBeInstanceOf(DriveApiError);
    expect(takeViolations()).toContain('www.googleapis.com');
  });

  it('reports a Drive failure with its status and reason', async () => {
    await ws.control('POST', '/faults', { service: 'drive', status: 403, count: 1 });
    const error = await drive.ensureFolder({ parentId: 'root', name: 'X', key: { sourcingKind: 'folder:x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DriveApiError);
    expect(error).toMatchObject({ status: 403, reason: 'insufficientFilePermissions', operation: 'files.get' });
  });
});
