import { GaxiosError } from 'gaxios';
import type { drive_v3 } from '@googleapis/drive';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { driveClient, FOLDER } from './drive-client.ts';

describe('Drive permissions through @googleapis/drive', () => {
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

  it('shares a client folder, and the documents inside list the inherited grant', async () => {
    const folder = (await client.files.create({ requestBody: { name: 'Acme', mimeType: FOLDER }, fields: 'id,version' })).data;
    const doc = await client.files.create(
      { requestBody: { name: 'report.pdf', parents: [folder.id as string] }, media: { mimeType: 'application/pdf', body: 'x' }, fields: 'id' },
      { rootUrl },
    );
    const granted = await client.permissions.create({
      fileId: folder.id as string,
      sendNotificationEmail: false,
      requestBody: { role: 'reader', type: 'user', emailAddress: 'Buyer@Acme.example' },
    });
    expect(granted.data).toEqual({ kind: 'drive#permission', id: expect.stringMatching(/^\d{20}$/), type: 'user', role: 'reader' });

    // one permission per grantee: sharing again changes the role and keeps the ID
    const upgraded = await client.permissions.create({
      fileId: folder.id as string,
      sendNotificationEmail: false,
      requestBody: { role: 'commenter', type: 'user', emailAddress: 'buyer@acme.example' },
      fields: 'id,role,emailAddress',
    });
    expect(upgraded.data).toEqual({ id: granted.data.id, role: 'commenter', emailAddress: 'buyer@acme.example' });

    const onDoc = await client.permissions.list({ fileId: doc.data.id as string, fields: 'permissions(id,role,type,emailAddress)' });
    expect(onDoc.data.permissions).toEqual([
      { id: expect.any(String), role: 'owner', type: 'user', emailAddress: 'owner@workspace.local' },
      { id: granted.data.id, role: 'commenter', type: 'user', emailAddress: 'buyer@acme.example' },
    ]);
    const file = await client.files.get({ fileId: folder.id as string, fields: 'shared,version,permissionIds' });
    expect(file.data.shared).toBe(true);
    expect(Number(file.data.version)).toBeGreaterThan(Number(folder.version));
    expect(file.data.permissionIds).toContain(granted.data.id);
  });

  it('shares with anyone who has the link', async () => {
    const folder = (await client.files.create({ requestBody: { name: 'Public', mimeType: FOLDER }, fields: 'id' })).data;
    const res = await client.permissions.create({
      fileId: folder.id as string,
      requestBody: { role: 'reader', type: 'anyone' },
      fields: 'id,type,allowFileDiscovery',
    });
    expect(res.data).toEqual({ id: 'anyoneWithLink', type: 'anyone', allowFileDiscovery: false });
  });

  it.each([
    [{ role: 'reader', type: 'user' }, 400, 'invalidSharingRequest'],
    [{ role: 'boss', type: 'user', emailAddress: 'a@b.example' }, 400, 'invalid'],
    [{ type: 'user', emailAddress: 'a@b.example' }, 400, 'required'],
    [{ role: 'owner', type: 'user', emailAddress: 'a@b.example' }, 403, 'forbidden'],
  ])('rejects the grant %j with %i %s', async (requestBody, status, reason) => {
    const folder = (await client.files.create({ requestBody: { name: 'F', mimeType: FOLDER }, fields: 'id' })).data;
    const error = (await client.permissions.create({ fileId: folder.id as string, requestBody }).catch((e: unknown) => e)) as GaxiosError;
    expect(error).toBeInstanceOf(GaxiosError);
    expect(error.status).toBe(status);
    expect((error.response?.data as { error: { errors: { reason: string }[] } }).error.errors[0]?.reason).toBe(reason);
  });

  it('answers 404 for a grant on a missing file', async () => {
    const error = (await client.permissions
      .create({ fileId: 'nope', requestBody: { role: 'reader', type: 'anyone' } })
      .catch((e: unknown) => e)) as GaxiosError;
    expect(error.status).toBe(404);
    expect(error.message).toBe('File not found: nope.');
  });
});
