import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PairTable } from './pair-table.ts';

describe('PairTable', () => {
  it('answers like a Map for any sequence of sets and gets, through growth', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.boolean(),
            fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })),
            fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
            fc.integer({ min: 0, max: 2 ** 31 - 2 }),
          ),
          { maxLength: 400 },
        ),
        (operations) => {
          const table = new PairTable(1);
          const reference = new Map<string, number>();
          for (const [isSet, first, rawSecond, id] of operations) {
            const second = rawSecond % 50 === 0 ? rawSecond : rawSecond % 60; // many collisions, some large or negative
            if (isSet) {
              table.set(first, second, id);
              reference.set(`${first},${second}`, id);
            }
            expect(table.get(first, second)).toBe(reference.get(`${first},${second}`) ?? -1);
          }
          expect(table.size).toBe(reference.size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses ids it cannot store', () => {
    const table = new PairTable();
    table.set(1, 2, 2 ** 31 - 2);
    expect(table.get(1, 2)).toBe(2 ** 31 - 2);
    expect(() => table.set(1, 2, 2 ** 31 - 1)).toThrow(RangeError);
    expect(() => table.set(1, 2, -1)).toThrow(RangeError);
    expect(() => table.set(1, 2, 0.5)).toThrow(RangeError);
    expect(table.get(1, 2)).toBe(2 ** 31 - 2);
  });
});
