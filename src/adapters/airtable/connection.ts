import type { RequestCounter } from '../../lib/request-counter.ts';
import { RateGate } from '../../lib/rate-gate.ts';
import { DEFAULT_RETRY, withRetries, type RetryPolicy } from '../../lib/retry.ts';
import { errorFromResponse, isRateLimited, isRetryableFailure, toAirtableApiError } from './errors.ts';

export interface AirtableConnectionOptions {
  /** https://api.airtable.com for the real service, the local workspace's URL otherwise. */
  endpointUrl: string;
  /** A personal access token (or the local workspace token). Passed explicitly: never read from ambient env. */
  apiKey: string;
  counter: RequestCounter;
  /** Below Airtable's 5/s per base (default 4.5). */
  requestsPerSecond?: number;
  /** Pause after a 429 (Airtable: 30 s). */
  penaltyMs?: number;
  /** Retries of 5xx and dropped connections (scaled by the local workspace's speed in local mode). */
  retry?: RetryPolicy;
}

/**
 * Calls that must not be repeated blindly when their answer is lost: a create may have happened. They are retried
 * only on answers that say nothing was done (429 in the gate, 503 "unavailable"); otherwise the job stops and its
 * next run finds what was written by its keys before creating the rest.
 */
const NOT_IDEMPOTENT = new Set(['create', 'meta.createBase', 'meta.createTable', 'meta.createField']);

/**
 * The single choke point for Airtable requests of one base: a rate gate, a request counter and error
 * classification. Every request of the adapter goes through `call` or `fetchJson`.
 */
export class AirtableConnection {
  private readonly gates = new Map<string, RateGate>();

  constructor(readonly options: AirtableConnectionOptions) {}

  /** Runs one request against a base (or `meta` for base-less meta calls), counted under `operation`. */
  async call<T>(gateKey: string, operation: string, request: () => Promise<T>): Promise<T> {
    const gate = this.gate(gateKey);
    const idempotent = !NOT_IDEMPOTENT.has(operation);
    try {
      // Airtable asks clients to retry 500/502/503/504 (https://airtable.com/developers/web/api/errors); its SDK
      // retries only 429. Reads, updates by ID, upserts by key and deletes are safe to repeat.
      return await withRetries(
        () =>
          gate.run(
            () => {
              this.options.counter.add('airtable', operation);
              return request();
            },
            isRateLimited,
            () => this.options.counter.add('airtable', 'rate-limited'),
          ),
        {
          policy: this.options.retry ?? DEFAULT_RETRY,
          retryable: (error) => isRetryableFailure(error, idempotent),
          onRetry: () => this.options.counter.add('airtable', 'retry'),
        },
      );
    } catch (error) {
      throw toAirtableApiError(error, operation);
    }
  }

  /** A JSON request with fetch, for what airtable.js cannot do (meta API, upsert answers). */
  fetchJson<T>(gateKey: string, operation: string, method: string, path: string, body?: unknown): Promise<T> {
    return this.call(gateKey, operation, async () => {
      const response = await fetch(`${this.options.endpointUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.apiKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw await errorFromResponse(response, operation);
      return (await response.json()) as T;
    });
  }

  private gate(key: string): RateGate {
    let gate = this.gates.get(key);
    if (!gate) {
      gate = new RateGate({
        requestsPerSecond: this.options.requestsPerSecond ?? 4.5,
        penaltyMs: this.options.penaltyMs ?? 30_000,
      });
      this.gates.set(key, gate);
    }
    return gate;
  }
}
