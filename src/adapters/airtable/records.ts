/**
 * Records of one base through the official airtable.js client (reads paged by 100, writes batched by 10).
 * airtable.js's own 429 retry is turned off (it retries forever with jitter); the connection's gate pauses
 * 30 s instead, as Airtable asks.
 */
import Airtable from 'airtable';
// The SDK's query-string encoder (what makeRequest puts in the URL), to measure a request before choosing GET or POST.
import objectToQueryParamString from 'airtable/lib/object_to_query_param_string.js';
import type {
  AirtableRecord,
  AirtableRecordsPort,
  Fields,
  ListOptions,
  UpsertResult,
  WriteOptions,
} from '../../ports/airtable.ts';
import type { AirtableConnection } from './connection.ts';
import { AirtableApiError } from './errors.ts';
import { equalsFormula, recordIdsFormula } from './formula.ts';

const MAX_WRITE_BATCH = 10;
const PAGE_SIZE = 100;
/**
 * airtable.js's own select() switches to POST listRecords past 15,000 characters of path and query string (its
 * URL_CHARACTER_LENGTH_LIMIT); requests made here do the same, measured with the SDK's own query encoding. Servers
 * refuse longer request lines (Node answers 431 past 16 KB of headers).
 */
const URL_CHARACTER_LENGTH_LIMIT = 15_000;

interface SdkRecord {
  id: string;
  _rawJson: { id: string; createdTime: string; fields: Fields };
}

function toRecord(record: SdkRecord): AirtableRecord {
  return { id: record.id, createdTime: record._rawJson.createdTime, fields: record._rawJson.fields ?? {} };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export class AirtableRecordsAdapter implements AirtableRecordsPort {
  private readonly base: Airtable.Base;

  constructor(
    private readonly connection: AirtableConnection,
    readonly baseId: string,
  ) {
    const { endpointUrl, apiKey } = connection.options;
    // A hung request ends after 60 s as a CONNECTION_ERROR, which the connection retries for safe calls.
    this.base = new Airtable({ apiKey, endpointUrl, noRetryIfRateLimited: true, requestTimeout: 60_000 }).base(baseId);
  }

  // https://airtable.com/developers/web/api/list-records (every page, collected)
  async list(table: string, options: ListOptions = {}): Promise<AirtableRecord[]> {
    const records: AirtableRecord[] = [];
    await this.listPages(table, options, (page) => records.push(...page));
    return records;
  }

  // https://airtable.com/developers/web/api/list-records
  // Pages go through airtable.js's base.makeRequest so each page is one gated, counted request and the offset
  // stays in our hands (Query.eachPage hides both). Long formulas switch to POST listRecords as airtable.js does.
  async listPages(table: string, options: ListOptions, onPage: (rows: AirtableRecord[]) => void): Promise<void> {
    const params: Record<string, unknown> = { pageSize: PAGE_SIZE };
    if (options.fields) params['fields'] = options.fields;
    if (options.sort) params['sort'] = options.sort.map((s) => ({ field: s.field, direction: s.direction ?? 'asc' }));
    if (options.view) params['view'] = options.view;
    if (options.maxRecords !== undefined) params['maxRecords'] = options.maxRecords;
    const formula = options.recordIds ? recordIdsFormula(options.recordIds) : equalsFormula(options.matchAny ?? []);
    if (formula) params['filterByFormula'] = formula;
    const path = `/${encodeURIComponent(table)}`;
    // Measured as sent: percent-encoding can double a formula's length (Chinese text takes 9 characters per letter).
    const usePost = path.length + objectToQueryParamString(params).length > URL_CHARACTER_LENGTH_LIMIT;
    let offset: string | undefined;
    do {
      const pageParams = offset === undefined ? params : { ...params, offset };
      const response = await this.connection.call(this.baseId, 'list', () =>
        usePost
          ? this.base.makeRequest({ method: 'POST', path: `${path}/listRecords`, body: pageParams })
          : this.base.makeRequest({ method: 'GET', path, qs: pageParams }),
      );
      const body = response.body as { records: AirtableRecord[]; offset?: string };
      onPage(body.records.map((r) => ({ id: r.id, createdTime: r.createdTime, fields: r.fields ?? {} })));
      offset = body.offset;
    } while (offset !== undefined);
  }

  // https://airtable.com/developers/web/api/create-records
  async create(table: string, rows: Fields[], options: WriteOptions = {}): Promise<AirtableRecord[]> {
    const created: AirtableRecord[] = [];
    for (const [index, batch] of chunks(rows, MAX_WRITE_BATCH).entries()) {
      let result;
      try {
        result = await this.connection.call(this.baseId, 'create', () =>
          this.base.table(table).create(batch.map((fields) => ({ fields: fields as Airtable.FieldSet })), { typecast: options.typecast ?? false }),
        );
      } catch (error) {
        // Airtable refused the rows (4xx): its message names the field; nothing was written.
        if (error instanceof AirtableApiError && error.status >= 400 && error.status < 500) throw error;
        // Not retried (a create whose answer was lost may have happened): name what is left for the next run.
        const left = rows.length - index * MAX_WRITE_BATCH;
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `Airtable create in "${table}" failed with ${left} of ${rows.length} record(s) not confirmed (${reason}); ` +
            `the next run finds any that were written by their keys and creates the rest`,
          { cause: error },
        );
      }
      created.push(...(result as unknown as SdkRecord[]).map(toRecord));
    }
    return created;
  }

  // https://airtable.com/developers/web/api/update-multiple-records
  async update(table: string, rows: { id: string; fields: Fields }[], options: WriteOptions = {}): Promise<AirtableRecord[]> {
    const updated: AirtableRecord[] = [];
    for (const batch of chunks(rows, MAX_WRITE_BATCH)) {
      const result = await this.connection.call(this.baseId, 'update', () =>
        this.base.table(table).update(batch.map((r) => ({ id: r.id, fields: r.fields as Airtable.FieldSet })), { typecast: options.typecast ?? false }),
      );
      updated.push(...(result as unknown as SdkRecord[]).map(toRecord));
    }
    return updated;
  }

  // https://airtable.com/developers/web/api/update-multiple-records (performUpsert). The records methods of
  // airtable.js drop createdRecords/updatedRecords from the answer, so this uses base.makeRequest.
  async upsert(table: string, rows: Fields[], fieldsToMergeOn: string[], options: WriteOptions = {}): Promise<UpsertResult> {
    const result: UpsertResult = { records: [], createdRecords: [], updatedRecords: [] };
    for (const batch of chunks(rows, MAX_WRITE_BATCH)) {
      const response = await this.connection.call(this.baseId, 'upsert', () =>
        this.base.makeRequest({
          method: 'PATCH',
          path: `/${encodeURIComponent(table)}`,
          body: {
            performUpsert: { fieldsToMergeOn },
            records: batch.map((fields) => ({ fields })),
            typecast: options.typecast ?? false,
          },
        }),
      );
      const body = response.body as UpsertResult;
      result.records.push(...body.records.map((r) => ({ id: r.id, createdTime: r.createdTime, fields: r.fields ?? {} })));
      result.createdRecords.push(...(body.createdRecords ?? []));
      result.updatedRecords.push(...(body.updatedRecords ?? []));
    }
    return result;
  }

  // https://airtable.com/developers/web/api/delete-multiple-records
  async delete(table: string, ids: string[]): Promise<string[]> {
    const deleted: string[] = [];
    for (const batch of chunks(ids, MAX_WRITE_BATCH)) {
      const result = await this.connection.call(this.baseId, 'delete', () => this.base.table(table).destroy(batch));
      deleted.push(...(result as unknown as { id: string }[]).map((r) => r.id));
    }
    return deleted;
  }
}
