import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  accuracy,
  adjustedRandIndex,
  jaccard,
  macroF1,
  macroF1Sets,
  microF1,
  normalizedMutualInfo,
  stratifiedSplit,
} from './index.ts';

const labelling = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 60 });

describe('normalizedMutualInfo / adjustedRandIndex', () => {
  it('match scikit-learn on known values', () => {
    // sklearn: normalized_mutual_info_score([0,0,1,1],[0,0,1,2]) = 0.8
    expect(normalizedMutualInfo([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.8, 6);
    // sklearn: adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714285714
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714, 6);
    // sklearn: adjusted_rand_score([0,0,1,2],[0,0,1,1]) = 0.5714…, NMI of independent labellings = 0
    expect(normalizedMutualInfo([0, 0, 1, 1], [0, 1, 0, 1])).toBe(0);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 6);
    // Degenerate cases as in sklearn.
    expect(normalizedMutualInfo([1, 1, 1], [2, 2, 2])).toBe(1);
    expect(adjustedRandIndex([0, 1, 2], [3, 4, 5])).toBe(1);
    expect(adjustedRandIndex([0, 0, 0], [0, 1, 2])).toBe(0);
  });

  it('a labelling agrees perfectly with itself and with any renaming of it', () => {
    fc.assert(
      fc.property(labelling, fc.integer({ min: 1, max: 97 }), (labels, shift) => {
        const renamed = labels.map((l) => `x${(l * shift + 7) % 1000}`);
        expect(normalizedMutualInfo(labels, labels)).toBeCloseTo(1, 9);
        expect(adjustedRandIndex(labels, labels)).toBeCloseTo(1, 9);
        expect(normalizedMutualInfo(labels, renamed)).toBeCloseTo(1, 9);
        expect(adjustedRandIndex(labels, renamed)).toBeCloseTo(1, 9);
      }),
    );
  });

  it('is symmetric and bounded', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 50 })
          .chain((n) =>
            fc.tuple(
              fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
              fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
            ),
          ),
        ([a, b]) => {
          const nmi = normalizedMutualInfo(a, b);
          expect(nmi).toBeGreaterThanOrEqual(0);
          expect(nmi).toBeLessThanOrEqual(1);
          expect(nmi).toBeCloseTo(normalizedMutualInfo(b, a), 9);
          const ari = adjustedRandIndex(a, b);
          expect(ari).toBeLessThanOrEqual(1 + 1e-12);
          expect(ari).toBeGreaterThanOrEqual(-1);
          expect(ari).toBeCloseTo(adjustedRandIndex(b, a), 9);
        },
      ),
    );
  });

  it('does not depend on the order of the items', () => {
    fc.assert(
      fc.property(labelling, (labels) => {
        const other = labels.map((l) => (l * 3) % 4);
        const order = labels.map((_, i) => i).reverse();
        expect(
          normalizedMutualInfo(
            order.map((i) => labels[i] as number),
            order.map((i) => other[i] as number),
          ),
        ).toBeCloseTo(normalizedMutualInfo(labels, other), 9);
      }),
    );
  });

  it('rejects labellings of different lengths', () => {
    expect(() => normalizedMutualInfo([1], [1, 2])).toThrow(RangeError);
  });
});

describe('classification metrics', () => {
  it('computes accuracy and macro-F1 like scikit-learn', () => {
    expect(accuracy(['a', 'b', 'c', 'a'], ['a', 'b', 'a', 'a'])).toBe(0.75);
    // sklearn f1_score(['a','b','c','a'], ['a','b','a','a'], average='macro') = (0.8 + 1 + 0) / 3
    expect(macroF1(['a', 'b', 'c', 'a'], ['a', 'b', 'a', 'a'])).toBeCloseTo((0.8 + 1 + 0) / 3, 9);
  });

  it('computes micro-F1, macro-F1 and Jaccard for label sets', () => {
    expect(microF1([['a', 'b'], ['c']], [['a'], ['c', 'd']])).toBeCloseTo((2 * 2) / (2 * 2 + 1 + 1), 9);
    expect(jaccard([['a', 'b'], ['c']], [['a'], ['c', 'd']])).toBeCloseTo(0.5, 9);
    expect(macroF1Sets([['a', 'b'], ['b']], [['a'], ['b']])).toBeCloseTo((1 + 2 / 3) / 2, 9);
  });

  it('keeps every metric in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (pairs) => {
          const truth = pairs.map((p) => p[0]);
          const guess = pairs.map((p) => p[1]);
          for (const value of [
            accuracy(truth, guess),
            macroF1(truth, guess),
            microF1(
              truth.map((t) => [t]),
              guess.map((g) => [g]),
            ),
            jaccard(
              truth.map((t) => [t]),
              guess.map((g) => [g]),
            ),
          ]) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('stratifiedSplit', () => {
  it('keeps class proportions, covers every item once and is deterministic', () => {
    const labels = [...Array(50).fill('a'), ...Array(30).fill('b'), ...Array(20).fill('c')] as string[];
    const split = stratifiedSplit(labels, 0.2, 7);
    expect(split.train.length + split.test.length).toBe(100);
    expect(new Set([...split.train, ...split.test]).size).toBe(100);
    const count = (label: string): number => split.train.filter((i) => labels[i] === label).length;
    expect([count('a'), count('b'), count('c')]).toEqual([10, 6, 4]);
    expect(stratifiedSplit(labels, 0.2, 7)).toEqual(split);
  });

  it('puts at least one item of each class with two or more items in both parts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 2, maxLength: 60 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (labels, share) => {
          const split = stratifiedSplit(labels, share, 1);
          for (const label of new Set(labels)) {
            const total = labels.filter((l) => l === label).length;
            if (total >= 2) {
              expect(split.train.some((i) => labels[i] === label)).toBe(true);
              expect(split.test.some((i) => labels[i] === label)).toBe(true);
            }
          }
        },
      ),
    );
  });
});
