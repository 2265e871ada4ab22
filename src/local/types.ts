/**
 * Shared shapes of the local workspace: one HTTP server in front of several emulated services (Airtable, Notion,
 * Drive, Gmail). Each service is a `LocalService` that owns its SQLite tables, its routes and its error envelope.
 * The local workspace imports nothing from src/domain or src/adapters: it only speaks the providers' wire formats.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type Database from 'better-sqlite3';
import type { Outbound } from './webhooks/outbound.ts';

export type ServiceName = 'airtable' | 'notion' | 'drive' | 'gmail' | 'storage' | 'chat';

export interface LocalRequest {
  method: string;
  /** Path without the query string, percent-decoding left to the service. */
  path: string;
  /** The raw query string after `?` (may be empty). Services parse it their own way (airtable.js uses brackets and `+`). */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface LocalResponse {
  status: number;
  headers?: Record<string, string>;
  /** A JSON-serialisable value, or raw bytes (for media downloads). */
  body?: unknown;
  /** Injected network faults: close the connection instead of answering (after `afterMs`). */
  drop?: { afterMs: number };
}

export interface RateLimitSettings {
  /** Requests allowed per second per unit (base for Airtable, token for Notion) before the speed factor. */
  requestsPerSecond: number;
  /** How long the unit stays blocked after going over (Airtable: 30 s), before the speed factor. */
  penaltyMs: number;
  enabled: boolean;
}

export interface WorkspaceSettings {
  /** Time scale for rate limits: 10 means limits are 10x higher and penalties 10x shorter. */
  speed: number;
  rateLimits: Record<ServiceName, RateLimitSettings>;
  /** Added to the wall clock for everything the services time (webhook expiry, timestamps): POST /__workspace/service-clock. */
  clockOffsetMs?: number;
}

export interface ServiceContext {
  db: Database.Database;
  /** The workspace directory (.workspace by default): SQLite file, drive/ tree, outbox/. */
  dir: string;
  settings: WorkspaceSettings;
  /** The server's own origin, e.g. http://127.0.0.1:4010, for URLs the service hands out. */
  origin: string;
  now(): number;
  /** Outgoing webhook deliveries (Airtable pings, Notion events); absent when the service runs without a server. */
  outbound?: Outbound;
}

export interface LocalService {
  name: ServiceName;
  /** True when the URL itself is the credential (chat webhooks): the server does not ask for the bearer token. */
  ownAuthentication?: boolean;
  /** True when this service serves the path (e.g. `/v0/` for Airtable). */
  matches(path: string): boolean;
  /** Create the service's tables if missing. Called once at start; must be idempotent. */
  migrate(db: Database.Database): void;
  /** Delete all the service's data (control plane reset). */
  reset(ctx: ServiceContext): void;
  /** The provider's answer for a status code (401 for a bad token, injected faults, internal errors). */
  errorResponse(status: number, message?: string): LocalResponse;
  /** The unit a rate limit applies to (Airtable: the base ID; Notion: the token), or undefined for none. */
  rateLimitKey(req: LocalRequest): string | undefined;
  /** The provider's over-the-limit answer (Airtable 429 RATE_LIMIT_REACHED, Notion 429 rate_limited + Retry-After). */
  rateLimitedResponse(retryAfterMs: number): LocalResponse;
  handle(req: LocalRequest, ctx: ServiceContext): LocalResponse | Promise<LocalResponse>;
}
