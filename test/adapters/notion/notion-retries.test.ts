/** Notion's retry contract through @notionhq/client against the local workspace's injected faults. */
import { describe, expect, it } from 'vitest';
import { createNotionAdapter } from '../../../src/adapters/notion/index.ts';
import type { RequestCounter } from '../../../src/lib/request-counter.ts';
import type { NotionPortalPort } from '../../../src/ports/notion.ts';
import type { TestWorkspace } from '../../helpers/workspace.ts';
import { workspaceResetPerTest } from '../../helpers/workspace-per-test.ts';

let ws: TestWorkspace;
let counter: RequestCounter;
let notion: NotionPortalPort;
workspaceResetPerTest(async (started, fresh) => {
  ws = started;
  counter = fresh;
  notion = createNotionAdapter({
    baseUrl: ws.url,
    auth: ws.token,
    counter,
    requestsPerSecond: 1000,
    penaltyMs: 20,
    retry: { maxRetries: 2, initialRetryDelayMs: 10, maxRetryDelayMs: 50 },
    transientRetry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 5, budgetMs: 100 },
  });
});
const retries = () => counter.snapshot()['notion']?.byOperation['retry'] ?? 0;

describe('Notion retries', () => {
  it.each([500, 502, 503, 504])('a search (a POST that reads) answered %i then OK is retried and counted', async (status) => {
    await ws.control('POST', '/faults', { service: 'notion', status, count: 1, pathIncludes: '/v1/search' });
    await notion.ensureRootPage('Client portals');
    expect(retries()).toBe(1);
  });

  it('a search whose connection resets is retried', async () => {
    await ws.control('POST', '/faults', { service: 'notion', kind: 'reset', count: 1, pathIncludes: '/v1/search' });
    await notion.ensureRootPage('Client portals');
    expect(retries()).toBe(1);
  });

  it('a page create is never repeated on a lost answer (no twin); the next run finds the page', async () => {
    await ws.control('POST', '/faults', { service: 'notion', kind: 'lost-response', count: 1, methods: ['POST'], pathIncludes: '/v1/pages' });
    await expect(notion.ensureRootPage('Client portals')).rejects.toThrow();
    expect(retries()).toBe(0);
    // The next run finds the page the lost create made, and creates nothing.
    const again = await notion.ensureRootPage('Client portals');
    const search = (await (
      await fetch(`${ws.url}/v1/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ws.token}`, 'notion-version': '2025-09-03', 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'Client portals', filter: { property: 'object', value: 'page' } }),
      })
    ).json()) as { results: { id: string }[] };
    expect(search.results.map((r) => r.id)).toEqual([again]);
  });
});
