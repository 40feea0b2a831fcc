/**
 * Coarse groups of themes (22 candidate themes → 6 strategic ones): Ward's linkage on the themes'
 * mean positions in the clustering space, weighted by how many texts each theme has.
 * @module
 */

/**
 * The mean clustering-space vector of each theme's fitted rows (themes × dims, row-major) and how
 * many fitted rows each theme has. Rows whose theme is negative (unassigned) are skipped.
 *
 * @example
 * const { means, counts } = themeMeans(points, 200, fitRows, assignments, 22);
 */
export function themeMeans(
  points: Float32Array,
  dims: number,
  fitRows: readonly number[],
  assignments: Int32Array,
  themeCount: number,
): { readonly means: Float64Array; readonly counts: Float64Array } {
  const means = new Float64Array(themeCount * dims);
  const counts = new Float64Array(themeCount);
  fitRows.forEach((row, i) => {
    const theme = assignments[row] as number;
    if (theme < 0 || theme >= themeCount) {
      return;
    }
    counts[theme] = (counts[theme] as number) + 1;
    for (let d = 0; d < dims; d++) {
      means[theme * dims + d] = (means[theme * dims + d] as number) + (points[i * dims + d] as number);
    }
  });
  for (let theme = 0; theme < themeCount; theme++) {
    const count = counts[theme] as number;
    if (count > 0) {
      for (let d = 0; d < dims; d++) {
        means[theme * dims + d] = (means[theme * dims + d] as number) / count;
      }
    }
  }
  return { means, counts };
}

/**
 * Ward's agglomerative clustering of weighted points down to `target` groups: each step merges the
 * two groups whose union least increases the within-group sum of squares, Δ = wₐw_b/(wₐ+w_b)·‖mₐ−m_b‖².
 * Unlike average linkage on sparse centroids, which leaves small distinct themes alone and puts
 * everything else in one group, this weighs a theme by its texts, so groups come out comparable
 * in size unless the themes really are far apart. A point with weight 0 counts as weight 1. Ties
 * go to the lowest pair of indices; groups are numbered by their lowest member.
 *
 * @example
 * wardGroups(Float64Array.of(0, 0, 0, 1, 5, 5), Float64Array.of(1, 1, 1), 3, 2, 2); // [0, 0, 1]
 */
export function wardGroups(
  means: Float64Array,
  weights: Float64Array,
  count: number,
  dims: number,
  target: number,
): Int32Array {
  const centre = Float64Array.from(means.subarray(0, count * dims));
  const weight = Float64Array.from({ length: count }, (_, i) => Math.max(1, weights[i] as number));
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const alive = new Uint8Array(count).fill(1);
  const cost = (a: number, b: number): number => {
    let squared = 0;
    for (let d = 0; d < dims; d++) {
      squared += ((centre[a * dims + d] as number) - (centre[b * dims + d] as number)) ** 2;
    }
    const wa = weight[a] as number;
    const wb = weight[b] as number;
    return ((wa * wb) / (wa + wb)) * squared;
  };
  for (let clusters = count; clusters > Math.max(1, target); clusters--) {
    let bestA = -1;
    let bestB = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let a = 0; a < count; a++) {
      if (!alive[a]) {
        continue;
      }
      for (let b = a + 1; b < count; b++) {
        if (!alive[b]) {
          continue;
        }
        const c = cost(a, b);
        if (c < best) {
          best = c;
          bestA = a;
          bestB = b;
        }
      }
    }
    const wa = weight[bestA] as number;
    const wb = weight[bestB] as number;
    for (let d = 0; d < dims; d++) {
      centre[bestA * dims + d] =
        ((centre[bestA * dims + d] as number) * wa + (centre[bestB * dims + d] as number) * wb) / (wa + wb);
    }
    weight[bestA] = wa + wb;
    alive[bestB] = 0;
    parent[bestB] = bestA;
  }
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) {
      r = parent[r] as number;
    }
    return r;
  };
  const groupOf = new Int32Array(count);
  const idOfRoot = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const r = root(i);
    let id = idOfRoot.get(r);
    if (id === undefined) {
      id = idOfRoot.size;
      idOfRoot.set(r, id);
    }
    groupOf[i] = id;
  }
  return groupOf;
}
