import { describe, expect, it } from 'vitest';
import {
  buildConfidentialityPolicy,
  clientAsSeenBySupplier,
  clientMayReadFactoryDocuments,
  leaksIn,
  supplierAsSeenByClient,
  type DisclosureRow,
} from '../../../src/domain/confidentiality/policy.ts';

const factory = {
  id: 'recFactory00000001',
  name: 'Ningbo Huamei Electric Appliance Co., Ltd.',
  nameLocal: '宁波华美电器有限公司',
  clientAlias: 'Factory NB-01',
  city: 'Ningbo',
  address: 'No. 18 Binhai Road, Cixi\nNingbo, Zhejiang 315300',
  contact: 'Chen Jianguo, export manager',
  email: 'chen@huamei.example',
  createdTime: '2026-01-01T00:00:00.000Z',
};
const plain = { id: 'recFactory00000002', name: 'Yiwu Jiale Crafts Co., Ltd.', createdTime: '2026-01-02T00:00:00.000Z' };
const client = { id: 'recClient000000001', name: 'Harborline Home', legalName: 'Harborline Home Goods LLC', address: '410 Market St, Portland', contactName: 'Jennifer Walsh' };

function policy(rows: DisclosureRow[]) {
  return buildConfidentialityPolicy({
    disclosures: rows,
    suppliers: [factory, plain],
    suppliersOfClient: new Map([[client.id, [factory.id, plain.id]]]),
  });
}
const row = (clientMaySee: string[], supplierMaySee: string[] = [], id = 'recRow000000000001'): DisclosureRow => ({
  id, label: 'Harborline × Huamei', client: client.id, supplier: factory.id, clientMaySee, supplierMaySee,
});

describe('supplierAsSeenByClient', () => {
  it.each([
    { rows: [], label: 'Factory NB-01', named: false, city: undefined, documents: false },
    { rows: [row(['City'])], label: 'Factory NB-01', named: false, city: 'Ningbo', documents: false },
    { rows: [row(['Name'])], label: factory.name, named: true, city: undefined, documents: false },
    { rows: [row(['Name', 'City', 'Address', 'Contact'])], label: factory.name, named: true, city: 'Ningbo', documents: true },
    // Two rows for one pair: only what both allow.
    { rows: [row(['Name', 'Address']), row(['Name'], [], 'recRow000000000002')], label: factory.name, named: true, city: undefined, documents: false },
  ])('$rows.length rows → $label', ({ rows, label, named, city, documents }) => {
    const p = policy(rows);
    const seen = supplierAsSeenByClient(p, client.id, factory.id);
    expect(seen.label).toBe(label);
    expect(seen.named).toBe(named);
    expect(seen.city).toBe(city);
    expect(clientMayReadFactoryDocuments(p, client.id, factory.id)).toBe(documents);
    expect(seen.hidden.includes(factory.name)).toBe(!named);
  });

  it('letters a supplier without alias per client, and reports a duplicate pair', () => {
    const p = policy([row([]), row([], [], 'recRow000000000002')]);
    expect(supplierAsSeenByClient(p, client.id, plain.id).label).toBe('Supplier A');
    expect(supplierAsSeenByClient(p, undefined, plain.id).label).toBe('Supplier');
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toContain('Disclosures Harborline × Huamei');
  });
});

describe('clientAsSeenBySupplier', () => {
  it.each([
    { sees: [], label: 'Pacific Bridge Sourcing', hidesName: true },
    { sees: ['Name'], label: 'Harborline Home Goods LLC', hidesName: false },
  ])('sees $sees → $label', ({ sees, label, hidesName }) => {
    const seen = clientAsSeenBySupplier(policy([row([], sees)]), factory.id, client, 'Pacific Bridge Sourcing');
    expect(seen.label).toBe(label);
    expect(seen.hidden.includes(client.name)).toBe(hidesName);
  });
});

describe('leaksIn', () => {
  const hidden = supplierAsSeenByClient(policy([]), client.id, factory.id).hidden;
  it.each([
    ['Supplier: Factory NB-01, Ningbo', []],
    ['MANUFACTURER: NINGBO HUAMEI  ELECTRIC APPLIANCE CO., LTD.', [factory.name]],
    ['ship from No. 18 Binhai Road, Cixi', [factory.address]],
    ['Origin: Zhejiang, China', []],
  ])('%s', (text, leaks) => {
    expect(leaksIn(text, hidden)).toEqual(leaks);
  });
});
