/** Spherical k-means (cosine) on dense l2-normalised rows, k-means++ initialisation, restarts. */
import type { Random } from '../vectorize/random.ts';

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

function dot(a: Float32Array, aOffset: number, b: Float32Array, bOffset: number, dims: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let c = 0;
  for (; c + 3 < dims; c += 4) {
    s0 += (a[aOffset + c] as number) * (b[bOffset + c] as number);
    s1 += (a[aOffset + c + 1] as number) * (b[bOffset + c + 1] as number);
    s2 += (a[aOffset + c + 2] as number) * (b[bOffset + c + 2] as number);
    s3 += (a[aOffset + c + 3] as number) * (b[bOffset + c + 3] as number);
  }
  for (; c < dims; c++) {
    s0 += (a[aOffset + c] as number) * (b[bOffset + c] as number);
  }
  return s0 + s1 + s2 + s3;
}

/**
 * Slack in the bound test: distances come from √(2 − 2·cos) of float32 unit vectors, whose squared
 * norms are 1 within ~1e-7, so a distance of at least 1e-3 is off by at most ~1e-4.
 */
const BOUND_MARGIN = 1e-3;

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

function initialize(points: Float32Array, n: number, dims: number, k: number, random: Random): Float32Array {
  const centroids = new Float32Array(k * dims);
  const distance = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let chosen = random.nextInt(n);
  for (let c = 0; c < k; c++) {
    centroids.set(points.subarray(chosen * dims, (chosen + 1) * dims), c * dims);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.max(0, 1 - dot(points, i * dims, centroids, c * dims, dims));
      if (d < (distance[i] as number)) {
        distance[i] = d;
      }
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
      let potential = 0;
      for (let i = 0; i < n; i++) {
        const d = Math.min(
          distance[i] as number,
          Math.max(0, 1 - dot(points, i * dims, points, candidate * dims, dims)),
        );
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
 * Runs spherical k-means once from a k-means++ start.
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
): KMeansResult {
  const centroids = start ? Float32Array.from(start) : initialize(points, n, dims, k, random);
  const assignments = new Int32Array(n).fill(-1);
  const similarities = new Float32Array(n);
  const sums = new Float64Array(k * dims);
  const sizes = new Int32Array(k);
  // Hamerly's bound: a lower bound on each row's (Euclidean, unit-vector) distance to its nearest
  // other centroid. When the exact distance to its own centroid is below it, no other centroid can
  // be nearer and the row skips the k dot products; otherwise it is scanned as before. The result
  // is the same as scanning every row (the margin covers rounding in √(2 − 2·cos)).
  const otherBound = new Float64Array(n);
  const previous = new Float32Array(k * dims);
  let objective = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = 0;
    const previousObjective = iteration === 0 ? Number.NEGATIVE_INFINITY : objective;
    objective = 0;
    for (let i = 0; i < n; i++) {
      const own = assignments[i] as number;
      if (own >= 0) {
        const s = dot(points, i * dims, centroids, own * dims, dims);
        if (Math.sqrt(Math.max(0, 2 - 2 * s)) + BOUND_MARGIN < (otherBound[i] as number)) {
          similarities[i] = s;
          objective += s;
          continue;
        }
      }
      let best = 0;
      let bestSimilarity = Number.NEGATIVE_INFINITY;
      let secondSimilarity = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const s = dot(points, i * dims, centroids, c * dims, dims);
        if (s > bestSimilarity) {
          secondSimilarity = bestSimilarity;
          bestSimilarity = s;
          best = c;
        } else if (s > secondSimilarity) {
          secondSimilarity = s;
        }
      }
      otherBound[i] = k > 1 ? Math.sqrt(Math.max(0, 2 - 2 * secondSimilarity)) : Number.POSITIVE_INFINITY;
      if (own !== best) {
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
    previous.set(centroids);
    sums.fill(0);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignments[i] as number;
      sizes[c] = (sizes[c] as number) + 1;
      for (let d = 0; d < dims; d++) {
        sums[c * dims + d] = (sums[c * dims + d] as number) + (points[i * dims + d] as number);
      }
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
          centroids[c * dims + d] = points[worst * dims + d] as number;
        }
        continue;
      }
      for (let d = 0; d < dims; d++) {
        centroids[c * dims + d] = sums[c * dims + d] as number;
      }
    }
    normalizeRows(centroids, k, dims);
    // How far each centroid moved; a row's nearest other centroid came at most the largest move
    // of the others closer.
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
    for (let i = 0; i < n; i++) {
      otherBound[i] = (otherBound[i] as number) - (assignments[i] === largestAt ? secondLargest : largest);
    }
  }
  return { k, centroids, assignments, similarities, objective };
}

/**
 * Best of several spherical k-means runs (highest total similarity).
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
  restartSample = 6_000,
): KMeansResult {
  // Restarts on a sub-sample (its first rows: callers pass rows in a random or canonical order),
  // then the best centroids seed one run on all rows.
  const m = n > restartSample * 1.5 && restarts > 1 ? restartSample : n;
  const subset = m === n ? points : points.subarray(0, m * dims);
  let best: KMeansResult | undefined;
  for (let r = 0; r < Math.max(1, restarts); r++) {
    const result = sphericalKMeans(subset, m, dims, k, random);
    if (!best || result.objective > best.objective) {
      best = result;
    }
  }
  if (m === n) {
    return best as KMeansResult;
  }
  return sphericalKMeans(points, n, dims, k, random, 25, (best as KMeansResult).centroids);
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
): number {
  const m = Math.min(n, sampleSize);
  if (result.k < 2 || m < 3) {
    return 0;
  }
  const k = result.k;
  const sums = new Float64Array(k);
  const counts = new Int32Array(k);
  for (let i = 0; i < m; i++) {
    const c = result.assignments[i] as number;
    counts[c] = (counts[c] as number) + 1;
  }
  let total = 0;
  for (let i = 0; i < m; i++) {
    sums.fill(0);
    const own = result.assignments[i] as number;
    for (let j = 0; j < m; j++) {
      if (j !== i) {
        const c = result.assignments[j] as number;
        sums[c] = (sums[c] as number) + 1 - dot(points, i * dims, points, j * dims, dims);
      }
    }
    const ownCount = (counts[own] as number) - 1;
    if (ownCount === 0) {
      continue;
    }
    const a = (sums[own] as number) / ownCount;
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c !== own && (counts[c] as number) > 0) {
        b = Math.min(b, (sums[c] as number) / (counts[c] as number));
      }
    }
    if (Number.isFinite(b)) {
      const denominator = Math.max(a, b);
      total += denominator > 0 ? (b - a) / denominator : 0;
    }
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
