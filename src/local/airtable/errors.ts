/**
 * Airtable's error envelope and the error types the emulator answers with.
 * https://airtable.com/developers/web/api/errors
 *
 * Handlers throw `AirtableApiError`; service.ts renders it once. Types and message texts follow what the real API
 * sends (see wire-apis.md §A3), with a short pointer to the record appended where a batch is involved, so that a
 * bad row is easy to find.
 */
import type { LocalResponse } from '../types.ts';

export class AirtableApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    /** Undefined for the few errors Airtable sends without a message (LIST_RECORDS_ITERATOR_NOT_AVAILABLE). */
    readonly detail?: string,
  ) {
    super(detail ?? type);
  }
}

export function airtableError(status: number, type: string, message?: string): LocalResponse {
  return { status, body: { error: message === undefined ? { type } : { type, message } } };
}

export function renderError(error: AirtableApiError): LocalResponse {
  return airtableError(error.status, error.type, error.detail);
}

const INVALID_REQUEST = 'Invalid request: parameter validation failed. Check your request data.';

/** 422 INVALID_REQUEST_UNKNOWN, Airtable's answer to a malformed parameter or body; `why` says what was wrong. */
export function invalidRequest(why?: string): AirtableApiError {
  return new AirtableApiError(422, 'INVALID_REQUEST_UNKNOWN', why === undefined ? INVALID_REQUEST : `${INVALID_REQUEST} ${why}`);
}

export function notFound(message = 'Could not find what you are looking for'): AirtableApiError {
  return new AirtableApiError(404, 'NOT_FOUND', message);
}

export function unknownFieldName(name: string): AirtableApiError {
  return new AirtableApiError(422, 'UNKNOWN_FIELD_NAME', `Unknown field name: "${name}"`);
}

export function invalidRecords(why?: string): AirtableApiError {
  const base = 'You must provide an array of up to 10 record objects';
  return new AirtableApiError(422, 'INVALID_RECORDS', why === undefined ? base : `${base} (${why})`);
}

export function rowDoesNotExist(recordId: string, tableName: string): AirtableApiError {
  return new AirtableApiError(422, 'ROW_DOES_NOT_EXIST', `Record ID ${recordId} does not exist in table "${tableName}"`);
}

export function iteratorNotAvailable(): AirtableApiError {
  return new AirtableApiError(422, 'LIST_RECORDS_ITERATOR_NOT_AVAILABLE');
}

export function invalidFormula(message: string): AirtableApiError {
  return new AirtableApiError(422, 'INVALID_FILTER_BY_FORMULA', `The formula for filtering records is invalid: ${message}`);
}

export function rateLimited(): LocalResponse {
  return airtableError(429, 'RATE_LIMIT_REACHED', 'Rate limit exceeded. Please try again later');
}
