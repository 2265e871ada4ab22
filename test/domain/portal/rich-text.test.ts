import { describe, expect, it } from 'vitest';
import { table } from '../../../src/domain/portal/blocks.ts';
import { MAX_TEXT_CONTENT, TRUNCATION_MARKER } from '../../../src/domain/portal/notion-limits.ts';
import { cutText, fitText, splitText, textOf } from '../../../src/domain/portal/rich-text.ts';

describe('text that fits Notion', () => {
  it.each([
    { length: 0, pieces: 0 },
    { length: 2000, pieces: 1 },
    { length: 2001, pieces: 2 },
    { length: 9000, pieces: 5 },
  ])('splits $length characters into $pieces items of at most 2,000', ({ length, pieces }) => {
    const text = 'x'.repeat(length);
    const out = fitText([{ text }]);
    expect(out).toHaveLength(pieces);
    expect(out.every((s) => s.text.length <= MAX_TEXT_CONTENT)).toBe(true);
    expect(textOf(out)).toBe(text);
  });

  it('never cuts an emoji or a CJK surrogate pair in two', () => {
    const text = `${'a'.repeat(1999)}😀${'b'.repeat(10)}`;
    const [first, second] = splitText(text);
    expect(first).toBe('a'.repeat(1999));
    expect(second?.startsWith('😀')).toBe(true);
  });

  it('cuts text over the block budget with the visible marker instead of failing', () => {
    const out = fitText([{ text: 'y'.repeat(50_000) }], { maxChars: 10_000 });
    expect(out.at(-1)?.text).toBe(TRUNCATION_MARKER);
    expect(textOf(out).length).toBeLessThanOrEqual(10_000);
    expect(out.every((s) => s.text.length <= MAX_TEXT_CONTENT)).toBe(true);
  });

  it('keeps at most 100 items, the last one being the marker', () => {
    const spans = Array.from({ length: 150 }, (_, i) => ({ text: `doc ${i}, ` }));
    const out = fitText(spans);
    expect(out).toHaveLength(100);
    expect(out.at(-1)?.text).toBe(TRUNCATION_MARKER);
  });

  it('drops a link over 2,000 characters but keeps its text', () => {
    const [span] = fitText([{ text: 'Packing list', link: `https://drive.example/${'x'.repeat(2100)}` }]);
    expect(span).toEqual({ text: 'Packing list' });
  });

  it.each([
    { text: 'short', max: 100, expected: 'short' },
    { text: 'z'.repeat(200), max: 100, endsWith: TRUNCATION_MARKER },
  ])('cutText($max) keeps text under the limit', ({ text, max, expected, endsWith }) => {
    const out = cutText(text, max);
    expect(out.length).toBeLessThanOrEqual(max);
    if (expected) expect(out).toBe(expected);
    if (endsWith) expect(out.endsWith(endsWith)).toBe(true);
  });

  it('caps a table at 99 data rows and says how many were left out', () => {
    const rows = Array.from({ length: 150 }, (_, i) => [[{ text: `row ${i}` }], []]);
    const t = table(['A', 'B'], rows);
    expect(t.rows).toHaveLength(99);
    expect(textOf(t.rows.at(-1)?.[0] ?? [])).toContain('52 more rows (truncated, see Airtable)');
  });
});
