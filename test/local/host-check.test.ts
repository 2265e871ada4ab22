import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocalHost } from '../../src/local/host-check.ts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await startTestWorkspace();
});
afterAll(async () => {
  await ws.close();
});

/** fetch cannot set Host; node:http can, as a DNS-rebinding browser effectively does. */
function get(path: string, host: string, method = 'GET'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: ws.port, path, method, headers: { host, authorization: `Bearer ${ws.token}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Host header check', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.0.0.1:4010', true],
    ['localhost:4010', true],
    ['LOCALHOST', true],
    ['[::1]:4010', true],
    ['evil.example', false],
    ['evil.example:4010', false],
    ['127.0.0.1.evil.example', false],
    ['', false],
  ])('%s → local: %s', (host, local) => {
    expect(isLocalHost(host)).toBe(local);
  });

  it.each([
    ['/v0/meta/bases', 'GET'],
    ['/__workspace/settings', 'GET'],
    ['/__workspace/reset', 'POST'],
    ['/drive/v3/files', 'GET'],
    ['/v1/search', 'POST'],
  ])('%s %s with a foreign Host is refused (403), with the local Host it is served', async (path, method) => {
    expect(await get(path, 'rebound.evil.example:' + ws.port, method)).toBe(403);
    expect(await get(path, `127.0.0.1:${ws.port}`, method)).not.toBe(403);
  });
});
