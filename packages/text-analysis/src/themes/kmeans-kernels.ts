/**
 * The row loops of spherical k-means and the silhouette, one chunk at a time (see parallel/pool.ts):
 * each chunk writes only its own rows (or its own dimensions of the sums), and every value is
 * computed exactly as one serial loop would, so the result does not depend on which thread ran it.
 * Sums over rows are left to the caller, which adds the per-row values in row order.
 */

/** Rows per chunk of the row loops. */
export const CHUNK_ROWS = 256;

/** Dimensions per chunk of the centroid sums. */
export const CHUNK_DIMS = 16;

/**
 * Dot product of two float32 vectors (four partial sums).
 *
 * @example
 * dot(points, i * dims, centroids, c * dims, dims);
 */
export function dot(
  a: Float32Array,
  aOffset: number,
  b: Float32Array,
  bOffset: number,
  dims: number,
): number {
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

/** Data of one assignment step of {@link assignRowsChunk}. */
export interface AssignRowsArgs {
  readonly points: Float32Array;
  readonly centroids: Float32Array;
  readonly n: number;
  readonly dims: number;
  readonly k: number;
  /** Row → centroid (−1 before the first step); updated. */
  readonly assignments: Int32Array;
  /** Row → similarity to its centroid (float32 and float64 copies); written. */
  readonly similarities: Float32Array;
  readonly rowSimilarities: Float64Array;
  /** Row → Hamerly lower bound on the distance to the nearest other centroid; updated. */
  readonly otherBound: Float64Array;
  /** Chunk → rows whose centroid changed; written. */
  readonly chunkChanged: Int32Array;
  /** The centroid that moved most and how far it and the second-most moving one moved (0 on the first step). */
  readonly largestAt: number;
  readonly largest: number;
  readonly secondLargest: number;
}

/**
 * One chunk of a k-means assignment step with Hamerly's bound: the bound is first lowered by how
 * far the other centroids moved; a row whose own centroid is nearer than it skips the k dot
 * products, any other row is scanned (lowest index wins a tie).
 *
 * @example
 * assignRowsChunk(args, 0); // rows 0 … 255
 */
export function assignRowsChunk(args: AssignRowsArgs, chunk: number): void {
  const { points, centroids, dims, k, assignments, similarities, rowSimilarities, otherBound } = args;
  const { largestAt, largest, secondLargest } = args;
  const end = Math.min(args.n, (chunk + 1) * CHUNK_ROWS);
  let changed = 0;
  for (let i = chunk * CHUNK_ROWS; i < end; i++) {
    const own = assignments[i] as number;
    if (own >= 0) {
      otherBound[i] = (otherBound[i] as number) - (own === largestAt ? secondLargest : largest);
      const s = dot(points, i * dims, centroids, own * dims, dims);
      if (Math.sqrt(Math.max(0, 2 - 2 * s)) + BOUND_MARGIN < (otherBound[i] as number)) {
        similarities[i] = s;
        rowSimilarities[i] = s;
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
    rowSimilarities[i] = bestSimilarity;
  }
  args.chunkChanged[chunk] = changed;
}

/** Data of {@link clusterSumsChunk}. */
export interface ClusterSumsArgs {
  readonly points: Float32Array;
  readonly n: number;
  readonly dims: number;
  readonly k: number;
  readonly assignments: Int32Array;
  /** Row-major k × dims sums of each cluster's rows; written. */
  readonly sums: Float64Array;
}

/**
 * One chunk of dimensions of the per-cluster sums of rows (added in row order).
 *
 * @example
 * clusterSumsChunk(args, 0); // dimensions 0 … 15 of every cluster
 */
export function clusterSumsChunk(args: ClusterSumsArgs, chunk: number): void {
  const { points, n, dims, k, assignments, sums } = args;
  const from = chunk * CHUNK_DIMS;
  const to = Math.min(dims, from + CHUNK_DIMS);
  for (let c = 0; c < k; c++) {
    sums.fill(0, c * dims + from, c * dims + to);
  }
  for (let i = 0; i < n; i++) {
    const base = (assignments[i] as number) * dims;
    const row = i * dims;
    for (let d = from; d < to; d++) {
      sums[base + d] = (sums[base + d] as number) + (points[row + d] as number);
    }
  }
}

/** Data of {@link nearestDistanceChunk}. */
export interface NearestDistanceArgs {
  readonly points: Float32Array;
  readonly n: number;
  readonly dims: number;
  /** Offset of the vector in `target` (a centroid or a candidate row). */
  readonly target: Float32Array;
  readonly targetOffset: number;
  /** Row → cosine distance to the nearest chosen centroid. */
  readonly distance: Float64Array;
  /** Row → min(distance, distance to the target); written. Equal to `distance` to update it. */
  readonly out: Float64Array;
}

/**
 * One chunk of k-means++: each row's distance to the nearest centroid once `target` is added.
 *
 * @example
 * nearestDistanceChunk({ ...args, out: distance }, 0); // adds a chosen centroid
 */
export function nearestDistanceChunk(args: NearestDistanceArgs, chunk: number): void {
  const { points, dims, target, targetOffset, distance, out } = args;
  const end = Math.min(args.n, (chunk + 1) * CHUNK_ROWS);
  for (let i = chunk * CHUNK_ROWS; i < end; i++) {
    out[i] = Math.min(
      distance[i] as number,
      Math.max(0, 1 - dot(points, i * dims, target, targetOffset, dims)),
    );
  }
}

/** Data of {@link silhouetteChunk}. */
export interface SilhouetteArgs {
  readonly points: Float32Array;
  readonly m: number;
  readonly dims: number;
  readonly k: number;
  readonly assignments: Int32Array;
  /** Cluster → sampled members. */
  readonly counts: Int32Array;
  /** Row → (b − a)/max(a, b), 0 when undefined; written. */
  readonly scores: Float64Array;
}

/**
 * One chunk of rows of the sampled silhouette (cosine distances to every other sampled row).
 *
 * @example
 * silhouetteChunk(args, 0);
 */
export function silhouetteChunk(args: SilhouetteArgs, chunk: number): void {
  const { points, m, dims, k, assignments, counts, scores } = args;
  const sums = new Float64Array(k);
  const end = Math.min(m, (chunk + 1) * CHUNK_ROWS);
  for (let i = chunk * CHUNK_ROWS; i < end; i++) {
    scores[i] = 0;
    sums.fill(0);
    const own = assignments[i] as number;
    for (let j = 0; j < m; j++) {
      if (j !== i) {
        const c = assignments[j] as number;
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
      scores[i] = denominator > 0 ? (b - a) / denominator : 0;
    }
  }
}
