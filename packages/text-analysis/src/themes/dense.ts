/**
 * Dense helpers of theme discovery, laid out columns × themes so that the k values of one term are
 * contiguous (cache-friendly when scoring a million sparse rows).
 */
import type { CsrMatrix } from '../vectorize/index.ts';
import type { OneVsRestModel } from '../suggest/linear.ts';

/**
 * The matrix restricted to its non-empty columns, with `columns[j]` = original column of j.
 *
 * @example
 * const compact = compactColumns(selectRows(matrix, [0, 5, 9]));
 */
export function compactColumns(matrix: CsrMatrix): CsrMatrix & { readonly columns: Int32Array } {
  const used = new Int32Array(matrix.columnCount).fill(-1);
  const columns: number[] = [];
  for (let p = 0; p < matrix.indices.length; p++) {
    const j = matrix.indices[p] as number;
    if (used[j] === -1) {
      used[j] = 0;
    }
  }
  for (let j = 0; j < matrix.columnCount; j++) {
    if (used[j] === 0) {
      used[j] = columns.length;
      columns.push(j);
    }
  }
  const indices = Int32Array.from(matrix.indices, (j) => used[j] as number);
  return {
    rowCount: matrix.rowCount,
    columnCount: columns.length,
    indptr: matrix.indptr,
    indices,
    values: matrix.values,
    columns: Int32Array.from(columns),
  };
}

/**
 * The columns used by at least `minRows` rows, compacted (rows keep their other values). A term
 * in a single text adds nothing to what texts share, only size to an SVD.
 *
 * @example
 * const shared = dropRareColumns(matrix, 2).columnCount; // columns in two or more rows
 */
export function dropRareColumns(matrix: CsrMatrix, minRows: number): CsrMatrix {
  if (minRows <= 1) {
    return matrix;
  }
  const counts = new Int32Array(matrix.columnCount);
  for (let p = 0; p < matrix.indices.length; p++) {
    const j = matrix.indices[p] as number;
    counts[j] = (counts[j] as number) + 1;
  }
  const newColumn = new Int32Array(matrix.columnCount).fill(-1);
  let columnCount = 0;
  for (let j = 0; j < matrix.columnCount; j++) {
    if ((counts[j] as number) >= minRows) {
      newColumn[j] = columnCount++;
    }
  }
  const indptr = new Int32Array(matrix.rowCount + 1);
  let nnz = 0;
  for (let p = 0; p < matrix.indices.length; p++) {
    if ((newColumn[matrix.indices[p] as number] as number) >= 0) {
      nnz++;
    }
  }
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  let out = 0;
  for (let row = 0; row < matrix.rowCount; row++) {
    for (let p = matrix.indptr[row] as number; p < (matrix.indptr[row + 1] as number); p++) {
      const j = newColumn[matrix.indices[p] as number] as number;
      if (j >= 0) {
        indices[out] = j;
        values[out] = matrix.values[p] as number;
        out++;
      }
    }
    indptr[row + 1] = out;
  }
  return { rowCount: matrix.rowCount, columnCount, indptr, indices, values };
}

/** Weights of a classifier trained on compacted columns, transposed (columns × classes) to the full space. */
export interface TransposedWeights {
  readonly classes: number;
  /** columnCount × classes, row-major: the scores of one term are contiguous. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/**
 * Re-indexes a classifier trained on compacted columns to the full column space, transposed.
 *
 * @example
 * const transposed = transposeClassifier(model, compact.columns, matrix.columnCount);
 */
export function transposeClassifier(
  model: OneVsRestModel,
  columns: Int32Array,
  columnCount: number,
): TransposedWeights {
  const k = model.classes.length;
  const stride = model.columnCount + 1;
  const weights = new Float32Array(columnCount * k);
  const bias = new Float32Array(k);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < model.columnCount; j++) {
      weights[(columns[j] as number) * k + c] = model.weights[c * stride + j] as number;
    }
    bias[c] = model.weights[c * stride + model.columnCount] as number;
  }
  return { classes: k, weights, bias };
}

/**
 * Dense sums of member rows per theme, columns × k (row-major).
 *
 * @example
 * const sums = centroidSums(matrix, assignments, 3);
 */
export function centroidSums(matrix: CsrMatrix, assignments: Int32Array, k: number): Float32Array {
  const sums = new Float32Array(matrix.columnCount * k);
  for (let row = 0; row < matrix.rowCount; row++) {
    const c = assignments[row] as number;
    if (c < 0) {
      continue;
    }
    for (let p = matrix.indptr[row] as number; p < (matrix.indptr[row + 1] as number); p++) {
      const j = (matrix.indices[p] as number) * k + c;
      sums[j] = (sums[j] as number) + (matrix.values[p] as number);
    }
  }
  return sums;
}

/**
 * Squared norms of each theme's column in a columns × k matrix.
 *
 * @example
 * const squaredNorms = columnNorms(sums, 3);
 */
export function columnNorms(sums: Float32Array, k: number): Float64Array {
  const norms = new Float64Array(k);
  for (let i = 0; i < sums.length; i++) {
    const c = i % k;
    norms[c] = (norms[c] as number) + (sums[i] as number) ** 2;
  }
  return norms;
}

/**
 * Dense TF-IDF centroids (columns × k), each theme l2-normalised.
 *
 * @example
 * const centroids = tfidfCentroids(matrix, assignments, 3);
 */
export function tfidfCentroids(matrix: CsrMatrix, assignments: Int32Array, k: number): Float32Array {
  const centroids = centroidSums(matrix, assignments, k);
  const norms = columnNorms(centroids, k);
  const inverse = Float64Array.from(norms, (norm) => (norm > 0 ? 1 / Math.sqrt(norm) : 0));
  for (let i = 0; i < centroids.length; i++) {
    centroids[i] = (centroids[i] as number) * (inverse[i % k] as number);
  }
  return centroids;
}

/**
 * Dot products of one row with every theme of a columns × k matrix (plus an optional bias).
 *
 * @example
 * const similarities = centroidSimilarities(matrix, 0, centroids, 3);
 */
export function centroidSimilarities(
  matrix: CsrMatrix,
  row: number,
  centroids: Float32Array,
  k: number,
  out = new Float64Array(k),
  bias?: Float32Array,
): Float64Array {
  if (bias) {
    for (let c = 0; c < k; c++) {
      out[c] = bias[c] as number;
    }
  } else {
    out.fill(0);
  }
  const end = matrix.indptr[row + 1] as number;
  for (let p = matrix.indptr[row] as number; p < end; p++) {
    const v = matrix.values[p] as number;
    const base = (matrix.indices[p] as number) * k;
    for (let c = 0; c < k; c++) {
      out[c] = (out[c] as number) + v * (centroids[base + c] as number);
    }
  }
  return out;
}

/**
 * Row-wise [a, weight·b] of two dense row-major blocks, each result row l2-normalised.
 *
 * @example
 * const both = concatenateDense(lsa, 100, ppmi, 100, 2, n); // n × 200
 */
export function concatenateDense(
  a: Float32Array,
  aDims: number,
  b: Float32Array,
  bDims: number,
  weight: number,
  n: number,
): Float32Array {
  const dims = aDims + bDims;
  const out = new Float32Array(n * dims);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let c = 0; c < aDims; c++) {
      const v = a[i * aDims + c] as number;
      out[i * dims + c] = v;
      norm += v * v;
    }
    for (let c = 0; c < bDims; c++) {
      const v = weight * (b[i * bDims + c] as number);
      out[i * dims + aDims + c] = v;
      norm += v * v;
    }
    if (norm > 0) {
      const inverse = 1 / Math.sqrt(norm);
      for (let c = 0; c < dims; c++) {
        out[i * dims + c] = (out[i * dims + c] as number) * inverse;
      }
    }
  }
  return out;
}
