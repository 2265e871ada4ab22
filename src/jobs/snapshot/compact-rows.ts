/**
 * Rows kept per group (a PO), for rows read many times: each group is one short JSON text of its rows' values (the
 * ones that are not undefined, in key order), and the strings that repeat (links, dates, choices) are numbers into one dictionary. The checks' 120,000
 * milestones at 10,000 POs take ~40 MB as objects and ~10 MB this way. Deflated runs (packed-groups.ts) are smaller
 * still, but each unpack opens a zlib stream (~40 µs a PO, with the garbage that makes): the checks unpack every
 * PO several times a run, and a group here comes back in a few microseconds.
 *
 * Which keys go to the dictionary is decided on the first rows: a key whose strings repeat (fewer distinct values
 * than half its rows). Unique strings (IDs, names) stay inline: in a dictionary they would cost more than the text.
 * What comes back equals what went in (property-tested), including `undefined` values.
 */
import { blankMaker } from '../../domain/models/parse-records.ts';

/** Rows looked at before deciding which keys are kept in the dictionary. */
const SAMPLE_ROWS = 1000;
/** Longer strings stay inline even when they repeat (a repeated note is rare and long). */
const MAX_WORD_CHARS = 64;
/** Keys per presence mask (bit operations stay within 31 bits). */
const MASK_BITS = 30;

type Encoded = unknown[] | { row: unknown };

export class CompactRows<T extends object> {
  private keys: string[] = [];
  private blank: () => Record<string, unknown> = () => ({});
  /** Per key (by index): its strings are dictionary numbers. */
  private dictionaryKeys: boolean[] = [];
  private readonly words: string[] = [];
  private wordIndex: Map<string, number> | undefined = new Map();
  private sample: [string, T][] | undefined = [];
  private readonly parts = new Map<string, string[]>();
  private readonly sealed = new Map<string, string>();

  /** Adds a row to a group (the order of adding is kept within each group). */
  add(group: string, row: T): void {
    if (!this.wordIndex) throw new Error('CompactRows: add after seal');
    if (this.sample) {
      this.sample.push([group, row]);
      if (this.sample.length >= SAMPLE_ROWS) this.decide();
      return;
    }
    const text = JSON.stringify(this.encode(row));
    const list = this.parts.get(group);
    if (list) list.push(text);
    else this.parts.set(group, [text]);
  }

  /** No more rows: each group becomes one text. */
  seal(): void {
    if (this.sample) this.decide();
    for (const [group, list] of this.parts) this.sealed.set(group, `[${list.join(',')}]`);
    this.parts.clear();
    this.wordIndex = undefined;
  }

  /** Read after `seal`. */
  has(group: string): boolean {
    this.mustBeSealed();
    return this.sealed.has(group);
  }

  /** Every group, in the order first added; read after `seal`. */
  groups(): Iterable<string> {
    this.mustBeSealed();
    return this.sealed.keys();
  }

  /** A group's rows in the order they were added (new objects on every call); read after `seal`. */
  get(group: string): T[] {
    this.mustBeSealed();
    const text = this.sealed.get(group);
    if (text === undefined) return [];
    return (JSON.parse(text) as Encoded[]).map((encoded) => this.decode(encoded));
  }

  private mustBeSealed(): void {
    if (this.wordIndex) throw new Error('CompactRows: read before seal');
  }

  private decide(): void {
    const sample = this.sample ?? [];
    this.sample = undefined;
    const first = sample[0]?.[1];
    this.keys = first ? Object.keys(first) : [];
    this.blank = blankMaker(this.keys);
    this.dictionaryKeys = this.keys.map((key) => {
      const seen = new Set<string>();
      let strings = 0;
      for (const [, row] of sample) {
        const value = (row as Record<string, unknown>)[key];
        if (typeof value !== 'string' || value.length > MAX_WORD_CHARS) continue;
        strings += 1;
        seen.add(value);
      }
      return strings > 0 && seen.size * 2 <= strings;
    });
    for (const [group, row] of sample) this.add(group, row);
  }

  /**
   * A row as an array: first which keys have a value (one number of 30 bits per 30 keys), then those values in key
   * order: a number for a dictionary string, a one-element array around any value that could be mistaken (null,
   * arrays, objects, and numbers or booleans of a dictionary key), else the value. A row with other keys than the
   * first is kept whole.
   */
  private encode(row: T): Encoded {
    const record = row as Record<string, unknown>;
    const keys = this.keys;
    if (Object.keys(record).length !== keys.length) return { row };
    const masks = new Array<number>(Math.ceil(keys.length / MASK_BITS)).fill(0);
    const values: unknown[] = [];
    for (let k = 0; k < keys.length; k += 1) {
      const key = keys[k]!;
      if (!(key in record)) return { row };
      const value = record[key];
      if (value === undefined) continue;
      masks[Math.floor(k / MASK_BITS)]! |= 1 << k % MASK_BITS;
      if (typeof value === 'string') values.push(this.dictionaryKeys[k] && value.length <= MAX_WORD_CHARS ? this.word(value) : value);
      else if (value === null || typeof value === 'object' || this.dictionaryKeys[k]) values.push([value]);
      else values.push(value);
    }
    return [...masks, ...values];
  }

  private decode(encoded: Encoded): T {
    if (!Array.isArray(encoded)) return encoded.row as T;
    const record = this.blank();
    const keys = this.keys;
    let next = Math.ceil(keys.length / MASK_BITS);
    for (let k = 0; k < keys.length; k += 1) {
      if (((encoded[Math.floor(k / MASK_BITS)] as number) & (1 << k % MASK_BITS)) === 0) continue;
      const value = encoded[next++];
      record[keys[k]!] = Array.isArray(value) ? value[0] : typeof value === 'number' && this.dictionaryKeys[k] ? this.words[value] : value;
    }
    return record as T;
  }

  private word(value: string): number {
    const index = this.wordIndex!;
    let n = index.get(value);
    if (n === undefined) {
      n = this.words.length;
      this.words.push(value);
      index.set(value, n);
    }
    return n;
  }
}
