import { GaxiosError } from 'gaxios';
import type { drive_v3 } from '@googleapis/drive';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { driveClient, FOLDER, streamOf } from './drive-client.ts';

describe('Drive files.list through @googleapis/drive', () => {
  let ws: TestWorkspace;
  let client: drive_v3.Drive;
  let rootUrl: string;
  let projectFolder: string;
  let otherFolder: string;
  beforeEach(async () => {
    ws = await startTestWorkspace();
    ({ client, rootUrl } = driveClient(ws));
    projectFolder = (await client.files.create({ requestBody: { name: 'Project', mimeType: FOLDER }, fields: 'id' })).data.id as string;
    otherFolder = (await client.files.create({ requestBody: { name: 'Other', mimeType: FOLDER }, fields: 'id' })).data.id as string;
    const docs: [string, string, Record<string, string>][] = [
      ['Invoice PO-1.pdf', projectFolder, { syncId: 'rec1', kind: 'invoice' }],
      ['Packing list PO-1.pdf', projectFolder, { syncId: 'rec2', kind: 'packing' }],
      ["Buyer's invoice.pdf", otherFolder, { syncId: 'rec1', kind: 'invoice' }],
    ];
    for (const [name, parent, appProperties] of docs) {
      await client.files.create(
        { requestBody: { name, parents: [parent], appProperties }, media: { mimeType: 'application/pdf', body: streamOf(name) } },
        { rootUrl },
      );
    }
  });
  afterEach(async () => {
    await ws.close();
  });

  async function names(q: string, orderBy = 'name'): Promise<string[]> {
    const res = await client.files.list({ q, orderBy, fields: 'files(name)' });
    return (res.data.files ?? []).map((f) => f.name as string);
  }

  it('finds a document by appProperties and folder, as the sync looks files up', async () => {
    const res = await client.files.list({
      q: `appProperties has { key='syncId' and value='rec1' } and '${projectFolder}' in parents and trashed = false`,
      fields: 'nextPageToken,files(id,name,appProperties)',
    });
    expect(res.data.nextPageToken).toBeUndefined();
    expect(res.data.files).toHaveLength(1);
    expect(res.data.files?.[0]).toEqual({
      id: expect.any(String),
      name: 'Invoice PO-1.pdf',
      appProperties: { syncId: 'rec1', kind: 'invoice' },
    });
  });

  it.each([
    [`name = 'Invoice PO-1.pdf'`, ['Invoice PO-1.pdf']],
    [`name contains 'invoice'`, ["Buyer's invoice.pdf", 'Invoice PO-1.pdf']],
    [`name contains 'voice'`, []],
    [`name = 'Buyer\\'s invoice.pdf'`, ["Buyer's invoice.pdf"]],
    [`mimeType = '${FOLDER}'`, ['Other', 'Project']],
    [`mimeType != '${FOLDER}' and not appProperties has { key='kind' and value='invoice' }`, ['Packing list PO-1.pdf']],
    [`(name contains 'Packing' or name contains 'Buyer') and trashed = false`, ["Buyer's invoice.pdf", 'Packing list PO-1.pdf']],
    [`'root' in parents`, ['Other', 'Project']],
    [`modifiedTime > '2000-01-01T00:00:00' and modifiedTime < '2999-01-01T00:00:00Z'`, ["Buyer's invoice.pdf", 'Invoice PO-1.pdf', 'Other', 'Packing list PO-1.pdf', 'Project']],
    [`modifiedTime > '2999-01-01T00:00:00'`, []],
  ])('q %s', async (q, expected) => {
    expect(await names(q)).toEqual(expected);
  });

  it('includes trashed files unless the query says trashed = false', async () => {
    await client.files.update({ fileId: otherFolder, requestBody: { trashed: true } });
    expect(await names(`name contains 'Buyer'`)).toEqual(["Buyer's invoice.pdf"]);
    expect(await names(`name contains 'Buyer' and trashed = false`)).toEqual([]);
    expect(await names(`trashed = true`)).toEqual(["Buyer's invoice.pdf", 'Other']);
  });

  it.each([
    `fullText contains 'invoice'`,
    `name = invoice`,
    `sharedWithMe`,
    `name contains 'a`,
    `modifiedTime > 'yesterday'`,
    `appProperties has { key='a' }`,
  ])('answers 400 invalid for the unsupported or malformed query %s', async (q) => {
    const error = (await client.files.list({ q }).catch((e: unknown) => e)) as GaxiosError;
    expect(error).toBeInstanceOf(GaxiosError);
    expect(error.status).toBe(400);
    expect(error.response?.data).toEqual({
      error: {
        code: 400,
        message: 'Invalid Value',
        errors: [{ message: 'Invalid Value', domain: 'global', reason: 'invalid', location: 'q', locationType: 'parameter' }],
      },
    });
  });

  it('pages with pageSize and nextPageToken, without overlap, in the requested order', async () => {
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const res = await client.files.list({ pageSize: 2, pageToken, orderBy: 'folder,name desc', fields: 'nextPageToken,files(name)' });
      seen.push(...(res.data.files ?? []).map((f) => f.name as string));
      pageToken = res.data.nextPageToken ?? undefined;
      pages += 1;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(seen).toEqual(['Project', 'Other', 'Packing list PO-1.pdf', 'Invoice PO-1.pdf', "Buyer's invoice.pdf"]);
  });

  it('applies the fields projection: default list shape, and no nextPageToken unless asked', async () => {
    const plain = await client.files.list({ pageSize: 1, q: `mimeType = '${FOLDER}'`, orderBy: 'name' });
    expect(plain.data).toEqual({
      kind: 'drive#fileList',
      incompleteSearch: false,
      nextPageToken: expect.any(String),
      files: [{ kind: 'drive#file', id: otherFolder, name: 'Other', mimeType: FOLDER }],
    });
    const narrow = await client.files.list({ pageSize: 1, orderBy: 'name', fields: 'files(id)' });
    expect(narrow.data).toEqual({ files: [{ id: expect.any(String) }] });
    const nested = await client.files.list({
      q: `name = 'Invoice PO-1.pdf'`,
      fields: 'files(name,owners(emailAddress),appProperties)',
    });
    expect(nested.data.files).toEqual([
      { name: 'Invoice PO-1.pdf', owners: [{ emailAddress: 'owner@workspace.local' }], appProperties: { syncId: 'rec1', kind: 'invoice' } },
    ]);
    const unknown = (await client.files.list({ fields: 'files(id,colour)' }).catch((e: unknown) => e)) as GaxiosError;
    expect(unknown.status).toBe(400);
    expect(unknown.message).toBe('Invalid field selection files/colour');
  });

  it('refuses a page token from another query and a pageSize out of range', async () => {
    const first = await client.files.list({ pageSize: 1, fields: 'nextPageToken' });
    const reused = (await client.files
      .list({ pageSize: 1, q: 'trashed = false', pageToken: first.data.nextPageToken as string })
      .catch((e: unknown) => e)) as GaxiosError;
    expect(reused.status).toBe(400);
    const zero = (await client.files.list({ pageSize: 0 }).catch((e: unknown) => e)) as GaxiosError;
    expect(zero.status).toBe(400);
    const big = await client.files.list({ pageSize: 5000, fields: 'files(id)' });
    expect(big.data.files).toHaveLength(5);
  });
});
