import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { themeMeans, wardGroups } from './groups.ts';

describe('wardGroups', () => {
  it('puts themes that sit together in one group, whatever their order', () => {
    // Three places on a line: themes 0, 3 near 0; 1, 4 near 10; 2, 5 near 20.
    const positions = [0, 10, 20, 0.5, 10.5, 20.5];
    const groupOf = wardGroups(Float64Array.from(positions), new Float64Array(6).fill(5), 6, 1, 3);
    expect(Array.from(groupOf)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('weighs a theme by its texts: a small theme joins another small one before a big one', () => {
    // Theme 1 (at 3) is nearer theme 0 (at 0) than theme 2 (at 6.5). With equal weights it joins
    // theme 0; when theme 0 has 100 texts, moving that mass costs more than joining theme 2.
    const positions = Float64Array.of(0, 3, 6.5);
    expect(Array.from(wardGroups(positions, Float64Array.of(1, 1, 1), 3, 1, 2))).toEqual([0, 0, 1]);
    expect(Array.from(wardGroups(positions, Float64Array.of(100, 1, 1), 3, 1, 2))).toEqual([0, 1, 1]);
  });

  it('returns exactly min(target, count) non-empty groups numbered by their lowest member (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 14 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 48, maxLength: 48 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 12, maxLength: 12 }),
        (count, dims, target, values, sizes) => {
          const groupOf = wardGroups(
            Float64Array.from(values.slice(0, count * dims)),
            Float64Array.from(sizes.slice(0, count)),
            count,
            dims,
            target,
          );
          const groups = Math.min(target, count);
          expect(new Set(groupOf).size).toBe(groups);
          // Group ids appear in order of their first member: 0, then 1, …
          let next = 0;
          for (const id of groupOf) {
            expect(id).toBeLessThanOrEqual(next);
            if (id === next) {
              next++;
            }
          }
        },
      ),
    );
  });
});

describe('themeMeans', () => {
  it('averages the fitted rows of each theme and skips unassigned ones', () => {
    // Fitted rows 10, 11, 12 (points 0, 1, 2) in themes 1, 1, -1; theme 0 has none.
    const points = Float32Array.of(1, 0, 0, 1, 5, 5);
    const assignments = new Int32Array(13).fill(-1);
    assignments[10] = 1;
    assignments[11] = 1;
    const { means, counts } = themeMeans(points, 2, [10, 11, 12], assignments, 2);
    expect(Array.from(counts)).toEqual([0, 2]);
    expect(Array.from(means)).toEqual([0, 0, 0.5, 0.5]);
  });
});
