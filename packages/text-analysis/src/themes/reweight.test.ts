import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CsrMatrix } from '../vectorize/index.ts';
import { csrFromRows } from './fixtures.ts';
import { concentrationWeights, scaleColumns } from './reweight.ts';

const csr = (rows: readonly (readonly number[])[], columnCount: number): CsrMatrix =>
  csrFromRows(rows, columnCount, () => 1);

describe('concentrationWeights', () => {
  it('weighs a term found in one theme high and a term spread over all themes near zero', () => {
    // 40 rows in 4 themes of 10; column 0 in every row, column 1 only in theme 2's rows.
    const rows = Array.from({ length: 40 }, (_, i) => (Math.floor(i / 10) === 2 ? [0, 1] : [0]));
    const assignments = Int32Array.from({ length: 40 }, (_, i) => Math.floor(i / 10));
    const weights = concentrationWeights(csr(rows, 3), assignments, 4);
    expect(weights[0]).toBeLessThan(0.01);
    expect(weights[1]).toBeGreaterThan(0.6);
    // Column 2 is in no row: its weight is 0 (it is spread evenly over the pseudo-counts).
    expect(weights[2]).toBeCloseTo(0, 6);
  });

  it('gives weights in [0, 1], all 1 with fewer than two themes, and ignores unassigned rows (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 5 }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.integer({ min: 1, max: 5 }),
        fc.nat(),
        (rawRows, k, seed) => {
          const rows = rawRows.map((row) => [...row].sort((a, b) => a - b));
          const matrix = csr(rows, 8);
          const assignments = Int32Array.from(rows, (_, i) => ((i * 7 + seed) % (k + 1)) - 1); // −1 = unassigned
          const weights = concentrationWeights(matrix, assignments, k);
          for (const weight of weights) {
            expect(weight).toBeGreaterThanOrEqual(0);
            expect(weight).toBeLessThanOrEqual(1);
          }
          if (k < 2) {
            expect(Array.from(weights)).toEqual(new Array(8).fill(1));
          }
          // Unassigned rows do not count: dropping them changes nothing.
          const kept = rows.map((_, i) => i).filter((i) => (assignments[i] as number) >= 0);
          const without = concentrationWeights(
            csr(
              kept.map((i) => rows[i] as number[]),
              8,
            ),
            Int32Array.from(kept, (i) => assignments[i] as number),
            k,
          );
          expect(Array.from(without)).toEqual(Array.from(weights));
        },
      ),
    );
  });
});

describe('scaleColumns', () => {
  it('multiplies each value by its column weight and keeps the structure', () => {
    const matrix = csr([[0, 2], [1], [0, 1, 2]], 3);
    const scaled = scaleColumns(matrix, [2, 0.5, 0]);
    expect(scaled.indptr).toBe(matrix.indptr);
    expect(scaled.indices).toBe(matrix.indices);
    expect(Array.from(scaled.values)).toEqual([2, 0, 0.5, 2, 0.5, 0]);
    expect(Array.from(matrix.values)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
