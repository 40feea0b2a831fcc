/** Spherical k-means (cosine) on dense l2-normalised rows, k-means++ initialisation, restarts. */
import type { Random } from '../vectorize/random.ts';
import {
  poolFor,
  runChunks,
  shareArray,
  sharedFloat32,
  sharedFloat64,
  sharedInt32,
  type WorkerPool,
} from '../parallel/pool.ts';
import { CHUNK_DIMS, CHUNK_ROWS, dot } from './kmeans-kernels.ts';

/** Result of one k-means fit. */
export interface KMeansResult {
  readonly k: number;
  /** Row-major k × dimensions, each row l2-normalised. */
  readonly centroids: Float32Array;
  readonly assignments: Int32Array;
  /** Cosine similarity of each row to its centroid. */
  readonly similarities: Float32Array;
  /** Sum of similarities (higher is better). */
  readonly objective: number;
}

function normalizeRows(data: Float32Array, rows: number, dims: number): void {
  for (let r = 0; r < rows; r++) {
    let norm = 0;
    for (let c = 0; c < dims; c++) {
      norm += (data[r * dims + c] as number) ** 2;
    }
    if (norm > 0) {
      const inverse = 1 / Math.sqrt(norm);
      for (let c = 0; c < dims; c++) {
        data[r * dims + c] = (data[r * dims + c] as number) * inverse;
      }
    }
  }
}

function initialize(
  points: Float32Array,
  n: number,
  dims: number,
  k: number,
  random: Random,
  pool: WorkerPool | undefined,
): Float32Array {
  const isShared = pool !== undefined;
  const centroids = sharedFloat32(k * dims, isShared);
  const distance = sharedFloat64(n, isShared).fill(Number.POSITIVE_INFINITY);
  const trial = sharedFloat64(n, isShared);
  const chunks = Math.ceil(n / CHUNK_ROWS);
  let chosen = random.nextInt(n);
  for (let c = 0; c < k; c++) {
    centroids.set(points.subarray(chosen * dims, (chosen + 1) * dims), c * dims);
    const nearest = { points, n, dims, target: centroids, targetOffset: c * dims, distance, out: distance };
    runChunks(pool, 'nearestDistance', nearest, chunks);
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += (distance[i] as number) ** 2;
    }
    if (c + 1 === k) {
      break;
    }
    // Greedy k-means++: best of a few candidates drawn proportionally to D².
    let best = -1;
    let bestPotential = Number.POSITIVE_INFINITY;
    const trials = 2 + Math.floor(Math.log(k));
    for (let t = 0; t < trials; t++) {
      let target = random.next() * total;
      let candidate = n - 1;
      for (let i = 0; i < n; i++) {
        target -= (distance[i] as number) ** 2;
        if (target <= 0) {
          candidate = i;
          break;
        }
      }
      const withCandidate = {
        points,
        n,
        dims,
        target: points,
        targetOffset: candidate * dims,
        distance,
        out: trial,
      };
      runChunks(pool, 'nearestDistance', withCandidate, chunks);
      let potential = 0;
      for (let i = 0; i < n; i++) {
        const d = trial[i] as number;
        potential += d * d;
      }
      if (potential < bestPotential) {
        bestPotential = potential;
        best = candidate;
      }
    }
    chosen = best < 0 ? random.nextInt(n) : best;
  }
  return centroids;
}

/**
 * Runs spherical k-means once from a k-means++ start (or from `start`). With `workers`, the row
 * loops of large enough inputs are shared with the worker thread; the result is bit-identical.
 *
 * @example
 * const result = sphericalKMeans(points, n, 100, 5, createRandom(1));
 */
export function sphericalKMeans(
  points: Float32Array,
  n: number,
  dims: number,
  k: number,
  random: Random,
  maxIterations = 40,
  start?: Float32Array,
  workers?: WorkerPool,
): KMeansResult {
  const pool = poolFor(workers, n * k * dims);
  const isShared = pool !== undefined;
  const rows = shareArray(points, isShared);
  const centroids = start
    ? shareArray(Float32Array.from(start), isShared)
    : initialize(rows, n, dims, k, random, pool);
  const assignments = shareArray(new Int32Array(n).fill(-1), isShared);
  const similarities = sharedFloat32(n, isShared);
  const rowSimilarities = sharedFloat64(n, isShared);
  const sums = sharedFloat64(k * dims, isShared);
  const sizes = new Int32Array(k);
  // Hamerly's bound: a lower bound on each row's (Euclidean, unit-vector) distance to its nearest
  // other centroid. When the exact distance to its own centroid is below it, no other centroid can
  // be nearer and the row skips the k dot products; otherwise it is scanned as before. The result
  // is the same as scanning every row (the margin covers rounding in √(2 − 2·cos)).
  const otherBound = sharedFloat64(n, isShared);
  const rowChunks = Math.ceil(n / CHUNK_ROWS);
  const chunkChanged = shareArray(new Int32Array(rowChunks), isShared);
  const previous = new Float32Array(k * dims);
  // How far the centroid that moved most (and the second-most moving one) moved in the last update.
  let shift = { largestAt: -1, largest: 0, secondLargest: 0 };
  let objective = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const previousObjective = iteration === 0 ? Number.NEGATIVE_INFINITY : objective;
    const step = { points: rows, centroids, n, dims, k, assignments, similarities, rowSimilarities };
    runChunks(pool, 'assignRows', { ...step, otherBound, chunkChanged, ...shift }, rowChunks);
    let changed = 0;
    for (let chunk = 0; chunk < rowChunks; chunk++) {
      changed += chunkChanged[chunk] as number;
    }
    objective = 0;
    for (let i = 0; i < n; i++) {
      objective += rowSimilarities[i] as number;
    }
    if (
      iteration > 0 &&
      (changed <= n / 1000 || objective - previousObjective < 1e-5 * Math.abs(objective))
    ) {
      break;
    }
    previous.set(centroids);
    runChunks(
      pool,
      'clusterSums',
      { points: rows, n, dims, k, assignments, sums },
      Math.ceil(dims / CHUNK_DIMS),
    );
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignments[i] as number;
      sizes[c] = (sizes[c] as number) + 1;
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) {
        // Re-seed an empty cluster with the worst-fitting point.
        let worst = 0;
        for (let i = 1; i < n; i++) {
          if ((similarities[i] as number) < (similarities[worst] as number)) {
            worst = i;
          }
        }
        similarities[worst] = 1;
        for (let d = 0; d < dims; d++) {
          centroids[c * dims + d] = rows[worst * dims + d] as number;
        }
        continue;
      }
      for (let d = 0; d < dims; d++) {
        centroids[c * dims + d] = sums[c * dims + d] as number;
      }
    }
    normalizeRows(centroids, k, dims);
    // A row's nearest other centroid came at most the largest move of the others closer (the
    // next assignment step lowers the bounds).
    shift = centroidShift(centroids, previous, k, dims);
  }
  return { k, centroids, assignments, similarities, objective };
}

/** The centroid that moved most, how far, and how far the second-most moving one moved. */
function centroidShift(
  centroids: Float32Array,
  previous: Float32Array,
  k: number,
  dims: number,
): { largestAt: number; largest: number; secondLargest: number } {
  let largest = 0;
  let largestAt = -1;
  let secondLargest = 0;
  for (let c = 0; c < k; c++) {
    let squared = 0;
    for (let d = 0; d < dims; d++) {
      squared += ((centroids[c * dims + d] as number) - (previous[c * dims + d] as number)) ** 2;
    }
    const shift = Math.sqrt(squared);
    if (shift > largest) {
      secondLargest = largest;
      largest = shift;
      largestAt = c;
    } else if (shift > secondLargest) {
      secondLargest = shift;
    }
  }
  return { largestAt, largest, secondLargest };
}

/**
 * Best of several spherical k-means runs (highest total similarity); `pool` as in
 * {@link sphericalKMeans}.
 *
 * @example
 * const best = bestOfRestarts(points, n, dims, 5, 4, createRandom(1));
 */
export function bestOfRestarts(
  points: Float32Array,
  n: number,
  dims: number,
  k: number,
  restarts: number,
  random: Random,
  { restartSample = 6_000, pool }: { readonly restartSample?: number; readonly pool?: WorkerPool } = {},
): KMeansResult {
  // Restarts on a sub-sample (its first rows: callers pass rows in a random or canonical order),
  // then the best centroids seed one run on all rows.
  const m = n > restartSample * 1.5 && restarts > 1 ? restartSample : n;
  const subset = m === n ? points : points.subarray(0, m * dims);
  let best: KMeansResult | undefined;
  for (let r = 0; r < Math.max(1, restarts); r++) {
    const result = sphericalKMeans(subset, m, dims, k, random, 40, undefined, pool);
    if (!best || result.objective > best.objective) {
      best = result;
    }
  }
  if (m === n) {
    return best as KMeansResult;
  }
  return sphericalKMeans(points, n, dims, k, random, 25, (best as KMeansResult).centroids, pool);
}

/**
 * Centroid-based ("simplified") silhouette with cosine distance: mean over rows of (b − a)/max(a, b)
 * where a is the distance to the own centroid and b to the nearest other centroid.
 *
 * @example
 * simplifiedSilhouette(points, n, dims, result); // in [-1, 1], higher is better
 */
export function simplifiedSilhouette(
  points: Float32Array,
  n: number,
  dims: number,
  result: KMeansResult,
): number {
  if (result.k < 2 || n === 0) {
    return 0;
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = result.assignments[i] as number;
    let a = 0;
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < result.k; c++) {
      const distance = 1 - dot(points, i * dims, result.centroids, c * dims, dims);
      if (c === own) {
        a = distance;
      } else if (distance < b) {
        b = distance;
      }
    }
    const denominator = Math.max(a, b);
    total += denominator > 0 ? (b - a) / denominator : 0;
  }
  return total / n;
}

/**
 * Silhouette (Rousseeuw) with cosine distance on the first `sampleSize` rows (callers pass rows in
 * random order): mean over those rows of (b − a)/max(a, b), a = mean distance to the sampled
 * members of the own cluster, b = the smallest mean distance to another cluster's sampled members.
 * With `workers`, the rows are shared with the worker thread (same result).
 *
 * @example
 * sampledSilhouette(points, n, dims, result, 1000); // in [-1, 1], higher is better
 */
export function sampledSilhouette(
  points: Float32Array,
  n: number,
  dims: number,
  result: KMeansResult,
  sampleSize = 1000,
  workers?: WorkerPool,
): number {
  const m = Math.min(n, sampleSize);
  if (result.k < 2 || m < 3) {
    return 0;
  }
  const k = result.k;
  const pool = poolFor(workers, m * m * dims);
  const isShared = pool !== undefined;
  const counts = sharedInt32(k, isShared);
  for (let i = 0; i < m; i++) {
    const c = result.assignments[i] as number;
    counts[c] = (counts[c] as number) + 1;
  }
  const scores = sharedFloat64(m, isShared);
  const args = {
    points: shareArray(points.subarray(0, m * dims), isShared),
    m,
    dims,
    k,
    assignments: shareArray(result.assignments.subarray(0, m), isShared),
    counts,
    scores,
  };
  runChunks(pool, 'silhouette', args, Math.ceil(m / CHUNK_ROWS));
  let total = 0;
  for (let i = 0; i < m; i++) {
    total += scores[i] as number;
  }
  return total / m;
}

/**
 * The l2-normalised mean of each cluster's rows (row-major k × dims; an empty cluster's row stays
 * zero), e.g. to start k-means in a new space from an earlier partition.
 *
 * @example
 * const start = assignmentCentroids(points, n, dims, previous.assignments, previous.k);
 */
export function assignmentCentroids(
  points: Float32Array,
  n: number,
  dims: number,
  assignments: Int32Array,
  k: number,
): Float32Array {
  const sums = new Float64Array(k * dims);
  for (let i = 0; i < n; i++) {
    const c = assignments[i] as number;
    if (c < 0) {
      continue;
    }
    for (let d = 0; d < dims; d++) {
      sums[c * dims + d] = (sums[c * dims + d] as number) + (points[i * dims + d] as number);
    }
  }
  const centroids = Float32Array.from(sums);
  normalizeRows(centroids, k, dims);
  return centroids;
}
