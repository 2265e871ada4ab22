/** Pure rules of the supplier portal: link signing, content sniffing, the ship-by effect of a proposal, the asks. */
import { describe, expect, it } from 'vitest';
import { signLink, supplierTag, verifyLink } from '../../../src/domain/supplier-portal/portal-link.ts';
import { shipByEffect } from '../../../src/domain/supplier-portal/ship-by-effect.ts';
import { sniffMediaType } from '../../../src/web/supplier-portal/media-type.ts';

const SECRET = 'unit-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
const NOW = new Date('2026-12-04T08:00:00Z');
const suppliers = [
  { supplierId: 'recSupplierA0000001', keyVersion: 1 },
  { supplierId: 'recSupplierB0000002', keyVersion: 3 },
];

describe('portal links', () => {
  const good = signLink(SECRET, suppliers[0]!, new Date('2027-01-01T00:00:00Z'));
  it.each([
    ['a fresh link', good, NOW, suppliers, { ok: true }],
    ['after its expiry', good, new Date('2027-01-02T00:00:00Z'), suppliers, { ok: false, reason: 'expired' }],
    ['after a key bump', good, NOW, [{ ...suppliers[0]!, keyVersion: 2 }, suppliers[1]!], { ok: false, reason: 'revoked' }],
    ['signed with another secret', signLink(`${SECRET}x`, suppliers[0]!, new Date('2027-01-01T00:00:00Z')), NOW, suppliers, { ok: false, reason: 'forged' }],
    ['for a deleted supplier', good, NOW, [suppliers[1]!], { ok: false, reason: 'unknown' }],
    ['cut short', good.slice(0, -5), NOW, suppliers, { ok: false, reason: 'malformed' }],
  ] as const)('%s', (_label, token, now, list, expected) => {
    expect(verifyLink(SECRET, token, now, list)).toMatchObject(expected);
  });

  it('never contains the record ID', () => {
    expect(good).not.toContain('recSupplierA');
    expect(good.startsWith(supplierTag(SECRET, 'recSupplierA0000001'))).toBe(true);
  });
});

describe('upload types, by content', () => {
  const ftyp = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from(`ftyp${brand}`, 'latin1')]);
  it.each([
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]), 'image/jpeg'],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), 'image/png'],
    ['WebP', Buffer.from('RIFF\x00\x00\x00\x00WEBP', 'latin1'), 'image/webp'],
    ['HEIC', ftyp('heic'), 'image/heic'],
    ['MP4', ftyp('isom'), 'video/mp4'],
    ['MOV', ftyp('qt  '), 'video/quicktime'],
    ['a Windows executable', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00', 'latin1'), undefined],
    ['HTML', Buffer.from('<html><script>', 'latin1'), undefined],
    ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3', 'latin1'), undefined],
  ])('%s', (_label, head, mime) => {
    expect(sniffMediaType(head)?.mimeType).toBe(mime);
  });
});

describe('ship-by effect of a proposed date', () => {
  const plan = [
    { kind: 'Production start' as const, plannedDate: '2027-01-01' },
    { kind: 'Production complete' as const, plannedDate: '2027-01-20' },
    { kind: 'PSI' as const, plannedDate: '2027-01-22' },
    { kind: 'ETD' as const, plannedDate: '2027-01-28' },
  ];
  it.each([
    ['a slip passed on in full', { kind: 'Production complete' as const, date: '2027-01-25' }, '2027-02-01', { shipAfter: '2027-02-02', slipDays: 5, keepsShipBy: false }],
    ['a slip within the ship-by date', { kind: 'Production complete' as const, date: '2027-01-22' }, '2027-02-01', { shipAfter: '2027-01-30', slipDays: 2, keepsShipBy: true }],
    ['an earlier date moves nothing later', { kind: 'Production start' as const, date: '2026-12-28' }, '2027-02-01', { shipAfter: '2027-01-28', slipDays: 0, keepsShipBy: true }],
    ['no ship-by: nothing to miss', { kind: 'Production complete' as const, date: '2027-03-01' }, undefined, { keepsShipBy: true }],
  ])('%s', (_label, change, shipBy, expected) => {
    expect(shipByEffect(plan, change, shipBy)).toMatchObject(expected);
  });

  it('stops at a later step that already happened', () => {
    const done = plan.map((m) => (m.kind === 'PSI' ? { ...m, actualDate: '2027-01-21' } : m));
    expect(shipByEffect(done, { kind: 'Production complete', date: '2027-01-25' }, '2027-02-01')).toMatchObject({ shipAfter: '2027-01-28', slipDays: 0 });
  });
});
