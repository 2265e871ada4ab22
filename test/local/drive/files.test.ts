import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { GaxiosError } from 'gaxios';
import type { drive_v3 } from '@googleapis/drive';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { driveClient, FOLDER, streamOf } from './drive-client.ts';

describe('Drive files through @googleapis/drive', () => {
  let ws: TestWorkspace;
  let client: drive_v3.Drive;
  let rootUrl: string;
  beforeEach(async () => {
    ws = await startTestWorkspace();
    ({ client, rootUrl } = driveClient(ws));
  });
  afterEach(async () => {
    await ws.close();
  });

  async function folder(name: string, parent?: string): Promise<string> {
    const res = await client.files.create({
      requestBody: { name, mimeType: FOLDER, ...(parent ? { parents: [parent] } : {}) },
      fields: 'id',
    });
    return res.data.id as string;
  }

  it('creates a folder tree that mirrors as directories and answers only the default fields', async () => {
    const res = await client.files.create({ requestBody: { name: 'Acme Ltd', mimeType: FOLDER } });
    expect(res.data).toEqual({ kind: 'drive#file', id: res.data.id, name: 'Acme Ltd', mimeType: FOLDER });
    const project = await folder('Project: Q3/Lamps', res.data.id as string);
    const sub = await client.files.get({ fileId: project, fields: 'id,name,parents,webViewLink' });
    expect(sub.data).toEqual({
      id: project,
      name: 'Project: Q3/Lamps',
      parents: [res.data.id],
      webViewLink: `https://drive.google.com/drive/folders/${project}`,
    });
    // names that cannot be file names are made safe on disk, the Drive name is kept as is
    expect(existsSync(join(ws.dir, 'drive', 'Acme Ltd', 'Project_ Q3_Lamps'))).toBe(true);
  });

  it('uploads multipart, downloads the same bytes and writes the real file under its folder path', async () => {
    const client1 = await folder('Client 1');
    const contract = await folder('01 Contract', client1);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 253, 254, 255]), Buffer.from('\r\n--not-a-boundary--\r\n')]);
    const created = await client.files.create(
      {
        requestBody: { name: 'PO-1001 contract.pdf', parents: [contract], appProperties: { syncId: 'rec1' } },
        media: { mimeType: 'application/pdf', body: streamOf(pdf) },
        fields: 'id,name,mimeType,size,md5Checksum,version,parents,appProperties,webViewLink',
      },
      { rootUrl },
    );
    expect(created.data).toMatchObject({
      name: 'PO-1001 contract.pdf',
      mimeType: 'application/pdf',
      size: String(pdf.length),
      md5Checksum: createHash('md5').update(pdf).digest('hex'),
      parents: [contract],
      appProperties: { syncId: 'rec1' },
      webViewLink: `https://drive.google.com/file/d/${created.data.id}/view?usp=drivesdk`,
    });
    const download = await client.files.get({ fileId: created.data.id as string, alt: 'media' }, { responseType: 'arraybuffer' });
    expect(Buffer.from(download.data as unknown as ArrayBuffer)).toEqual(pdf);
    expect(readFileSync(join(ws.dir, 'drive', 'Client 1', '01 Contract', 'PO-1001 contract.pdf'))).toEqual(pdf);
  });

  it('uploads with uploadType=media (no metadata) as "Untitled" in My Drive', async () => {
    const res = await client.files.create(
      { media: { mimeType: 'text/plain', body: 'hello' }, fields: 'id,name,mimeType,size,parents' },
      { rootUrl },
    );
    const root = await client.files.get({ fileId: 'root', fields: 'id,name' });
    expect(res.data).toMatchObject({ name: 'Untitled', mimeType: 'text/plain', size: '5', parents: [root.data.id] });
    expect(readFileSync(join(ws.dir, 'drive', 'Untitled'), 'utf8')).toBe('hello');
  });

  it('updates media in place: same id, higher version, new bytes on disk', async () => {
    const created = await client.files.create(
      { requestBody: { name: 'packing-list.csv' }, media: { mimeType: 'text/csv', body: streamOf('a,b\n') }, fields: 'id,version' },
      { rootUrl },
    );
    const id = created.data.id as string;
    const updated = await client.files.update(
      { fileId: id, requestBody: { description: 'v2' }, media: { mimeType: 'text/csv', body: streamOf('a,b\n1,2\n') }, fields: 'id,version,size,description' },
      { rootUrl },
    );
    expect(updated.data.id).toBe(id);
    expect(Number(updated.data.version)).toBeGreaterThan(Number(created.data.version));
    expect(updated.data).toMatchObject({ size: '8', description: 'v2' });
    const mediaOnly = await client.files.update({ fileId: id, media: { mimeType: 'text/csv', body: 'x\n' }, fields: 'version,size' }, { rootUrl });
    expect(Number(mediaOnly.data.version)).toBeGreaterThan(Number(updated.data.version));
    expect(readFileSync(join(ws.dir, 'drive', 'packing-list.csv'), 'utf8')).toBe('x\n');
  });

  it('renames and moves the real file with addParents/removeParents', async () => {
    const a = await folder('A');
    const b = await folder('B');
    const created = await client.files.create(
      { requestBody: { name: 'draft.txt', parents: [a] }, media: { mimeType: 'text/plain', body: 'x' }, fields: 'id' },
      { rootUrl },
    );
    const moved = await client.files.update({
      fileId: created.data.id as string,
      addParents: b,
      removeParents: a,
      requestBody: { name: 'final.txt' },
      fields: 'name,parents',
    });
    expect(moved.data).toEqual({ name: 'final.txt', parents: [b] });
    expect(existsSync(join(ws.dir, 'drive', 'A', 'draft.txt'))).toBe(false);
    expect(readFileSync(join(ws.dir, 'drive', 'B', 'final.txt'), 'utf8')).toBe('x');
    // renaming a folder carries its contents along
    await client.files.update({ fileId: b, requestBody: { name: 'B renamed' } });
    expect(readFileSync(join(ws.dir, 'drive', 'B renamed', 'final.txt'), 'utf8')).toBe('x');
    const twoParents = await client.files
      .update({ fileId: created.data.id as string, addParents: a })
      .catch((e: unknown) => e);
    expect(twoParents).toBeInstanceOf(GaxiosError);
    expect((twoParents as GaxiosError).status).toBe(403);
  });

  it('keeps two files with the same name apart on disk', async () => {
    const first = await client.files.create({ requestBody: { name: 'report.pdf' }, media: { body: 'one' }, fields: 'id' }, { rootUrl });
    const second = await client.files.create({ requestBody: { name: 'report.pdf' }, media: { body: 'two' }, fields: 'id' }, { rootUrl });
    expect(readFileSync(join(ws.dir, 'drive', 'report.pdf'), 'utf8')).toBe('one');
    const suffix = (second.data.id as string).slice(0, 10);
    expect(readFileSync(join(ws.dir, 'drive', `report (${suffix}).pdf`), 'utf8')).toBe('two');
    expect(first.data.id).not.toBe(second.data.id);
  });

  it('deletes a folder with its contents (204) and then answers Drive’s 404', async () => {
    const a = await folder('Old project');
    await client.files.create({ requestBody: { name: 'x.txt', parents: [a] }, media: { body: 'x' } }, { rootUrl });
    const res = await client.files.delete({ fileId: a });
    expect(res.status).toBe(204);
    expect(existsSync(join(ws.dir, 'drive', 'Old project'))).toBe(false);
    const error = await client.files.get({ fileId: a }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GaxiosError);
    const gaxios = error as GaxiosError;
    expect(gaxios.status).toBe(404);
    expect(gaxios.response?.data).toEqual({
      error: {
        code: 404,
        message: `File not found: ${a}.`,
        errors: [{ message: `File not found: ${a}.`, domain: 'global', reason: 'notFound', location: 'fileId', locationType: 'parameter' }],
      },
    });
    expect(gaxios.message).toBe(`File not found: ${a}.`);
  });

  it('refuses to download a folder and to write a read-only field', async () => {
    const a = await folder('F');
    const download = (await client.files.get({ fileId: a, alt: 'media' }).catch((e: unknown) => e)) as GaxiosError;
    expect(download.status).toBe(403);
    const update = (await client.files
      .update({ fileId: a, requestBody: { parents: ['x'] } })
      .catch((e: unknown) => e)) as GaxiosError;
    expect(update.status).toBe(403);
    expect((update.response?.data as { error: { errors: { reason: string }[] } }).error.errors[0]?.reason).toBe('fieldNotWritable');
  });

  it('a workspace reset empties the Drive tree and keeps a usable root', async () => {
    await client.files.create({ requestBody: { name: 'a.txt' }, media: { body: 'a' } }, { rootUrl });
    const rootBefore = (await client.files.get({ fileId: 'root', fields: 'id' })).data.id;
    await ws.control('POST', '/reset');
    expect(readdirSync(join(ws.dir, 'drive'))).toEqual([]);
    const list = await client.files.list({ fields: 'files(id)' });
    expect(list.data.files).toEqual([]);
    const again = await client.files.create({ requestBody: { name: 'b.txt' }, media: { body: 'b' }, fields: 'parents' }, { rootUrl });
    expect(again.data.parents).toEqual([rootBefore]);
  });

  it('trashes a folder with its contents and restores them', async () => {
    const a = await folder('Trash me');
    const child = await client.files.create({ requestBody: { name: 'c.txt', parents: [a] }, media: { body: 'c' }, fields: 'id' }, { rootUrl });
    await client.files.update({ fileId: a, requestBody: { trashed: true } });
    const trashedChild = await client.files.get({ fileId: child.data.id as string, fields: 'trashed,explicitlyTrashed' });
    expect(trashedChild.data).toEqual({ trashed: true, explicitlyTrashed: false });
    await client.files.update({ fileId: a, requestBody: { trashed: false } });
    const restored = await client.files.get({ fileId: child.data.id as string, fields: 'trashed' });
    expect(restored.data.trashed).toBe(false);
  });
});
