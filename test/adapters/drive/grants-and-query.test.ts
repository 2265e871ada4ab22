import { describe, expect, it } from 'vitest';
import { missingGrants, roleCovers } from '../../../src/adapters/drive/grants.ts';
import { checkKey, keyQuery, quote } from '../../../src/adapters/drive/query.ts';
import type { DriveFolder } from '../../../src/ports/drive.ts';

const folder = (grants: { email: string; role: string }[]): DriveFolder => ({ id: 'f', name: 'F', link: 'l', grants });

describe('Drive grants', () => {
  it.each([
    ['owner', 'writer', true],
    ['organizer', 'reader', true],
    ['writer', 'reader', true],
    ['commenter', 'reader', true],
    ['reader', 'commenter', false],
    ['reader', 'writer', false],
    ['', 'reader', false],
  ] as const)('%s covers %s: %s', (have, want, expected) => {
    expect(roleCovers(have, want)).toBe(expected);
  });

  it('asks only for what is missing, once per email, at the highest role asked', () => {
    const have = folder([{ email: 'owner@workspace.local', role: 'owner' }, { email: 'buyer@example.com', role: 'reader' }]);
    expect(missingGrants(have, [
      { email: 'Buyer@Example.com', role: 'reader' },
      { email: 'agent@agency.example', role: 'reader' },
      { email: 'agent@agency.example', role: 'writer' },
      { email: ' ', role: 'reader' },
    ])).toEqual([{ email: 'agent@agency.example', role: 'writer' }]);
    expect(missingGrants(have, [{ email: 'buyer@example.com', role: 'writer' }])).toEqual([{ email: 'buyer@example.com', role: 'writer' }]);
  });
});

describe('Drive queries', () => {
  it('escapes the backslash first, then quotes', () => {
    expect(quote(`O'Brien \\ Co`)).toBe(`'O\\'Brien \\\\ Co'`);
  });

  it('finds by every appProperty, in a stable order, outside the trash', () => {
    expect(keyQuery({ sourcingRecord: 'recA', sourcingKind: 'packing-list' })).toBe(
      "appProperties has { key='sourcingKind' and value='packing-list' } and appProperties has { key='sourcingRecord' and value='recA' } and trashed = false",
    );
    expect(() => keyQuery({})).toThrow();
  });

  it('refuses an appProperty longer than Drive allows', () => {
    expect(() => checkKey({ k: 'x'.repeat(130) })).toThrow("longer than Drive's 124 bytes");
    expect(() => checkKey({ contentHash: 'a'.repeat(64) })).not.toThrow();
  });
});
