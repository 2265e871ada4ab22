/**
 * Provisioning: create the PO base from the template, or bring an existing base up to the template.
 * It only ever adds: missing tables, missing fields, missing link fields. An existing field with another type is
 * reported, never changed; no record and no field is deleted or rewritten.
 *
 * Link fields are created last, with the linked table's ID, because Airtable creates the inverse field in the
 * linked table by itself (https://airtable.com/developers/web/api/field-model#foreignkey).
 */
import type { AirtableMetaPort, FieldSpec, TableSchema, TableSpec } from '../ports/airtable.ts';

export interface ProvisionInput {
  baseName: string;
  workspaceId: string;
  /** Tables as in the template: link fields carry the linked table's NAME in options.linkedTableId. */
  tables: TableSpec[];
  /** Provision this base instead of finding one by name. */
  baseId?: string;
}

export interface ProvisionResult {
  baseId: string;
  createdBase: boolean;
  tablesCreated: string[];
  /** "Table.Field" for every field added. */
  fieldsCreated: string[];
  /** Differences left alone on purpose (e.g. a field of another type): a person decides. */
  problems: string[];
  schema: TableSchema[];
}

const LINK = 'multipleRecordLinks';

// One collator for every comparison: localeCompare with options builds a new one per call, which made a
// no-op provisioning run spend ~40 ms comparing names (measured in the functions' cold start).
const collator = new Intl.Collator(undefined, { sensitivity: 'accent' });
const sameName = (a: string, b: string) => collator.compare(a, b) === 0;

function withoutLinks(table: TableSpec): TableSpec {
  return { ...table, fields: table.fields.filter((f) => f.type !== LINK) };
}

export async function provisionBase(meta: AirtableMetaPort, input: ProvisionInput): Promise<ProvisionResult> {
  const result: ProvisionResult = {
    baseId: input.baseId ?? '',
    createdBase: false,
    tablesCreated: [],
    fieldsCreated: [],
    problems: [],
    schema: [],
  };

  if (!result.baseId) {
    const existing = (await meta.listBases()).find((b) => sameName(b.name, input.baseName));
    if (existing) {
      result.baseId = existing.id;
    } else {
      const created = await meta.createBase(input.baseName, input.workspaceId, input.tables.map(withoutLinks));
      result.baseId = created.id;
      result.createdBase = true;
      result.tablesCreated.push(...input.tables.map((t) => t.name));
    }
  }

  let schema = await meta.getSchema(result.baseId);
  for (const table of input.tables) {
    if (schema.some((t) => sameName(t.name, table.name))) continue;
    schema.push(await meta.createTable(result.baseId, withoutLinks(table)));
    result.tablesCreated.push(table.name);
  }

  for (const table of input.tables) {
    for (const field of table.fields.filter((f) => f.type !== LINK)) {
      await ensureField(meta, result, schema, table.name, field);
    }
  }
  for (const table of input.tables) {
    for (const field of table.fields.filter((f) => f.type === LINK)) {
      const targetName = String(field.options?.['linkedTableId'] ?? '');
      const target = schema.find((t) => sameName(t.name, targetName));
      if (!target) {
        result.problems.push(`${table.name}: link field "${field.name}" points to unknown table "${targetName}"`);
        continue;
      }
      await ensureField(meta, result, schema, table.name, { ...field, options: { ...field.options, linkedTableId: target.id } });
    }
  }

  // Inverse link fields appear only in a fresh read of the schema.
  if (result.fieldsCreated.length > 0 || result.tablesCreated.length > 0) schema = await meta.getSchema(result.baseId);
  result.schema = schema;
  return result;
}

async function ensureField(
  meta: AirtableMetaPort,
  result: ProvisionResult,
  schema: TableSchema[],
  tableName: string,
  field: FieldSpec,
): Promise<void> {
  const table = schema.find((t) => sameName(t.name, tableName));
  if (!table) return;
  const existing = table.fields.find((f) => sameName(f.name, field.name));
  if (existing) {
    if (existing.type !== field.type) {
      result.problems.push(
        `${tableName}: field "${existing.name}" is ${existing.type} in the base but ${field.type} in the template; left as it is`,
      );
    }
    return;
  }
  const created = await meta.createField(result.baseId, table.id, field);
  table.fields.push(created);
  result.fieldsCreated.push(`${tableName}.${field.name}`);
}
