import { describe, expect, it } from 'vitest';
import { parseQuery, readListParams } from '../../../src/local/airtable/query-params.ts';

describe('parseQuery reads airtable.js’s jQuery-param query strings', () => {
  it.each([
    ['', {}],
    ['fields%5B%5D=A&fields%5B%5D=B', { fields: ['A', 'B'] }],
    ['sort%5B0%5D%5Bfield%5D=Name&sort%5B0%5D%5Bdirection%5D=desc', { sort: { '0': { field: 'Name', direction: 'desc' } } }],
    ['filterByFormula=%7BName%7D+%3D+%27a+b%27', { filterByFormula: "{Name} = 'a b'" }],
    ['records%5B%5D=rec1&records%5B%5D=rec2', { records: ['rec1', 'rec2'] }],
    ['offset=&limit=100', { offset: '', limit: '100' }],
    ['a%2Bb=1%2B1', { 'a+b': '1+1' }],
  ])('%s', (raw, parsed) => {
    expect(parseQuery(raw)).toEqual(parsed);
  });

  it('turns bad percent-encoding into Airtable’s 422', () => {
    expect(() => parseQuery('filterByFormula=%E0%A4%A')).toThrow(/malformed percent-encoding/);
  });
});

describe('readListParams', () => {
  it('normalises a query and a POST body to the same parameters', () => {
    const fromQuery = readListParams(parseQuery('pageSize=10&sort%5B0%5D%5Bfield%5D=Qty&fields%5B%5D=Qty&returnFieldsByFieldId=true'));
    const fromBody = readListParams({ pageSize: 10, sort: [{ field: 'Qty' }], fields: ['Qty'], returnFieldsByFieldId: true, method: 'post' });
    expect(fromQuery).toEqual(fromBody);
    expect(fromBody).toMatchObject({ pageSize: 10, sort: [{ field: 'Qty', direction: 'asc' }], fields: ['Qty'], returnFieldsByFieldId: true });
  });

  it.each([
    [{ pageSize: 101 }, /between 1 and 100/],
    [{ pageSize: 'ten' }, /integer/],
    [{ sort: [{ field: 'Qty', direction: 'up' }] }, /direction/],
    [{ cellFormat: 'xml' }, /cellFormat/],
    [{ recordMetadata: ['likes'] }, /commentCount/],
    [{ colour: 'red' }, /Unknown parameter "colour"/],
  ])('refuses %j', (input, message) => {
    expect(() => readListParams(input)).toThrow(message);
  });
});
