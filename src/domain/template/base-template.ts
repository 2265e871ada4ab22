/**
 * The Airtable base template (workspace-templates/airtable-base.json) and its zod schema. The file has the shape of
 * Airtable's create-base request (https://airtable.com/developers/web/api/create-base) with field options in the
 * write format (https://airtable.com/developers/web/api/field-model), except that link fields name their target
 * table (`options.linkedTableId: "Suppliers"`); provisioning swaps names for IDs and creates link fields last.
 *
 * Each link is declared once, on the "many" side; Airtable adds the inverse field to the linked table by itself.
 * Fields whose description starts with "[system]" are written by jobs, not people.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const COLOR = z.string().regex(/^(blue|cyan|teal|green|yellow|orange|red|pink|purple|gray)(Light2|Light1|Bright|Dark1)$/, {
  error: 'is not an Airtable choice colour such as greenBright',
});
const precision = (max: number) => z.object({ precision: z.number().int().min(0).max(max) }).strict();
const dateFormat = z.object({
  name: z.enum(['iso', 'local', 'friendly', 'us', 'european']),
  format: z.string().optional(),
});
const base = { name: z.string().trim().min(1), description: z.string().max(20_000).optional() };
const noOptions = <T extends string>(type: T) => z.object({ ...base, type: z.literal(type) }).strict();

const Choices = z
  .object({ choices: z.array(z.object({ name: z.string().min(1), color: COLOR.optional() }).strict()).min(1) })
  .strict()
  .refine((o) => new Set(o.choices.map((c) => c.name)).size === o.choices.length, { error: 'has the same choice twice' });

export const TemplateField = z.discriminatedUnion('type', [
  noOptions('singleLineText'),
  noOptions('multilineText'),
  noOptions('richText'),
  noOptions('email'),
  noOptions('url'),
  noOptions('phoneNumber'),
  noOptions('multipleAttachments'),
  z.object({ ...base, type: z.literal('number'), options: precision(8) }).strict(),
  z.object({ ...base, type: z.literal('percent'), options: precision(8) }).strict(),
  z.object({ ...base, type: z.literal('currency'), options: z.object({ precision: z.number().int().min(0).max(7), symbol: z.string().min(1) }).strict() }).strict(),
  z.object({ ...base, type: z.literal('checkbox'), options: z.object({ icon: z.string().min(1), color: COLOR }).strict() }).strict(),
  z.object({ ...base, type: z.literal('singleSelect'), options: Choices }).strict(),
  z.object({ ...base, type: z.literal('multipleSelects'), options: Choices }).strict(),
  z.object({ ...base, type: z.literal('date'), options: z.object({ dateFormat }).strict() }).strict(),
  z
    .object({
      ...base,
      type: z.literal('dateTime'),
      options: z.object({ dateFormat, timeFormat: z.object({ name: z.enum(['12hour', '24hour']) }), timeZone: z.string().min(1) }).strict(),
    })
    .strict(),
  z.object({ ...base, type: z.literal('rating'), options: z.object({ icon: z.string(), max: z.number().int().min(1).max(10), color: COLOR }).strict() }).strict(),
  z
    .object({
      ...base,
      type: z.literal('multipleRecordLinks'),
      /** The linked table's NAME in the template; an ID once provisioning has resolved it. */
      options: z.object({ linkedTableId: z.string().min(1), viewIdForRecordSelection: z.string().optional() }).strict(),
    })
    .strict(),
]);
export type TemplateField = z.infer<typeof TemplateField>;
export type FieldType = TemplateField['type'];

/** Types Airtable accepts as a table's primary (first) field. */
export const PRIMARY_FIELD_TYPES: readonly FieldType[] = [
  'singleLineText',
  'multilineText',
  'email',
  'url',
  'phoneNumber',
  'number',
  'currency',
  'percent',
  'date',
  'dateTime',
];

export const TemplateTable = z.object({
  name: z.string().trim().min(1),
  description: z.string().max(20_000).optional(),
  fields: z.array(TemplateField).min(1),
});
export type TemplateTable = z.infer<typeof TemplateTable>;

const lower = (s: string) => s.toLowerCase();

export const BaseTemplate = z
  .object({ name: z.string().trim().min(1), tables: z.array(TemplateTable).min(1) })
  .strict()
  .superRefine((template, ctx) => {
    const tableNames = new Set<string>();
    template.tables.forEach((table, ti) => {
      if (tableNames.has(lower(table.name))) {
        ctx.addIssue({ code: 'custom', path: ['tables', ti, 'name'], message: `table "${table.name}" is declared twice` });
      }
      tableNames.add(lower(table.name));
    });
    template.tables.forEach((table, ti) => {
      const [primary] = table.fields;
      if (primary && !PRIMARY_FIELD_TYPES.includes(primary.type)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tables', ti, 'fields', 0],
          message: `${table.name}: the first field "${primary.name}" is the primary field and cannot be ${primary.type}`,
        });
      }
      const fieldNames = new Set<string>();
      table.fields.forEach((field, fi) => {
        // Airtable compares field names without regard to case.
        if (fieldNames.has(lower(field.name))) {
          ctx.addIssue({ code: 'custom', path: ['tables', ti, 'fields', fi], message: `${table.name}: field "${field.name}" is declared twice` });
        }
        fieldNames.add(lower(field.name));
        if (field.type === 'multipleRecordLinks' && !tableNames.has(lower(field.options.linkedTableId))) {
          ctx.addIssue({
            code: 'custom',
            path: ['tables', ti, 'fields', fi],
            message: `${table.name}: link field "${field.name}" points to "${field.options.linkedTableId}", which is not a table of the template`,
          });
        }
      });
    });
  });
export type BaseTemplate = z.infer<typeof BaseTemplate>;

/** Thrown for a template that does not validate; the message lists every problem with its JSON path. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/** Validates a parsed template (e.g. from a test or another file). */
export function parseBaseTemplate(json: unknown, source = 'template'): BaseTemplate {
  const parsed = BaseTemplate.safeParse(json);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`);
  throw new TemplateError(`${source} is not a valid base template:\n${lines.join('\n')}`);
}

export const DEFAULT_TEMPLATE_PATH = fileURLToPath(new URL('../../../workspace-templates/airtable-base.json', import.meta.url));

let cached: BaseTemplate | undefined;

/**
 * Reads and validates the base template. The shipped template is read once per process (it is static data, part
 * of the code), which keeps the rest of the domain free of I/O.
 */
export function loadBaseTemplate(path: string = DEFAULT_TEMPLATE_PATH): BaseTemplate {
  if (path === DEFAULT_TEMPLATE_PATH && cached) return cached;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TemplateError(`${path} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const template = parseBaseTemplate(json, path);
  if (path === DEFAULT_TEMPLATE_PATH) cached = template;
  return template;
}

/** True for fields the jobs write ("[system]" at the start of the description). */
export function isSystemField(field: TemplateField): boolean {
  return field.description?.startsWith('[system]') ?? false;
}
