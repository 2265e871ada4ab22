/** The shipped template and sample agency, in the shapes the setup job takes. */
import type { TableRows } from '../jobs/load-records.ts';
import type { TableSpec } from '../ports/airtable.ts';
import { readSampleAgency } from '../domain/sample/sample-file.ts';
import { resolveSampleAgency } from '../domain/sample/resolve-sample.ts';
import { loadBaseTemplate } from '../domain/template/base-template.ts';

export function loadTemplateTables(): TableSpec[] {
  return loadBaseTemplate().tables.map((table) => ({
    name: table.name,
    description: table.description,
    fields: table.fields.map((f) => ({ ...f, options: 'options' in f ? (f.options as Record<string, unknown>) : undefined })),
  }));
}

/** The sample agency with its relative dates resolved against `today` (YYYY-MM-DD). */
export function loadSampleRows(today: string): TableRows[] {
  return resolveSampleAgency(readSampleAgency(), today, { template: loadBaseTemplate() });
}
