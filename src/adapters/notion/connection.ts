/**
 * The single choke point for Notion requests: the official SDK pointed at Notion (or the local workspace), a rate
 * gate that keeps the average under Notion's ~3 requests/s, and a counting `fetch` so every HTTP request the SDK
 * makes (its own 429 retries included) is counted under service `notion`.
 * https://developers.notion.com/reference/request-limits
 */
import { APIResponseError, Client, type RetryOptions } from '@notionhq/client';
import type { RequestCounter } from '../../lib/request-counter.ts';
import { RateGate } from '../../lib/rate-gate.ts';
import { DEFAULT_RETRY, isNetworkError, isTransientStatus, withRetries, type RetryPolicy } from '../../lib/retry.ts';
import { NOTION_READ_OPERATIONS, NotionRefusedError } from '../../ports/notion.ts';

export interface NotionConnectionOptions {
  /** https://api.notion.com for the real service (the SDK adds /v1/), the local workspace's URL otherwise. */
  baseUrl: string;
  /** An integration token (or the local workspace token). Passed explicitly: never read from ambient env. */
  auth: string;
  counter: RequestCounter;
  /** Below Notion's ~3/s average (default 2.5). */
  requestsPerSecond?: number;
  /** Pause of the gate when the SDK gave up on a 429 after its own Retry-After retries. */
  penaltyMs?: number;
  /** The SDK's retries (429 and 529 for every method, honouring Retry-After). */
  retry?: RetryOptions | false;
  /** Our retries of 5xx and dropped connections for calls safe to repeat (see SAFE_TO_REPEAT). */
  transientRetry?: RetryPolicy;
}

/**
 * Calls that may be sent again when their answer was lost or was a 5xx: reads (a query is a POST that reads) and
 * updates of a page or block by ID, which set the same values again. The SDK retries 5xx only for GET and DELETE;
 * creates and `blocks.children.append` are never repeated (an append whose answer was lost is found by the next
 * sync's section hashes, a page by its record key).
 */
const SAFE_TO_REPEAT = new Set([...NOTION_READ_OPERATIONS, 'pages.update', 'blocks.update', 'blocks.delete', 'databases.update', 'dataSources.update']);

class TransientResponse extends Error {
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`);
  }
}

type ClientOptions = NonNullable<ConstructorParameters<typeof Client>[0]>;
type SdkFetch = NonNullable<ClientOptions['fetch']>;

/** True for operations that change nothing on Notion (a query is a POST but reads). */
export function isNotionRead(operation: string): boolean {
  return NOTION_READ_OPERATIONS.has(operation);
}

/** `PATCH /v1/blocks/{id}/children` → `blocks.children.append`, for the request counter. */
export function operationOf(method: string, url: string): string {
  const path = new URL(url).pathname.replace(/^\/v1\//, '').replace(/\/+$/, '');
  const [resource = '', id, sub] = path.split('/');
  const m = method.toUpperCase();
  switch (resource) {
    case 'pages':
      return m === 'POST' ? 'pages.create' : m === 'PATCH' ? 'pages.update' : 'pages.retrieve';
    case 'databases':
      return m === 'POST' ? 'databases.create' : m === 'PATCH' ? 'databases.update' : 'databases.retrieve';
    case 'data_sources':
      if (sub === 'query') return 'dataSources.query';
      return m === 'POST' ? 'dataSources.create' : m === 'PATCH' ? 'dataSources.update' : 'dataSources.retrieve';
    case 'blocks':
      if (sub === 'children') return m === 'PATCH' ? 'blocks.children.append' : 'blocks.children.list';
      return m === 'DELETE' ? 'blocks.delete' : m === 'PATCH' ? 'blocks.update' : 'blocks.retrieve';
    case 'comments':
      return m === 'POST' ? 'comments.create' : id ? 'comments.retrieve' : 'comments.list';
    case 'search':
      return 'search';
    case 'users':
      return id === 'me' ? 'users.me' : 'users.retrieve';
    default:
      return `${m} ${resource}`;
  }
}

export function isRateLimited(error: unknown): boolean {
  return APIResponseError.isAPIResponseError(error) && (error.code === 'rate_limited' || error.code === 'service_overload');
}

export class NotionConnection {
  readonly client: Client;
  private readonly gate: RateGate;

  constructor(readonly options: NotionConnectionOptions) {
    const counter = options.counter;
    const countingFetch: SdkFetch = async (url, init) => {
      const operation = operationOf(init?.method ?? 'GET', url);
      const send = async () => {
        counter.add('notion', operation);
        const response = await fetch(url, init as RequestInit);
        if (response.status === 429) counter.add('notion', 'rate-limited');
        return response;
      };
      if (!SAFE_TO_REPEAT.has(operation)) return send();
      try {
        return await withRetries(
          async () => {
            const response = await send();
            if (isTransientStatus(response.status)) throw new TransientResponse(response);
            return response;
          },
          {
            policy: options.transientRetry ?? DEFAULT_RETRY,
            retryable: (error) => error instanceof TransientResponse || isNetworkError(error),
            onRetry: () => counter.add('notion', 'retry'),
          },
        );
      } catch (error) {
        // Out of retries on a 5xx: hand the last answer to the SDK, which reports it as Notion's error.
        if (error instanceof TransientResponse) return error.response;
        throw error;
      }
    };
    this.client = new Client({
      auth: options.auth,
      baseUrl: options.baseUrl,
      retry: options.retry ?? { maxRetries: 3, initialRetryDelayMs: 1000, maxRetryDelayMs: 30_000 },
      fetch: countingFetch,
      logger: () => {},
    });
    this.gate = new RateGate({ requestsPerSecond: options.requestsPerSecond ?? 2.5, penaltyMs: options.penaltyMs ?? 1000 });
  }

  /** Runs one SDK call when the gate allows it; Notion's refusals become NotionRefusedError. */
  async call<T>(request: (client: Client) => Promise<T>): Promise<T> {
    try {
      return await this.gate.run(() => request(this.client), isRateLimited);
    } catch (error) {
      if (APIResponseError.isAPIResponseError(error) && !isRateLimited(error)) {
        throw new NotionRefusedError(error.code, error.status, error.message);
      }
      throw error;
    }
  }
}
