/**
 * Record ID → row position for a compact table, in flat typed arrays: an open-addressing hash table of positions
 * and the IDs' bytes by position (Airtable IDs are 17 ASCII characters: "rec" + 14). A Map of ID strings costs
 * ~130 bytes a record (33 MB for a 10,000-PO base); this costs ~25. An ID of another shape (never from Airtable, but
 * a port is an interface) goes to a plain Map. A position holds one ID at a time (one row per place in a table).
 */

const ID_LENGTH = 17;
const EMPTY = 0;
const TOMBSTONE = -1;
/** Grow (or clean out tombstones) past this share of used slots: linear probing stays short below it. */
const MAX_LOAD = 0.5;

export class RecordIdIndex {
  /** position + 1, EMPTY or TOMBSTONE. */
  private slots = new Int32Array(64);
  private used = 0;
  private live = 0;
  /** The ID at each position (zero bytes where no row is). */
  private idBytes = Buffer.alloc(ID_LENGTH * 64);
  private readonly other = new Map<string, number>();

  get size(): number {
    return this.live + this.other.size;
  }

  get(id: string): number | undefined {
    if (!fits(id)) return this.other.get(id);
    const slot = this.find(id);
    return slot === undefined ? undefined : (this.slots[slot] ?? 0) - 1;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  set(id: string, position: number): void {
    if (!fits(id)) {
      this.other.set(id, position);
      return;
    }
    const slot = this.find(id);
    if (slot !== undefined) {
      this.clearBytes(id, (this.slots[slot] ?? 0) - 1);
      this.slots[slot] = position + 1;
      this.writeBytes(id, position);
      return;
    }
    if ((this.used + 1) / this.slots.length > MAX_LOAD) this.rehash();
    const mask = this.slots.length - 1;
    let at = hash(id) & mask;
    while ((this.slots[at] ?? EMPTY) > 0) at = (at + 1) & mask;
    if (this.slots[at] === EMPTY) this.used += 1;
    this.slots[at] = position + 1;
    this.live += 1;
    this.writeBytes(id, position);
  }

  delete(id: string): boolean {
    if (!fits(id)) return this.other.delete(id);
    const slot = this.find(id);
    if (slot === undefined) return false;
    this.clearBytes(id, (this.slots[slot] ?? 0) - 1);
    this.slots[slot] = TOMBSTONE;
    this.live -= 1;
    return true;
  }

  private find(id: string): number | undefined {
    const mask = this.slots.length - 1;
    let at = hash(id) & mask;
    for (;;) {
      const value = this.slots[at] ?? EMPTY;
      if (value === EMPTY) return undefined;
      if (value > 0 && this.idAt(value - 1, id)) return at;
      at = (at + 1) & mask;
    }
  }

  private idAt(position: number, id: string): boolean {
    const start = position * ID_LENGTH;
    if (start + ID_LENGTH > this.idBytes.length) return false;
    for (let i = 0; i < ID_LENGTH; i += 1) if (this.idBytes[start + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  private writeBytes(id: string, position: number): void {
    const end = (position + 1) * ID_LENGTH;
    if (end > this.idBytes.length) {
      const grown = Buffer.alloc(Math.max(end, this.idBytes.length * 2));
      this.idBytes.copy(grown);
      this.idBytes = grown;
    }
    this.idBytes.write(id, position * ID_LENGTH, 'latin1');
  }

  /** Clears a position's bytes if they are still this ID's (a fold may have written another row there already). */
  private clearBytes(id: string, position: number): void {
    if (this.idAt(position, id)) this.idBytes.fill(0, position * ID_LENGTH, (position + 1) * ID_LENGTH);
  }

  /** More slots when the live IDs need them (at most a quarter used after), the same number when tombstones took the room. */
  private rehash(): void {
    const old = this.slots;
    let size = old.length;
    while ((this.live + 1) / size > MAX_LOAD / 2) size *= 2;
    this.slots = new Int32Array(size);
    this.used = 0;
    const mask = size - 1;
    for (const value of old) {
      if (value <= 0) continue;
      const start = (value - 1) * ID_LENGTH;
      let at = hash(this.idBytes.toString('latin1', start, start + ID_LENGTH)) & mask;
      while (this.slots[at] !== EMPTY) at = (at + 1) & mask;
      this.slots[at] = value;
      this.used += 1;
    }
  }
}

/** Airtable's shape: 17 characters, all one-byte (so the bytes compare as the string). */
function fits(id: string): boolean {
  if (id.length !== ID_LENGTH) return false;
  for (let i = 0; i < ID_LENGTH; i += 1) {
    const code = id.charCodeAt(i);
    if (code === 0 || code > 0x7f) return false;
  }
  return true;
}

/** FNV-1a over the characters. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
