import { describe, expect, it } from 'vitest';
import { blocksHash, canonicalJson } from '../../../src/domain/portal/content-hash.ts';
import { changesOf } from '../../../src/domain/portal/page-diff.ts';
import { decodeSyncHash, encodeSyncHash } from '../../../src/domain/portal/sync-hash.ts';

describe('Sync hash', () => {
  const hash = { properties: 'aaaaaaaaaaaa', sections: { summary: '111111111111', milestones: '222222222222' } };

  it('round-trips through the page property', () => {
    expect(decodeSyncHash(encodeSyncHash(hash))).toEqual(hash);
  });

  it.each(['', 'garbage', 'v0 p=abc', 'v1 p=abc broken', undefined])('reads %j as nothing known, so the page is rewritten', (text) => {
    expect(decodeSyncHash(text)).toEqual({ properties: '', sections: {} });
  });

  it.each([
    { stored: encodeSyncHash(hash), planned: hash, properties: false, sections: [] },
    { stored: encodeSyncHash(hash), planned: { ...hash, properties: 'bbbbbbbbbbbb' }, properties: true, sections: [] },
    { stored: encodeSyncHash(hash), planned: { ...hash, sections: { ...hash.sections, milestones: '333333333333' } }, properties: false, sections: ['milestones'] },
    { stored: '', planned: hash, properties: true, sections: ['summary', 'milestones'] },
  ])('tells which parts changed ($properties, $sections)', ({ stored, planned, properties, sections }) => {
    expect(changesOf(stored, planned)).toEqual({ properties, sections });
  });

  it('hashes content, not key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
  });

  it('ignores a re-signed attachment URL but not a new photo', () => {
    const photo = (url: string, key: string) => [{ type: 'image' as const, url, caption: [], stableKey: key }];
    const base = blocksHash('Latest updates', photo('https://dl.airtable.com/a?sig=1', 'att1'));
    expect(blocksHash('Latest updates', photo('https://dl.airtable.com/a?sig=2', 'att1'))).toBe(base);
    expect(blocksHash('Latest updates', photo('https://dl.airtable.com/a?sig=1', 'att2'))).not.toBe(base);
  });
});
