/**
 * Airtable Web API, as airtable.js 0.12.2 and plain fetch call it (see ../shared/reference/wire-apis.md §A).
 */
import type { LocalRequest, LocalResponse, LocalService } from '../types.ts';

export function airtableError(status: number, type: string, message?: string): LocalResponse {
  return { status, body: { error: message === undefined ? { type } : { type, message } } };
}

export function airtableService(): LocalService {
  return {
    name: 'airtable',
    matches: (path) => path.startsWith('/v0/'),
    migrate: () => {},
    reset: () => {},
    errorResponse(status, message) {
      switch (status) {
        case 401:
          return airtableError(401, 'AUTHENTICATION_REQUIRED', 'Authentication required');
        case 429:
          return airtableError(429, 'RATE_LIMIT_REACHED', 'Rate limit exceeded. Please try again later');
        case 503:
          return airtableError(503, 'RETRIABLE_ERROR', message ?? 'Service unavailable');
        default:
          return airtableError(status, status >= 500 ? 'SERVER_ERROR' : 'INVALID_REQUEST_UNKNOWN', message ?? `HTTP ${status}`);
      }
    },
    rateLimitKey: (req: LocalRequest) => /^\/v0\/(app[A-Za-z0-9]{14})/.exec(req.path)?.[1],
    rateLimitedResponse: () => airtableError(429, 'RATE_LIMIT_REACHED', 'Rate limit exceeded. Please try again later'),
    handle: () => airtableError(404, 'NOT_FOUND', 'Could not find what you are looking for'),
  };
}
