/**
 * Pins the rootUrl trap of googleapis-common (wire-apis.md §C1): an upload builds its URL from the per-call options
 * only, so a client configured with `rootUrl` still sends media to www.googleapis.com unless the call repeats it.
 */
import type { drive_v3 } from '@googleapis/drive';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeViolations } from '../../helpers/network-guard.ts';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';
import { driveClient, streamOf } from './drive-client.ts';

describe('Drive uploads and rootUrl', () => {
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

  it('an upload without the per-call rootUrl heads for Google (blocked), with it reaches the local workspace', async () => {
    const before = (await ws.control('GET', '/requests?service=drive')) as { requests: unknown[] };
    const wrong = await client.files
      .create({ requestBody: { name: 'leak.txt' }, media: { mimeType: 'text/plain', body: streamOf('secret') }, fields: 'id' })
      .then(
        () => 'sent',
        () => 'failed',
      );
    expect(wrong).toBe('failed');
    expect(takeViolations()).toEqual(['www.googleapis.com']);
    const after = (await ws.control('GET', '/requests?service=drive')) as { requests: unknown[] };
    expect(after.requests.length).toBe(before.requests.length);

    const right = await client.files.create(
      { requestBody: { name: 'ok.txt' }, media: { mimeType: 'text/plain', body: streamOf('fine') }, fields: 'id,name' },
      { rootUrl },
    );
    expect(right.data.name).toBe('ok.txt');
    const log = (await ws.control('GET', '/requests?service=drive')) as { requests: { method: string; path: string; query: string }[] };
    expect(log.requests.at(-1)).toMatchObject({ method: 'POST', path: '/upload/drive/v3/files' });
    expect(log.requests.at(-1)?.query).toContain('uploadType=multipart');
  });
});
