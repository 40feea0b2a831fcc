import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CsrMatrix } from '../vectorize/index.ts';
import { csrFromRows } from './fixtures.ts';
import { dropRareColumns } from './dense.ts';

const csr = (rows: readonly (readonly number[])[], columnCount: number): CsrMatrix =>
  csrFromRows(rows, columnCount, (j) => j + 1);

describe('dropRareColumns', () => {
  it('keeps exactly the columns used by at least minRows rows, in order, with their values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 6 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 4 }),
        (rawRows, minRows) => {
          const rows = rawRows.map((row) => [...row].sort((a, b) => a - b));
          const matrix = csr(rows, 12);
          const used = new Map<number, number>();
          rows.flat().forEach((j) => used.set(j, (used.get(j) ?? 0) + 1));
          const kept = [...used]
            .filter(([, n]) => n >= minRows)
            .map(([j]) => j)
            .sort((a, b) => a - b);
          const result = dropRareColumns(matrix, minRows);
          expect(result.columnCount).toBe(minRows <= 1 ? 12 : kept.length);
          rows.forEach((row, i) => {
            const expected = minRows <= 1 ? row : row.filter((j) => kept.includes(j));
            const start = result.indptr[i] as number;
            const end = result.indptr[i + 1] as number;
            const values = Array.from(result.values.subarray(start, end));
            expect(values).toEqual(expected.map((j) => j + 1));
            const columns = Array.from(result.indices.subarray(start, end));
            expect(columns).toEqual(minRows <= 1 ? row : expected.map((j) => kept.indexOf(j)));
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
