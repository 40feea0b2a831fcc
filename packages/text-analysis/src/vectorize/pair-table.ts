/**
 * A hash table from pairs of 32-bit integers (compared as int32) to non-negative ids (open addressing,
 * linear probing, typed arrays). Bigram ids are looked up by their two unigram ids millions of
 * times while a large corpus is read; a `Map` keyed by `first · 2²⁶ + second` pays for boxing
 * numbers that large on every lookup.
 */
/** Largest storable id (ids are kept as id + 1 in an Int32Array, 0 meaning empty). */
const MAX_ID = 0x7ffffffe;

export class PairTable {
  private firsts: Int32Array;
  private seconds: Int32Array;
  /** Stored id + 1 (0 = empty slot). */
  private ids: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 12) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) {
      capacity *= 2;
    }
    this.firsts = new Int32Array(capacity);
    this.seconds = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Number of pairs stored. */
  get size(): number {
    return this.count;
  }

  private slotOf(first: number, second: number): number {
    first |= 0;
    second |= 0;
    let h = Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    let slot = h & this.mask;
    while (this.ids[slot] !== 0 && (this.firsts[slot] !== first || this.seconds[slot] !== second)) {
      slot = (slot + 1) & this.mask;
    }
    return slot;
  }

  /**
   * The id stored for (first, second), or −1.
   *
   * @example
   * const table = new PairTable();
   * table.set(3, 7, 0);
   * table.get(3, 7); // 0
   */
  get(first: number, second: number): number {
    return (this.ids[this.slotOf(first, second)] as number) - 1;
  }

  /** Stores `id` (an integer in [0, 2³¹ − 2]) for (first, second), replacing an earlier one. */
  set(first: number, second: number, id: number): void {
    if (!Number.isInteger(id) || id < 0 || id > MAX_ID) {
      throw new RangeError(`PairTable ids are integers from 0 to ${MAX_ID}, got ${id}`);
    }
    const slot = this.slotOf(first, second);
    if (this.ids[slot] === 0) {
      this.firsts[slot] = first | 0;
      this.seconds[slot] = second | 0;
      this.count++;
    }
    this.ids[slot] = id + 1;
    if (this.count * 2 > this.mask) {
      this.grow();
    }
  }

  private grow(): void {
    const { firsts, seconds, ids } = this;
    const capacity = (this.mask + 1) * 2;
    this.firsts = new Int32Array(capacity);
    this.seconds = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let slot = 0; slot < ids.length; slot++) {
      if (ids[slot] !== 0) {
        const target = this.slotOf(firsts[slot] as number, seconds[slot] as number);
        this.firsts[target] = firsts[slot] as number;
        this.seconds[target] = seconds[slot] as number;
        this.ids[target] = ids[slot] as number;
      }
    }
  }
}
