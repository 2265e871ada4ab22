import { GaxiosError } from 'gaxios';
import type { drive_v3 } from '@googleapis/drive';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { driveClient, FOLDER } from './drive-client.ts';

describe('Drive errors as the client sees them', () => {
  let ws: TestWorkspace;
  let client: drive_v3.Drive;
  beforeEach(async () => {
    ws = await startTestWorkspace();
    ({ client } = driveClient(ws));
  });
  afterEach(async () => {
    await ws.close();
  });

  const create = () => client.files.create({ requestBody: { name: 'x', mimeType: FOLDER } }).catch((e: unknown) => e as GaxiosError);

  it('a wrong token gets Google’s 401 authError', async () => {
    const { client: stranger } = driveClient(ws, 'wrong-token');
    const error = (await stranger.files.list({}).catch((e: unknown) => e)) as GaxiosError;
    expect(error.status).toBe(401);
    expect(error.response?.headers.get('www-authenticate')).toContain('invalid_token');
    expect(error.response?.data).toMatchObject({
      error: { code: 401, status: 'UNAUTHENTICATED', errors: [{ reason: 'authError', location: 'Authorization', locationType: 'header' }] },
    });
  });

  it.each([
    [429, undefined, 'rateLimitExceeded', 'usageLimits'],
    [500, undefined, 'backendError', 'global'],
    [503, undefined, 'backendError', 'global'],
    [403, undefined, 'insufficientFilePermissions', 'global'],
    [403, 'userRateLimitExceeded', 'userRateLimitExceeded', 'usageLimits'],
    [400, 'Bad thing', 'badRequest', 'global'],
  ])('an injected %i (%s) looks like Drive’s: reason %s', async (status, message, reason, domain) => {
    await ws.control('POST', '/faults', { service: 'drive', status, count: 1, ...(message ? { message } : {}) });
    const error = await create();
    expect(error).toBeInstanceOf(GaxiosError);
    expect((error as GaxiosError).status).toBe(status);
    const body = (error as GaxiosError).response?.data as { error: { code: number; message: string; errors: { reason: string; domain: string }[] } };
    expect(body.error.code).toBe(status);
    expect(body.error.errors[0]).toMatchObject({ reason, domain });
    expect((error as GaxiosError).message).toBe(body.error.message);
    // the fault is used up: the next call succeeds
    const ok = await client.files.create({ requestBody: { name: 'y', mimeType: FOLDER }, fields: 'name' });
    expect(ok.data.name).toBe('y');
  });

  it('a transient 503 on a GET is retried by the client and then succeeds', async () => {
    await ws.control('POST', '/faults', { service: 'drive', status: 503, count: 1 });
    const res = await client.files.get({ fileId: 'root', fields: 'name' });
    expect(res.data.name).toBe('My Drive');
    const log = (await ws.control('GET', '/requests?service=drive')) as { requests: { status: number }[] };
    expect(log.requests.map((r) => r.status)).toEqual([503, 200]);
  });

  it('an unknown parameter or route is refused in Google’s shape, never a silent 200', async () => {
    const res = await fetch(`${ws.url}/drive/v3/files?colour=red`, { headers: { authorization: `Bearer ${ws.token}` } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { errors: { reason: string }[] } }).error.errors[0]?.reason).toBe('invalid');
    const route = await fetch(`${ws.url}/drive/v3/changes`, { headers: { authorization: `Bearer ${ws.token}` } });
    expect(route.status).toBe(404);
    expect(((await route.json()) as { error: { code: number } }).error.code).toBe(404);
  });
});
