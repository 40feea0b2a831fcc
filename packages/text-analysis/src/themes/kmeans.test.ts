import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRandom } from '../vectorize/random.ts';
import { assignmentCentroids, sphericalKMeans } from './kmeans.ts';

/**
 * Plain Lloyd iterations with the same rules as `sphericalKMeans` (lowest index wins a tie, the same
 * stopping test, an empty cluster re-seeded with the worst-fitting row) but scanning every centroid
 * for every row: the oracle for the bounded version.
 */
function scanningKMeans(
  points: Float32Array,
  n: number,
  dims: number,
  k: number,
  start: Float32Array,
  maxIterations = 40,
) {
  const dot = (a: Float32Array, ai: number, b: Float32Array, bi: number): number => {
    const sums = [0, 0, 0, 0];
    let c = 0;
    for (; c + 3 < dims; c += 4) {
      for (let u = 0; u < 4; u++) {
        sums[u] = (sums[u] as number) + (a[ai + c + u] as number) * (b[bi + c + u] as number);
      }
    }
    for (; c < dims; c++) {
      sums[0] = (sums[0] as number) + (a[ai + c] as number) * (b[bi + c] as number);
    }
    return (sums[0] as number) + (sums[1] as number) + (sums[2] as number) + (sums[3] as number);
  };
  const centroids = Float32Array.from(start);
  const assignments = new Int32Array(n).fill(-1);
  const similarities = new Float32Array(n);
  let objective = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = 0;
    const previousObjective = iteration === 0 ? Number.NEGATIVE_INFINITY : objective;
    objective = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestSimilarity = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const s = dot(points, i * dims, centroids, c * dims);
        if (s > bestSimilarity) {
          bestSimilarity = s;
          best = c;
        }
      }
      if (assignments[i] !== best) {
        changed++;
        assignments[i] = best;
      }
      similarities[i] = bestSimilarity;
      objective += bestSimilarity;
    }
    if (
      iteration > 0 &&
      (changed <= n / 1000 || objective - previousObjective < 1e-5 * Math.abs(objective))
    ) {
      break;
    }
    const sums = new Float64Array(k * dims);
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = assignments[i] as number;
      sizes[c] = (sizes[c] as number) + 1;
      for (let d = 0; d < dims; d++) {
        sums[c * dims + d] = (sums[c * dims + d] as number) + (points[i * dims + d] as number);
      }
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) {
        let worst = 0;
        for (let i = 1; i < n; i++) {
          if ((similarities[i] as number) < (similarities[worst] as number)) {
            worst = i;
          }
        }
        similarities[worst] = 1;
        for (let d = 0; d < dims; d++) {
          centroids[c * dims + d] = points[worst * dims + d] as number;
        }
        continue;
      }
      for (let d = 0; d < dims; d++) {
        centroids[c * dims + d] = sums[c * dims + d] as number;
      }
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) {
        norm += (centroids[c * dims + d] as number) ** 2;
      }
      if (norm > 0) {
        const inverse = 1 / Math.sqrt(norm);
        for (let d = 0; d < dims; d++) {
          centroids[c * dims + d] = (centroids[c * dims + d] as number) * inverse;
        }
      }
    }
  }
  return { centroids, assignments, similarities, objective };
}

/** n unit rows around `blobs` random directions (spread `noise`), some rows repeated exactly. */
function blobs(seed: number, n: number, dims: number, count: number, noise: number): Float32Array {
  const random = createRandom(seed);
  const centres = Array.from({ length: count }, () =>
    Array.from({ length: dims }, () => random.nextGaussian()),
  );
  const points = new Float32Array(n * dims);
  for (let i = 0; i < n; i++) {
    if (i > 0 && random.next() < 0.2) {
      points.copyWithin(i * dims, (i - 1) * dims, i * dims);
      continue;
    }
    const centre = centres[random.nextInt(count)] as number[];
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const value = (centre[d] as number) + noise * random.nextGaussian();
      points[i * dims + d] = value;
      norm += value * value;
    }
    for (let d = 0; d < dims; d++) {
      points[i * dims + d] = (points[i * dims + d] as number) / Math.sqrt(norm);
    }
  }
  return points;
}

describe('sphericalKMeans', () => {
  it('gives exactly what scanning every centroid for every row gives (the bound only skips work)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (seed, n, dims, k, count, noise) => {
          const points = blobs(seed, n, dims, count, noise);
          const start = new Float32Array(k * dims);
          for (let c = 0; c < k; c++) {
            const row = (seed * 7 + c * 13) % n;
            start.set(points.subarray(row * dims, (row + 1) * dims), c * dims);
          }
          const bounded = sphericalKMeans(points, n, dims, k, createRandom(0), 40, start);
          const scanned = scanningKMeans(points, n, dims, k, start);
          expect(Array.from(bounded.assignments)).toEqual(Array.from(scanned.assignments));
          expect(Array.from(bounded.centroids)).toEqual(Array.from(scanned.centroids));
          expect(Array.from(bounded.similarities)).toEqual(Array.from(scanned.similarities));
          expect(bounded.objective).toBe(scanned.objective);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds well-separated groups from its own k-means++ start', () => {
    const points = blobs(3, 600, 20, 4, 0.05);
    const result = sphericalKMeans(points, 600, 20, 4, createRandom(1));
    // Rows that are near each other end in the same cluster: each cluster's rows have cosine > 0.9
    // with their centroid.
    expect(Math.min(...result.similarities)).toBeGreaterThan(0.9);
    expect(new Set(result.assignments).size).toBe(4);
  });
});

describe('assignmentCentroids', () => {
  it('gives the unit-length mean of each cluster, skips unassigned rows and leaves empty clusters at zero', () => {
    const points = Float32Array.of(1, 0, 0, 1, 1, 0, -1, 0);
    const centroids = assignmentCentroids(points, 4, 2, Int32Array.of(0, 0, 0, -1), 2);
    const norm = Math.hypot(2, 1);
    expect(Array.from(centroids).map((x) => Math.round(x * 1e6) / 1e6)).toEqual([
      Math.round((2 / norm) * 1e6) / 1e6,
      Math.round((1 / norm) * 1e6) / 1e6,
      0,
      0,
    ]);
  });
});
