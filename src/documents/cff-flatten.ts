/**
 * Inlines the subroutine calls of a CFF (Type 2) charstring, so a font subset can carry its glyphs without the
 * font's subroutine tables. Noto Sans CJK keeps 22,293 local subroutines in the font dict of its ideographs: a
 * subset that uses one Chinese character had to carry all of them (the unused ones as bare returns, kept so the
 * call numbers stay valid), ~80 KB and ~15 ms of encoding per font per document. A flattened glyph draws the
 * same outline with the same hints: the bytes are the glyph's own operators with each `callsubr n` replaced by
 * the body of subroutine n (Adobe Technical Note #5177, "The Type 2 Charstring Format", §4.7 and Appendix A).
 * What this does not understand (arithmetic operators, a computed subroutine number) makes it give up, and the
 * caller keeps the subroutines for that subset.
 */

/** Where a charstring or subroutine sits in the font file. */
export interface ByteRange {
  offset: number;
  length: number;
}

/** Type 2 operators (Technical Note #5177, Appendix A). */
const OP = {
  hstem: 1, vstem: 3, callsubr: 10, return: 11, escape: 12, endchar: 14, hstemhm: 18, hintmask: 19, cntrmask: 20,
  vstemhm: 23, shortint: 28, callgsubr: 29,
} as const;

/** Path operators: each consumes the whole argument stack (hmoveto…hvcurveto). */
const PATH_OPERATORS = new Set([4, 5, 6, 7, 8, 21, 22, 24, 25, 26, 27, 30, 31]);
/** Escaped path operators (flex, hflex, hflex1, flex1): they consume the whole stack too. */
const FLEX_OPERATORS = new Set([34, 35, 36, 37]);
/** Type 2 allows subroutine calls ten deep. */
const MAX_NESTING = 10;

/** The number added to a subroutine operand (Technical Note #5176 §16; the same rule fontkit's glyph parser uses). */
export function subroutineBias(count: number): number {
  if (count < 1240) return 107;
  if (count < 33900) return 1131;
  return 32768;
}

/** Bytes taken by the operand starting with `b0` (§3.2: 1, 2 or 3 bytes for integers, 5 for 16.16 fixed). */
function operandLength(b0: number): number {
  if (b0 === OP.shortint) return 3;
  if (b0 <= 246) return 1;
  if (b0 <= 254) return 2;
  return 5;
}

/** The integer an operand encodes, or NaN for a fixed-point value (never a valid subroutine number). */
function operandValue(bytes: Uint8Array, pos: number): number {
  const b0 = bytes[pos] ?? 0;
  const b1 = bytes[pos + 1] ?? 0;
  if (b0 === OP.shortint) return (((b1 << 8) | (bytes[pos + 2] ?? 0)) << 16) >> 16;
  if (b0 <= 246) return b0 - 139;
  if (b0 <= 250) return (b0 - 247) * 256 + b1 + 108;
  if (b0 <= 254) return -(b0 - 251) * 256 - b1 - 108;
  return Number.NaN;
}

export interface CharStringSource {
  /** The whole font file (charstrings and subroutines are ranges of it). */
  bytes: Uint8Array;
  globalSubrs: readonly ByteRange[];
  /** The local subroutines of the glyph's font dict. */
  localSubrs: readonly ByteRange[];
}

/** The flattened charstring, or undefined when it uses something this cannot inline faithfully. */
export function flattenCharString(source: CharStringSource, charString: ByteRange): Uint8Array | undefined {
  const { bytes, globalSubrs, localSubrs } = source;
  const globalBias = subroutineBias(globalSubrs.length);
  const localBias = subroutineBias(localSubrs.length);
  const out: number[] = [];
  /** Operands on the argument stack (they carry over into and out of subroutines). */
  let depth = 0;
  /** Stem hints declared so far: a hintmask is followed by one bit per stem, rounded up to whole bytes. */
  let stems = 0;
  /** Where the last token in `out` starts when it is an operand (the number a call pops), else -1. */
  let lastOperand = -1;
  let lastValue = Number.NaN;
  let ended = false;

  const emitOperator = (...ops: number[]): void => {
    out.push(...ops);
    lastOperand = -1;
  };

  /** Runs bytes [start, end); false when flattening must give up. */
  const run = (start: number, end: number, level: number): boolean => {
    let pos = start;
    while (pos < end) {
      const op = bytes[pos] ?? 0;
      if (op >= 32 || op === OP.shortint) {
        const length = operandLength(op);
        lastOperand = out.length;
        lastValue = operandValue(bytes, pos);
        for (let i = 0; i < length; i += 1) out.push(bytes[pos + i] ?? 0);
        pos += length;
        depth += 1;
        continue;
      }
      pos += 1;
      if (op === OP.callsubr || op === OP.callgsubr) {
        const subrs = op === OP.callsubr ? localSubrs : globalSubrs;
        const subr = subrs[lastValue + (op === OP.callsubr ? localBias : globalBias)];
        if (lastOperand < 0 || !subr || level >= MAX_NESTING) return false;
        out.length = lastOperand;
        lastOperand = -1;
        depth -= 1;
        if (!run(subr.offset, subr.offset + subr.length, level + 1)) return false;
        if (ended) return true;
      } else if (op === OP.return) {
        return level > 0;
      } else if (op === OP.endchar) {
        emitOperator(op);
        ended = true;
        return true;
      } else if (op === OP.hstem || op === OP.vstem || op === OP.hstemhm || op === OP.vstemhm) {
        stems += depth >> 1;
        depth = 0;
        emitOperator(op);
      } else if (op === OP.hintmask || op === OP.cntrmask) {
        // Operands before a mask are an implicit vstemhm (§4.3).
        stems += depth >> 1;
        depth = 0;
        const maskBytes = (stems + 7) >> 3;
        emitOperator(op, ...bytes.subarray(pos, pos + maskBytes));
        pos += maskBytes;
      } else if (PATH_OPERATORS.has(op)) {
        depth = 0;
        emitOperator(op);
      } else if (op === OP.escape && FLEX_OPERATORS.has(bytes[pos] ?? -1)) {
        depth = 0;
        emitOperator(op, bytes[pos] ?? 0);
        pos += 1;
      } else {
        // Arithmetic and storage operators, reserved codes: not inlined.
        return false;
      }
    }
    return true;
  };

  if (!run(charString.offset, charString.offset + charString.length, 0)) return undefined;
  return Uint8Array.from(out);
}
