/** Append-only typed arrays that double their capacity (amortised O(1) push). */

/** `capacity` doubled until it holds `size`. */
function doubledCapacity(capacity: number, size: number): number {
  let next = capacity;
  while (next < size) {
    next *= 2;
  }
  return next;
}

/**
 * A growable Int32Array.
 *
 * @example
 * const ids = new Int32Buffer();
 * ids.push(7);
 * ids.toArray(); // Int32Array [7]
 */
export class Int32Buffer {
  private data: Int32Array;
  length = 0;
  constructor(initialCapacity = 1024) {
    this.data = new Int32Array(Math.max(16, initialCapacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  get(index: number): number {
    return this.data[index] as number;
  }
  set(index: number, value: number): void {
    this.data[index] = value;
  }
  /** Grows (zero-filled) so that `index` is valid. */
  ensure(size: number): void {
    if (size > this.data.length) {
      const next = new Int32Array(doubledCapacity(this.data.length, size));
      next.set(this.data);
      this.data = next;
    }
    if (size > this.length) {
      this.length = size;
    }
  }
  /** Appends a copy of the elements [start, end) of this buffer. */
  appendCopy(start: number, end: number): void {
    const length = this.length;
    this.ensure(length + (end - start));
    this.data.copyWithin(length, start, end);
  }
  /** A trimmed copy. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
  /** A view of the filled part (no copy; invalid after the next push). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * A growable Uint16Array (saturating at 65535).
 *
 * @example
 * const counts = new Uint16Buffer();
 * counts.push(70_000); // stored as 65535
 */
export class Uint16Buffer {
  private data: Uint16Array;
  length = 0;
  constructor(initialCapacity = 1024) {
    this.data = new Uint16Array(Math.max(16, initialCapacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint16Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = Math.min(65535, value);
  }
  get(index: number): number {
    return this.data[index] as number;
  }
  set(index: number, value: number): void {
    this.data[index] = Math.min(65535, value);
  }
  /** Appends a copy of the elements [start, end) of this buffer. */
  appendCopy(start: number, end: number): void {
    const length = this.length + (end - start);
    if (length > this.data.length) {
      const next = new Uint16Array(doubledCapacity(this.data.length, length));
      next.set(this.data);
      this.data = next;
    }
    this.data.copyWithin(this.length, start, end);
    this.length = length;
  }
  view(): Uint16Array {
    return this.data.subarray(0, this.length);
  }
}
