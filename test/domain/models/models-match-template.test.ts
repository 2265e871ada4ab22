import { describe, expect, it } from 'vitest';
import { ALL_MODELS } from '../../../src/domain/models/all-models.ts';
import { choicesOf } from '../../../src/domain/models/cells.ts';
import { loadBaseTemplate } from '../../../src/domain/template/base-template.ts';

const template = loadBaseTemplate();

describe('models and template agree', () => {
  it('has one model per template table', () => {
    expect(ALL_MODELS.map((m) => m.table)).toEqual(template.tables.map((t) => t.name));
  });

  it.each(ALL_MODELS.map((m) => [m.table, m] as const))('%s: same field names, same select options', (table, model) => {
    const fields = template.tables.find((t) => t.name === table)!.fields;
    expect(Object.values(model.fields).sort()).toEqual(fields.map((f) => f.name).sort());
    for (const field of fields) {
      if (field.type !== 'singleSelect' && field.type !== 'multipleSelects') continue;
      const key = Object.entries(model.fields).find(([, name]) => name === field.name)![0];
      const cell = Object.entries(model.schema.shape).find(([k]) => k === key)![1];
      expect(choicesOf(cell), `${table}.${field.name}`).toEqual(field.options.choices.map((c) => c.name));
      // Every template option parses; a made-up option does not.
      for (const choice of field.options.choices) {
        const value = field.type === 'singleSelect' ? choice.name : [choice.name];
        expect(cell.safeParse(value).success, `${table}.${field.name} = ${choice.name}`).toBe(true);
      }
      const bogus = field.type === 'singleSelect' ? 'Not an option' : ['Not an option'];
      expect(cell.safeParse(bogus).success, `${table}.${field.name}`).toBe(false);
    }
  });
});
