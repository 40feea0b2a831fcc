/**
 * Cluster-driven term re-weighting: a column whose mass is spread evenly over the found clusters
 * carries no theme, one concentrated in a few clusters does.
 * @module
 */
import type { CsrMatrix } from '../vectorize/index.ts';

/** Options of {@link concentrationWeights}. */
export interface ConcentrationOptions {
  /** Pseudo-count spread over the clusters in proportion to their sizes (default 1). */
  readonly prior?: number;
  /** Exponent applied to 1 − normalised entropy (default 1). */
  readonly power?: number;
  /** Smallest weight (default 0): weight = floor + (1 − floor)·concentration. */
  readonly floor?: number;
}

/**
 * Per-column weight in [floor, 1]: 1 − normalised entropy of the column's document frequency per
 * cluster, divided by the cluster size (so a column spread in proportion to cluster sizes gets
 * ~0), with a size-proportional pseudo-count (a column in one text is not fully concentrated).
 *
 * @example
 * const weights = concentrationWeights(matrix, assignments, 5);
 */
export function concentrationWeights(
  matrix: CsrMatrix,
  assignments: Int32Array,
  k: number,
  options: ConcentrationOptions = {},
): Float64Array {
  const d = matrix.columnCount;
  const weights = new Float64Array(d).fill(1);
  if (k < 2) {
    return weights;
  }
  const sizes = new Float64Array(k);
  let n = 0;
  for (let row = 0; row < matrix.rowCount; row++) {
    const c = assignments[row] as number;
    if (c >= 0) {
      sizes[c] = (sizes[c] as number) + 1;
      n++;
    }
  }
  const counts = new Float64Array(d * k);
  for (let row = 0; row < matrix.rowCount; row++) {
    const c = assignments[row] as number;
    if (c < 0) {
      continue;
    }
    for (let p = matrix.indptr[row] as number; p < (matrix.indptr[row + 1] as number); p++) {
      const j = matrix.indices[p] as number;
      counts[j * k + c] = (counts[j * k + c] as number) + 1;
    }
  }
  const prior = options.prior ?? 1;
  const power = options.power ?? 1;
  const floor = options.floor ?? 0;
  const logK = Math.log(k);
  const rates = new Float64Array(k);
  for (let j = 0; j < d; j++) {
    let total = 0;
    for (let c = 0; c < k; c++) {
      const size = sizes[c] as number;
      const rate = size > 0 ? ((counts[j * k + c] as number) + (prior * size) / Math.max(1, n)) / size : 0;
      rates[c] = rate;
      total += rate;
    }
    if (total <= 0) {
      continue;
    }
    let entropy = 0;
    for (let c = 0; c < k; c++) {
      const p = (rates[c] as number) / total;
      if (p > 0) {
        entropy -= p * Math.log(p);
      }
    }
    const concentration = Math.max(0, Math.min(1, 1 - entropy / logK));
    weights[j] = floor + (1 - floor) * concentration ** power;
  }
  return weights;
}

/**
 * The matrix with each column's values multiplied by its weight (structure unchanged).
 *
 * @example
 * const weighted = scaleColumns(matrix, concentrationWeights(matrix, assignments, 5));
 */
export function scaleColumns(matrix: CsrMatrix, weights: ArrayLike<number>): CsrMatrix {
  const values = new Float32Array(matrix.values.length);
  for (let p = 0; p < values.length; p++) {
    values[p] = (matrix.values[p] as number) * (weights[matrix.indices[p] as number] as number);
  }
  return { ...matrix, values };
}
