/**
 * Shared setup for the Notion contract tests: a fresh local workspace and the official SDK pointed at it, plus the
 * portal-shaped database most tests write into.
 */
import { APIResponseError, Client } from '@notionhq/client';
import type { CreatePageParameters, PageObjectResponse, RetryOptions } from '@notionhq/client';
import { expect } from 'vitest';
import { startTestWorkspace, type TestWorkspace } from '../../helpers/workspace.ts';

export interface NotionKit {
  ws: TestWorkspace;
  notion: Client;
}

/** The SDK exactly as an adapter builds it; retries are fast so injected faults do not slow the suite. */
export function clientFor(
  ws: TestWorkspace,
  retry: RetryOptions | false = { maxRetries: 2, initialRetryDelayMs: 10, maxRetryDelayMs: 2_000 },
): Client {
  return new Client({ auth: ws.token, baseUrl: ws.url, retry, logger: () => {} });
}

export async function startNotion(): Promise<NotionKit> {
  const ws = await startTestWorkspace();
  return { ws, notion: clientFor(ws) };
}

export function text(content: string): { text: { content: string } }[] {
  return [{ text: { content } }];
}

export interface Portal {
  rootId: string;
  databaseId: string;
  dataSourceId: string;
}

/** A client portal page with a Purchase Orders database, as provisioning would create it. */
export async function createPortal(notion: Client): Promise<Portal> {
  const root = await notion.pages.create({ parent: { workspace: true }, properties: { title: { title: text('Acme · Sourcing portal') } } });
  const database = await notion.databases.create({
    parent: { type: 'page_id', page_id: root.id },
    title: text('Purchase Orders'),
    initial_data_source: {
      properties: {
        'PO number': { title: {} },
        Status: { select: { options: [{ name: 'In production', color: 'blue' }, { name: 'Shipped', color: 'green' }, { name: 'Closed', color: 'gray' }] } },
        Approval: { status: {} },
        Supplier: { rich_text: {} },
        Quantity: { number: { format: 'number' } },
        'Ship-by': { date: {} },
        'Show supplier': { checkbox: {} },
        Documents: { url: {} },
        'Airtable ID': { rich_text: {} },
      },
    },
  });
  expect(database.object).toBe('database');
  const sources = 'data_sources' in database ? database.data_sources : [];
  const [source] = sources;
  if (!source) throw new Error('databases.create answered without data_sources');
  return { rootId: root.id, databaseId: database.id, dataSourceId: source.id };
}

export type PoFields = Partial<{
  status: string;
  supplier: string;
  quantity: number | null;
  shipBy: string | null;
  showSupplier: boolean;
  documents: string | null;
  airtableId: string;
}>;

export function poProperties(poNumber: string, fields: PoFields = {}): CreatePageParameters['properties'] {
  const props: NonNullable<CreatePageParameters['properties']> = { 'PO number': { title: text(poNumber) } };
  if (fields.status !== undefined) props['Status'] = { select: { name: fields.status } };
  if (fields.supplier !== undefined) props['Supplier'] = { rich_text: text(fields.supplier) };
  if (fields.quantity !== undefined) props['Quantity'] = { number: fields.quantity };
  if (fields.shipBy !== undefined) props['Ship-by'] = { date: fields.shipBy === null ? null : { start: fields.shipBy } };
  if (fields.showSupplier !== undefined) props['Show supplier'] = { checkbox: fields.showSupplier };
  if (fields.documents !== undefined) props['Documents'] = { url: fields.documents };
  if (fields.airtableId !== undefined) props['Airtable ID'] = { rich_text: text(fields.airtableId) };
  return props;
}

export async function createPo(notion: Client, portal: Portal, poNumber: string, fields: PoFields = {}): Promise<PageObjectResponse> {
  const page = await notion.pages.create({ parent: { data_source_id: portal.dataSourceId }, properties: poProperties(poNumber, fields) });
  return page as PageObjectResponse;
}

/** The plain title of a page from a query or retrieve. */
export function titleOf(page: unknown): string {
  const properties = (page as PageObjectResponse).properties;
  for (const value of Object.values(properties)) {
    if (value.type === 'title') return value.title.map((t) => t.plain_text).join('');
  }
  return '';
}

/** Runs `call` and returns the SDK error it throws (failing the test when it does not throw). */
export async function apiError(call: () => Promise<unknown>): Promise<APIResponseError> {
  try {
    await call();
  } catch (error) {
    expect(APIResponseError.isAPIResponseError(error), `expected an APIResponseError, got ${String(error)}`).toBe(true);
    return error as APIResponseError;
  }
  throw new Error('expected the call to fail');
}
