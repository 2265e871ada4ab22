import { describe, expect, it } from 'vitest';
import { flattenCharString, type ByteRange } from '../../src/documents/cff-flatten.ts';
import { documentFont, FONT_BOLD, FONT_REGULAR } from '../../src/documents/fonts.ts';

/**
 * The document subsets carry glyphs with their subroutines inlined (cff-flatten.ts). A flattened glyph must draw
 * exactly the outline of the original: here fontkit's own charstring interpreter draws both, the original with
 * the font's subroutines and the flattened one with none, over a spread of each font's glyphs (Latin, digits,
 * punctuation, Chinese) plus every glyph of the Chinese the documents print.
 */

interface FontkitCff {
  stream: { buffer: Uint8Array; constructor: new (bytes: Uint8Array) => unknown };
  topDict: { CharStrings: ByteRange[] };
  globalSubrIndex?: ByteRange[];
  privateDictForGlyph(gid: number): { Subrs?: ByteRange[] } | null;
}

interface FontkitGlyph {
  constructor: new (id: number, codePoints: number[], font: unknown) => FontkitGlyph;
  path: { toSVG(): string };
  _getPath(): { toSVG(): string };
}

interface FontkitFont {
  numGlyphs: number;
  'CFF ': FontkitCff;
  getGlyph(id: number): FontkitGlyph;
  glyphsForString(text: string): Array<{ id: number }>;
}

function fontkitFont(name: string): FontkitFont {
  return documentFont(name) as unknown as FontkitFont;
}

/** The outline fontkit draws from `charString` alone: a copy of the font whose glyph `gid` reads only those bytes. */
function outlineOf(font: FontkitFont, gid: number, charString: Uint8Array): string {
  const cff = font['CFF '];
  const privateDict = cff.privateDictForGlyph(gid) ?? {};
  const Stream = cff.stream.constructor;
  const flatCff = Object.create(cff, {
    stream: { value: new Stream(charString) },
    topDict: { value: { ...cff.topDict, CharStrings: { [gid]: { offset: 0, length: charString.length } } } },
    globalSubrIndex: { value: [] },
    privateDictForGlyph: { value: () => ({ ...privateDict, Subrs: [] }) },
  }) as FontkitCff;
  const flatFont = Object.create(font, { 'CFF ': { value: flatCff }, CFF2: { value: undefined } }) as FontkitFont;
  const glyph = font.getGlyph(gid);
  return new glyph.constructor(gid, [], flatFont)._getPath().toSVG();
}

function flatten(font: FontkitFont, gid: number): Uint8Array | undefined {
  const cff = font['CFF '];
  const charString = cff.topDict.CharStrings[gid];
  if (!charString) throw new Error(`no glyph ${gid}`);
  return flattenCharString({ bytes: cff.stream.buffer, globalSubrs: cff.globalSubrIndex ?? [], localSubrs: cff.privateDictForGlyph(gid)?.Subrs ?? [] }, charString);
}

const PRINTED = 'Incoterms® 2020 HL-KT170-BK 1–40 №°×·… 宁波华美电器有限公司 采购合同 中华人民共和国原产地证明书 数量 单价 金额 缺陷类别 接收数 拒收数';

describe('flattened CFF glyphs', () => {
  for (const name of [FONT_REGULAR, FONT_BOLD]) {
    it(`${name}: every sampled glyph draws the same outline without subroutines`, () => {
      const font = fontkitFont(name);
      const ids = new Set(font.glyphsForString(PRINTED).map((g) => g.id));
      for (let gid = 0; gid < font.numGlyphs; gid += 61) ids.add(gid);
      let inlined = 0;
      for (const gid of ids) {
        const flat = flatten(font, gid);
        expect(flat, `glyph ${gid}`).toBeDefined();
        if (!flat) continue;
        expect(outlineOf(font, gid, flat), `glyph ${gid}`).toBe(font.getGlyph(gid).path.toSVG());
        if (flat.length > (font['CFF '].topDict.CharStrings[gid]?.length ?? 0)) inlined += 1;
      }
      // The check means something only if most glyphs did call subroutines.
      expect(inlined).toBeGreaterThan(ids.size / 2);
    });
  }

  const bytes = Uint8Array.from([
    /* 0: charstring */ 139 + 10, 139 + 20, 21, 139 - 107 + 1, 10, 14,
    /* 6: local subr 1 */ 139 + 5, 139 + 5, 5, 11,
    /* 10: charstring with an arithmetic operator (add) */ 139 + 1, 139 + 2, 12, 10, 10, 14,
  ]);
  const localSubrs: ByteRange[] = [{ offset: 6, length: 0 }, { offset: 6, length: 4 }];

  it.each([
    { what: 'inlines a call, dropping the call number and the return', at: 0, length: 6, expected: [149, 159, 21, 144, 144, 5, 14] },
    { what: 'gives up on arithmetic it cannot follow', at: 10, length: 6, expected: undefined },
    { what: 'gives up on a call to a subroutine the font lacks', at: 0, length: 6, expected: undefined, subrs: [] },
  ])('$what', ({ at, length, expected, subrs }) => {
    const flat = flattenCharString({ bytes, globalSubrs: [], localSubrs: subrs ?? localSubrs }, { offset: at, length });
    expect(flat === undefined ? undefined : [...flat]).toEqual(expected);
  });
});
