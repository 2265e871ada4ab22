import { describe, expect, it } from 'vitest';
import { hiddenInFreeText, withheldUpdates } from '../../../src/domain/confidentiality/client-visible-updates.ts';
import { buildConfidentialityPolicy } from '../../../src/domain/confidentiality/policy.ts';
import { tradeNameOf } from '../../../src/domain/confidentiality/trade-name.ts';

describe('tradeNameOf: the word staff type for a factory', () => {
  it.each([
    ['Ningbo Huamei Electric Appliance Co., Ltd.', 'Ningbo (Cixi)', 'Huamei'],
    ['Dongguan Hongda Bags & Luggage Co., Ltd.', '', 'Hongda'],
    ['Foshan Shunde Meijia Kitchenware Co., Ltd.', 'Foshan (Shunde)', 'Meijia'],
    ['Anji Zhuyun Bamboo Homeware Co., Ltd.', 'Anji, Huzhou', 'Zhuyun'],
    ['Zhejiang Ningbo Electric Co., Ltd.', '', undefined], // no trade name: the first own word is generic
    ['Yiwu Li Crafts Co., Ltd.', '', undefined], // too short to search for without false alarms
    ['Acme Industrial', '', 'Acme'],
  ])('%s (%s) → %s', (name, place, expected) => {
    expect(tradeNameOf(name, place)).toBe(expected);
  });
});

describe('withheldUpdates: free text about a factory the client may not know', () => {
  const policy = buildConfidentialityPolicy({
    disclosures: [{ id: 'd1', client: 'recKuechen', supplier: 'recHuamei', clientMaySee: ['Name'], supplierMaySee: [], label: 'Küchenwerk × Huamei' }],
    suppliers: [{ id: 'recHuamei', name: 'Ningbo Huamei Electric Appliance Co., Ltd.', city: 'Ningbo (Cixi)', contact: 'Mr. Wang Lei', phone: '+86 574 6321 8899' }],
    suppliersOfClient: new Map([['recHarbor', ['recHuamei']], ['recKuechen', ['recHuamei']]]),
  });
  const update = (id: string, text: string, extra: Partial<{ visibleToClient: boolean; photos: { filename: string }[]; update: string }> = {}) => ({
    id, po: 'recPo', update: extra.update ?? `PO-2405 · ${id}`, text, photos: extra.photos ?? [], visibleToClient: extra.visibleToClient ?? true,
  });
  const harbor = (poId: string) => hiddenInFreeText(policy, 'recHarbor', poId === 'recPo' ? 'recHuamei' : undefined);
  const kuechen = (poId: string) => hiddenInFreeText(policy, 'recKuechen', poId === 'recPo' ? 'recHuamei' : undefined);

  it.each([
    ['the trade name in the text', update('u1', 'Huamei finished the motor housings'), ['Huamei']],
    ['the trade name, any case', update('u2', 'HUAMEI line 3 is running'), ['Huamei']],
    ['the contact person', update('u3', 'Call with Mr. Wang Lei went well'), ['Mr. Wang Lei']],
    ['a photo file name', update('u4', 'Line photos', { photos: [{ filename: 'huamei_line3.jpg' }] }), ['Huamei']],
    ['the update title', update('u5', 'Cartons printed', { update: 'Huamei cartons' }), ['Huamei']],
    ['nothing hidden', update('u6', 'Cartons printed, drop test passed'), []],
  ])('%s', (_label, u, leaks) => {
    const withheld = withheldUpdates([u], harbor);
    expect(withheld.flatMap((w) => w.leaks)).toEqual(leaks);
  });

  it('an update the client will not see anyway is never flagged', () => {
    expect(withheldUpdates([update('u7', 'Huamei is late', { visibleToClient: false })], harbor)).toEqual([]);
  });

  it('a client allowed to know the factory reads its name; its contact stays hidden', () => {
    expect(withheldUpdates([update('u8', 'Huamei finished the motor housings')], kuechen)).toEqual([]);
    expect(withheldUpdates([update('u9', 'Mr. Wang Lei confirmed')], kuechen).flatMap((w) => w.leaks)).toEqual(['Mr. Wang Lei']);
  });
});
