/**
 * Row order and sampling for theme discovery: a canonical order that depends only on row contents
 * (so permuting the input does not change the result) and order-keeping sampling.
 * @module
 */
import type { CsrMatrix } from '../vectorize/index.ts';
import type { Random } from '../vectorize/random.ts';

function rowHash(matrix: CsrMatrix, row: number): number {
  let h = 0x811c9dc5;
  for (let p = matrix.indptr[row] as number; p < (matrix.indptr[row + 1] as number); p++) {
    h = Math.imul(h ^ (matrix.indices[p] as number), 0x01000193);
    h = Math.imul(h ^ Math.round((matrix.values[p] as number) * 1e6), 0x01000193);
  }
  return h >>> 0;
}

export function compareRows(matrix: CsrMatrix, a: number, b: number): number {
  const la = (matrix.indptr[a + 1] as number) - (matrix.indptr[a] as number);
  const lb = (matrix.indptr[b + 1] as number) - (matrix.indptr[b] as number);
  if (la !== lb) {
    return la - lb;
  }
  const sa = matrix.indptr[a] as number;
  const sb = matrix.indptr[b] as number;
  for (let p = 0; p < la; p++) {
    const d = (matrix.indices[sa + p] as number) - (matrix.indices[sb + p] as number);
    if (d !== 0) {
      return d;
    }
    const v = (matrix.values[sa + p] as number) - (matrix.values[sb + p] as number);
    if (v !== 0) {
      return v;
    }
  }
  return 0;
}

/** Non-empty rows in a canonical order that depends only on row contents. */
export function canonicalRows(matrix: CsrMatrix, copyOf: Int32Array | undefined): number[] {
  const rows: number[] = [];
  const hashes = new Uint32Array(matrix.rowCount);
  for (let row = 0; row < matrix.rowCount; row++) {
    if ((matrix.indptr[row + 1] as number) > (matrix.indptr[row] as number)) {
      rows.push(row);
      const original = copyOf ? (copyOf[row] as number) : -1;
      hashes[row] = original >= 0 ? (hashes[original] as number) : rowHash(matrix, row);
    }
  }
  if (matrix.rowCount <= 1 << 21) {
    // Fast path: one native numeric sort of hash·2²¹ + row. Equal hashes almost always mean equal
    // rows (interchangeable); a true collision only changes the order of those two rows.
    // (Plain loops: typed-array `from` with a mapping function goes through the iterator protocol.)
    const keys = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      keys[i] = (hashes[row] as number) * 2097152 + row;
    }
    keys.sort();
    const ordered = new Array<number>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      ordered[i] = (keys[i] as number) % 2097152;
    }
    return ordered;
  }
  return rows.sort((a, b) => (hashes[a] as number) - (hashes[b] as number) || compareRows(matrix, a, b));
}

export function sampleRows(rows: readonly number[], size: number, random: Random): number[] {
  if (rows.length <= size) {
    return rows.slice();
  }
  // Selection sampling (Knuth's algorithm S) keeps the canonical order.
  const chosen: number[] = [];
  for (let i = 0; i < rows.length && chosen.length < size; i++) {
    if (random.next() * (rows.length - i) < size - chosen.length) {
      chosen.push(rows[i] as number);
    }
  }
  return chosen;
}
