import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHUNK_VALUES, multiplyTransposedChunk, transposeToCsc, type CsrArrays } from './lsa-kernels.ts';

/** A random CSR matrix: each row's columns distinct, in random order (as the vectorizer leaves them). */
const csrArbitrary = fc
  .record({
    rows: fc.integer({ min: 1, max: 30 }),
    columns: fc.integer({ min: 1, max: 40 }),
    seed: fc.integer(),
    density: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ rows, columns, seed, density }) => {
    let state = seed >>> 0 || 1;
    const next = () => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state / 2 ** 32;
    };
    const indptr = new Int32Array(rows + 1);
    const indices: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < rows; i++) {
      const picked = Array.from({ length: columns }, (_, j) => j).filter(() => next() < density);
      picked.sort(() => next() - 0.5);
      for (const j of picked) {
        indices.push(j);
        values.push(Math.fround(next() * 4 - 2));
      }
      indptr[i + 1] = indices.length;
    }
    const matrix: CsrArrays = {
      rowCount: rows,
      indptr,
      indices: Int32Array.from(indices),
      values: Float32Array.from(values),
    };
    return { matrix, columns, next };
  });

describe('Xᵀ·Q from the transpose', () => {
  it('equals the row-wise product bit for bit (same sums in the same order), chunk by chunk', () => {
    fc.assert(
      fc.property(csrArbitrary, fc.integer({ min: 1, max: 12 }), ({ matrix, columns, next }, l) => {
        const q = Float64Array.from({ length: matrix.rowCount * l }, () => next() * 2 - 1);
        // The product as the rows give it: every stored value adds to its column's row of z.
        const expected = new Float64Array(columns * l);
        for (let i = 0; i < matrix.rowCount; i++) {
          for (let p = matrix.indptr[i] as number; p < (matrix.indptr[i + 1] as number); p++) {
            const j = matrix.indices[p] as number;
            for (let c = 0; c < l; c++) {
              expected[j * l + c] =
                (expected[j * l + c] as number) + (matrix.values[p] as number) * (q[i * l + c] as number);
            }
          }
        }
        const { csc, from } = transposeToCsc(matrix, columns, false);
        expect(from[0]).toBe(0);
        expect(from.at(-1)).toBe(columns);
        const z = new Float64Array(columns * l).fill(Number.NaN); // every row is written, not added to
        for (let chunk = 0; chunk < from.length - 1; chunk++) {
          expect(from[chunk + 1] as number).toBeGreaterThan(from[chunk] as number);
          multiplyTransposedChunk({ csc, q, l, from, z }, chunk);
        }
        expect(Array.from(z)).toEqual(Array.from(expected));
      }),
      { numRuns: 200 },
    );
  });

  it('splits a large matrix into chunks of about CHUNK_VALUES values', () => {
    const rows = 2000;
    const perRow = 100;
    const columns = 5000;
    const indptr = Int32Array.from({ length: rows + 1 }, (_, i) => i * perRow);
    const indices = Int32Array.from({ length: rows * perRow }, (_, p) => (p * 7919) % columns);
    const matrix: CsrArrays = {
      rowCount: rows,
      indptr,
      indices,
      values: new Float32Array(rows * perRow).fill(1),
    };
    const { csc, from } = transposeToCsc(matrix, columns, true);
    expect(csc.rows.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(from.length - 1).toBeGreaterThanOrEqual(Math.floor((rows * perRow) / CHUNK_VALUES));
    for (let chunk = 0; chunk + 2 < from.length; chunk++) {
      const values =
        (csc.colptr[from[chunk + 1] as number] as number) - (csc.colptr[from[chunk] as number] as number);
      expect(values).toBeGreaterThanOrEqual(CHUNK_VALUES);
      expect(values).toBeLessThan(CHUNK_VALUES + rows);
    }
  });
});
