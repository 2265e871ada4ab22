import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type PageObjectResponse } from '@notionhq/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestWorkspace } from '../../helpers/workspace.ts';
import { apiError, clientFor, createPo, createPortal, startNotion, titleOf, type NotionKit } from './notion-kit.ts';

interface LoggedRequests {
  requests: { method: string; path: string; status: number }[];
}

describe('Notion errors, rate limits and persistence', () => {
  let kit: NotionKit;
  beforeEach(async () => {
    kit = await startNotion();
  });
  afterEach(async () => {
    await kit.ws.close();
  });

  it('answers a bad token with 401 unauthorized', async () => {
    const stranger = new Client({ auth: 'secret_wrong', baseUrl: kit.ws.url, retry: false, logger: () => {} });
    const error = await apiError(() => stranger.search({}));
    expect(error).toMatchObject({ status: 401, code: 'unauthorized', message: 'API token is invalid.' });
  });

  it('requires the Notion-Version header the SDK sends, with an SDK-known error code', async () => {
    const headers = { authorization: `Bearer ${kit.ws.token}`, 'content-type': 'application/json' };
    const missing = await fetch(`${kit.ws.url}/v1/search`, { method: 'POST', headers, body: '{}' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ object: 'error', status: 400, code: 'validation_error', message: expect.stringContaining('Notion-Version') });
    const old = new Client({ auth: kit.ws.token, baseUrl: kit.ws.url, notionVersion: '2022-06-28', retry: false, logger: () => {} });
    const error = await apiError(() => old.search({}));
    expect(error.code).toBe('validation_error');
    expect(error.message).toContain('2022-06-28');
  });

  it('accepts 2026-03-11, where only in_trash (not archived) may be sent', async () => {
    const newer = new Client({ auth: kit.ws.token, baseUrl: kit.ws.url, notionVersion: '2026-03-11', retry: false, logger: () => {} });
    const page = await newer.pages.create({ parent: { workspace: true }, properties: {} });
    const refused = await apiError(() => newer.pages.update({ page_id: page.id, archived: true }));
    expect(refused.message).toBe('body failed validation: body.archived should be not present, instead was `true`.');
    expect(await newer.pages.update({ page_id: page.id, in_trash: true })).toMatchObject({ in_trash: true });
  });

  it('answers unknown routes, bad JSON and unknown parameters in Notion’s format', async () => {
    const headers = { authorization: `Bearer ${kit.ws.token}`, 'notion-version': '2025-09-03', 'content-type': 'application/json' };
    const route = await fetch(`${kit.ws.url}/v1/databases/abc/query`, { method: 'POST', headers, body: '{}' });
    expect(route.status).toBe(400);
    expect(await route.json()).toMatchObject({ code: 'invalid_request_url', message: 'Invalid request URL.' });
    const json = await fetch(`${kit.ws.url}/v1/search`, { method: 'POST', headers, body: '{"query":' });
    expect(await json.json()).toMatchObject({ status: 400, code: 'invalid_json' });
    const param = await fetch(`${kit.ws.url}/v1/search`, { method: 'POST', headers, body: JSON.stringify({ query: 'x', archived: true }) });
    expect(await param.json()).toMatchObject({ code: 'validation_error', message: 'body failed validation: body.archived should be not present, instead was `true`.' });
  });

  it('answers an injected 429 with Retry-After in whole seconds, and the SDK waits and retries', async () => {
    await kit.ws.control('POST', '/faults', { service: 'notion', status: 429, count: 1, retryAfterMs: 300 });
    const raw = await fetch(`${kit.ws.url}/v1/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kit.ws.token}`, 'notion-version': '2025-09-03' },
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('1');
    expect(await raw.json()).toMatchObject({ code: 'rate_limited', additional_data: { rate_limit_reason: 'public_api_request_rate_limit' } });

    await kit.ws.control('POST', '/faults', { service: 'notion', status: 429, count: 1, retryAfterMs: 1000 });
    await kit.ws.control('DELETE', '/requests');
    const started = Date.now();
    const page = await kit.notion.pages.create({ parent: { workspace: true }, properties: {} });
    const waited = Date.now() - started;
    expect(page.object).toBe('page');
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(2_500);
    const log = (await kit.ws.control('GET', '/requests?service=notion')) as LoggedRequests;
    expect(log.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('enforces about 3 requests per second per token', async () => {
    await kit.ws.control('PATCH', '/settings', { speed: 1 });
    const noRetry = clientFor(kit.ws, false);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      try {
        await noRetry.search({ page_size: 1 });
        statuses.push(200);
      } catch (error) {
        statuses.push((error as { status: number }).status);
      }
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    // The SDK honours Retry-After and gets through once the window has passed.
    const result = await kit.notion.search({ page_size: 1 });
    expect(result.object).toBe('list');
  });

  it('answers injected 500/503 with codes the SDK retries for GET only, and 529 for every method', async () => {
    const portal = await createPortal(kit.notion);
    await kit.ws.control('POST', '/faults', { service: 'notion', status: 503, count: 1 });
    const retrieved = await kit.notion.databases.retrieve({ database_id: portal.databaseId });
    expect(retrieved.id).toBe(portal.databaseId);
    await kit.ws.control('POST', '/faults', { service: 'notion', status: 500, count: 1 });
    const failed = await apiError(() => createPo(kit.notion, portal, 'PO-1'));
    expect(failed).toMatchObject({ status: 500, code: 'internal_server_error' });
    await kit.ws.control('POST', '/faults', { service: 'notion', status: 529, count: 1 });
    const created = await createPo(kit.notion, portal, 'PO-2');
    expect(titleOf(created)).toBe('PO-2');
  });
});

describe('Notion persistence', () => {
  it('keeps databases, pages and blocks across a restart of the workspace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourcing-notion-'));
    try {
      const first = await startTestWorkspace({ dir });
      const notion = clientFor(first);
      const portal = await createPortal(notion);
      const po = await createPo(notion, portal, 'PO-7', { quantity: 7 });
      await notion.blocks.children.append({ block_id: po.id, children: [{ paragraph: { rich_text: [{ text: { content: 'kept' } }] } }] });
      await first.close();

      const second = await startTestWorkspace({ dir });
      try {
        const again = clientFor(second);
        const page = (await again.pages.retrieve({ page_id: po.id })) as PageObjectResponse;
        expect(page.properties['Quantity']).toMatchObject({ number: 7 });
        const rows = await again.dataSources.query({ data_source_id: portal.dataSourceId });
        expect(rows.results.map(titleOf)).toEqual(['PO-7']);
        const blocks = await again.blocks.children.list({ block_id: po.id });
        expect(blocks.results).toMatchObject([{ paragraph: { rich_text: [{ plain_text: 'kept' }] } }]);
        await second.control('POST', '/reset');
        const gone = await apiError(() => again.pages.retrieve({ page_id: po.id }));
        expect(gone.code).toBe('object_not_found');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
