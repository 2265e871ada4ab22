/**
 * Airtable's Meta API through fetch (airtable.js cannot reach /v0/meta: its paths are always under a base).
 * https://airtable.com/developers/web/api/get-base-schema and neighbours.
 */
import type { AirtableMetaPort, FieldSpec, TableSchema, TableSpec } from '../../ports/airtable.ts';
import type { AirtableConnection } from './connection.ts';

const META_GATE = 'meta';

export class AirtableMetaAdapter implements AirtableMetaPort {
  constructor(private readonly connection: AirtableConnection) {}

  // https://airtable.com/developers/web/api/list-bases
  async listBases(): Promise<{ id: string; name: string }[]> {
    const bases: { id: string; name: string }[] = [];
    let offset: string | undefined;
    do {
      const query = offset ? `?offset=${encodeURIComponent(offset)}` : '';
      const body = await this.connection.fetchJson<{ bases: { id: string; name: string }[]; offset?: string }>(
        META_GATE,
        'meta.listBases',
        'GET',
        `/v0/meta/bases${query}`,
      );
      bases.push(...body.bases.map((b) => ({ id: b.id, name: b.name })));
      offset = body.offset;
    } while (offset);
    return bases;
  }

  // https://airtable.com/developers/web/api/create-base
  createBase(name: string, workspaceId: string, tables: TableSpec[]): Promise<{ id: string; tables: TableSchema[] }> {
    return this.connection.fetchJson(META_GATE, 'meta.createBase', 'POST', '/v0/meta/bases', { name, workspaceId, tables });
  }

  // https://airtable.com/developers/web/api/get-base-schema
  async getSchema(baseId: string): Promise<TableSchema[]> {
    const body = await this.connection.fetchJson<{ tables: TableSchema[] }>(
      baseId,
      'meta.getSchema',
      'GET',
      `/v0/meta/bases/${baseId}/tables`,
    );
    return body.tables;
  }

  // https://airtable.com/developers/web/api/create-table
  createTable(baseId: string, table: TableSpec): Promise<TableSchema> {
    return this.connection.fetchJson(baseId, 'meta.createTable', 'POST', `/v0/meta/bases/${baseId}/tables`, table);
  }

  // https://airtable.com/developers/web/api/create-field
  createField(baseId: string, tableId: string, field: FieldSpec): Promise<FieldSpec & { id: string }> {
    return this.connection.fetchJson(
      baseId,
      'meta.createField',
      'POST',
      `/v0/meta/bases/${baseId}/tables/${tableId}/fields`,
      field,
    );
  }
}
