import { flattenCharString, type ByteRange } from './cff-flatten.ts';

/**
 * The parts of fontkit's CFFSubset (fontkit 2.0.4, pinned) that PDFKit's per-document subset goes through:
 * `encode()` calls `subsetCharstrings()`, then `subsetSubrs()` for each font dict the glyphs use, then writes the
 * CFF. Overriding the two on the subset object keeps fontkit's encoder and everything else it writes.
 */
interface CffSubset {
  glyphs: number[];
  charstrings?: Uint8Array[];
  gsubrs?: Uint8Array[];
  cff: CffTables;
  subsetCharstrings(): void;
  subsetSubrs(subrs: ByteRange[], used: Record<string, boolean>): Uint8Array[] | null;
  subsetFontdict(topDict: SubsetTopDict): void;
}

/** The subset's top dict as fontkit's subsetFontdict fills it (CID-keyed fonts: one font dict per glyph group). */
interface SubsetTopDict {
  FDArray: Array<{ FontName?: unknown; Private?: { Subrs?: unknown } | null }>;
  FDSelect: { version: number; fds: number[] };
}

interface CffTables {
  stream: { pos: number; buffer: Uint8Array; readBuffer(length: number): Uint8Array };
  topDict: { CharStrings: ByteRange[]; FDArray?: SubsetTopDict['FDArray'] };
  globalSubrIndex?: ByteRange[];
  privateDictForGlyph(gid: number): { Subrs?: ByteRange[] } | null;
  fdForGlyph(gid: number): number | null;
}

function isCffSubset(subset: unknown): subset is CffSubset {
  const s = subset as Partial<CffSubset>;
  return typeof s.subsetSubrs === 'function' && typeof s.subsetCharstrings === 'function' && s.cff !== undefined;
}

/** Flattened charstrings of one parsed font by glyph id (null: it cannot be flattened); they depend on the font alone. */
export type FlatGlyphs = Map<number, Uint8Array | null>;

function flatGlyph(cff: CffTables, gid: number, cache: FlatGlyphs): Uint8Array | null {
  let flat = cache.get(gid);
  if (flat !== undefined) return flat;
  const charString = cff.topDict.CharStrings[gid];
  flat = charString ? (flattenCharString({
    bytes: cff.stream.buffer,
    globalSubrs: cff.globalSubrIndex ?? [],
    localSubrs: cff.privateDictForGlyph(gid)?.Subrs ?? [],
  }, charString) ?? null) : null;
  cache.set(gid, flat);
  return flat;
}

/**
 * Makes a document's font subset carry its glyphs with their subroutines inlined and no subroutine tables (see
 * cff-flatten.ts): the CJK font's 22,293-entry table was most of each embedded font's bytes and encoding time.
 * If a glyph cannot be flattened, the subset keeps fontkit's subroutine tables (with `keepUsedSubrs`).
 */
export function leanSubset(subset: unknown, cache: FlatGlyphs): void {
  if (!isCffSubset(subset)) return;
  const stock = subset.subsetCharstrings;
  subset.subsetCharstrings = function (this: CffSubset): void {
    const flat = this.glyphs.map((gid) => flatGlyph(this.cff, gid, cache));
    if (flat.every((f): f is Uint8Array => f !== null)) {
      this.charstrings = flat;
      this.gsubrs = [];
      this.subsetFontdict = fontDictsWithoutSubrs;
      // For a font that is not CID-keyed fontkit makes one private dict: a null Subrs is left out of it.
      this.subsetSubrs = () => null;
      return;
    }
    this.subsetSubrs = keepUsedSubrs;
    stock.call(this);
  };
}

/**
 * fontkit's CFFSubset.subsetFontdict for flattened glyphs: the font dicts the glyphs use, in order of first use,
 * and each glyph's dict index; the private dicts lose their Subrs (null is left out when encoding). fontkit's
 * version also parsed every glyph's outline to collect the subroutines it calls, which flattened glyphs need not.
 */
function fontDictsWithoutSubrs(this: CffSubset, topDict: SubsetTopDict): void {
  const source = this.cff.topDict.FDArray ?? [];
  topDict.FDArray = [];
  topDict.FDSelect = { version: 0, fds: [] };
  const indexOf = new Map<number, number>();
  for (const gid of this.glyphs) {
    const fd = this.cff.fdForGlyph(gid);
    if (fd == null) continue;
    let index = indexOf.get(fd);
    if (index === undefined) {
      const dict = { ...source[fd] };
      delete dict.FontName;
      if (dict.Private?.Subrs) dict.Private = { ...dict.Private, Subrs: null };
      index = topDict.FDArray.push(dict) - 1;
      indexOf.set(fd, index);
    }
    topDict.FDSelect.fds.push(index);
  }
}

/** A subroutine that only returns (CFF operator 11): what an unused subroutine becomes in a subset. */
const RETURN_ONLY = new Uint8Array([11]);

/**
 * fontkit's CFFSubset.subsetSubrs with the same result: the used subroutines copied, every other one replaced by
 * a bare return. fontkit allocates a new one-byte array per unused subroutine; the CJK font has 22,293 local
 * subroutines in one font dict.
 */
function keepUsedSubrs(this: CffSubset, subrs: ByteRange[], used: Record<string, boolean>): Uint8Array[] {
  const result: Uint8Array[] = new Array<Uint8Array>(subrs.length).fill(RETURN_ONLY);
  for (const key of Object.keys(used)) {
    const index = Number(key);
    const subr = subrs[index];
    if (!used[key] || !subr || String(index) !== key) continue;
    this.cff.stream.pos = subr.offset;
    result[index] = this.cff.stream.readBuffer(subr.length);
  }
  return result;
}
