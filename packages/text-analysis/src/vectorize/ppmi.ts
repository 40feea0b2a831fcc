/**
 * Corpus-learned word vectors for short texts: positive pointwise mutual information (PPMI) of
 * term co-occurrence within texts, reduced by the randomised SVD; a text is the TF-IDF-weighted sum
 * of its terms' vectors. Two texts with no term in common ("nurses were lovely" / "kind staff")
 * still land close when their terms keep the same company elsewhere in the corpus.
 * No pretrained model: everything comes from the corpus itself. Deterministic for a seed.
 * @module
 */
import type { CsrMatrix } from './index.ts';
import { reduceDimensions } from './lsa.ts';
import type { WorkerPool } from '../parallel/pool.ts';

/** Options of {@link ppmiDocumentVectors}. */
export interface PpmiOptions {
  /** Word-vector dimensions (default 100). */
  readonly dimensions?: number;
  /** Most frequent columns that get vectors (default 3,000). */
  readonly maxTerms?: number;
  /** Context-distribution smoothing exponent (default 0.75, as word2vec). */
  readonly smoothing?: number;
  readonly seed?: number;
  /** Power iterations of the randomised SVD (default 3). */
  readonly powerIterations?: number;
  /** A worker to share the SVD's products with (same result with or without). */
  readonly pool?: WorkerPool;
}

/**
 * Document vectors (row-major rows × dimensions, each l2-normalised; a row with no known term stays
 * zero) from PPMI word vectors learned on the same matrix.
 *
 * @example
 * const { vectors, dimensions } = ppmiDocumentVectors(model.matrix, { dimensions: 100, seed: 1 });
 */
export function ppmiDocumentVectors(
  matrix: CsrMatrix,
  options: PpmiOptions = {},
): { readonly vectors: Float32Array; readonly dimensions: number; readonly wordVectors?: PpmiWordVectors } {
  const n = matrix.rowCount;
  const df = new Int32Array(matrix.columnCount);
  for (let p = 0; p < matrix.indices.length; p++) {
    const j = matrix.indices[p] as number;
    df[j] = (df[j] as number) + 1;
  }
  // Terms: the most frequent columns seen in at least two texts (ties by column: deterministic).
  const candidates: number[] = [];
  for (let j = 0; j < matrix.columnCount; j++) {
    if ((df[j] as number) >= 2) {
      candidates.push(j);
    }
  }
  candidates.sort((a, b) => (df[b] as number) - (df[a] as number) || a - b);
  const terms = candidates.slice(0, options.maxTerms ?? 3000).sort((a, b) => a - b);
  const t = terms.length;
  const dims = Math.min(options.dimensions ?? 100, Math.max(1, t - 1));
  if (t < 3) {
    return { vectors: new Float32Array(n * dims), dimensions: dims };
  }
  const index = new Int32Array(matrix.columnCount).fill(-1);
  terms.forEach((column, i) => (index[column] = i));
  // Co-occurrence counts: texts containing both terms (dense t × t, symmetric).
  const cooccurrence = new Float32Array(t * t);
  const inText: number[] = [];
  for (let row = 0; row < n; row++) {
    inText.length = 0;
    for (let p = matrix.indptr[row] as number; p < (matrix.indptr[row + 1] as number); p++) {
      const i = index[matrix.indices[p] as number] as number;
      if (i >= 0) {
        inText.push(i);
      }
    }
    for (let a = 0; a < inText.length; a++) {
      const base = (inText[a] as number) * t;
      for (let b = 0; b < inText.length; b++) {
        if (a !== b) {
          cooccurrence[base + (inText[b] as number)] =
            (cooccurrence[base + (inText[b] as number)] as number) + 1;
        }
      }
    }
  }
  const rowSums = new Float64Array(t);
  const contextSums = new Float64Array(t);
  const alpha = options.smoothing ?? 0.75;
  let smoothedTotal = 0;
  for (let i = 0; i < t; i++) {
    let sum = 0;
    for (let j = 0; j < t; j++) {
      sum += cooccurrence[i * t + j] as number;
    }
    rowSums[i] = sum;
  }
  for (let j = 0; j < t; j++) {
    contextSums[j] = (rowSums[j] as number) ** alpha;
    smoothedTotal += contextSums[j] as number;
  }
  // Sparse PPMI rows.
  const indptr = new Int32Array(t + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < t; i++) {
    for (let j = 0; j < t; j++) {
      const c = cooccurrence[i * t + j] as number;
      if (c > 0) {
        // PMI = log P(i, j) / (P(i) · Pα(j)) with Pα the smoothed context distribution.
        const value = Math.log((c * smoothedTotal) / ((rowSums[i] as number) * (contextSums[j] as number)));
        if (value > 0) {
          indices.push(j);
          values.push(value);
        }
      }
    }
    indptr[i + 1] = indices.length;
  }
  const ppmi: CsrMatrix = {
    rowCount: t,
    columnCount: t,
    indptr,
    indices: Int32Array.from(indices),
    values: Float32Array.from(values),
  };
  const words = reduceDimensions(ppmi, {
    dimensions: dims,
    seed: options.seed ?? 0,
    powerIterations: options.powerIterations ?? 3,
    isComputingComponents: false,
    ...(options.pool ? { pool: options.pool } : {}),
  });
  const wordVectors: PpmiWordVectors = { index, embedding: words.embedding, dimensions: words.dimensions };
  return { vectors: embedWithWordVectors(matrix, wordVectors), dimensions: words.dimensions, wordVectors };
}

/** Word vectors learned by {@link ppmiDocumentVectors}. */
export interface PpmiWordVectors {
  /** Column → row of `embedding` (−1: the column has no vector). */
  readonly index: Int32Array;
  /** Row-major words × dimensions, each row l2-normalised. */
  readonly embedding: Float32Array;
  readonly dimensions: number;
}

/**
 * Rows of a matrix (the columns the vectors were learned on) as l2-normalised, value-weighted sums
 * of their columns' word vectors; a row with no known column stays zero. The word vectors depend
 * only on which columns co-occur, so rows re-weighted column by column can reuse them.
 *
 * @example
 * const again = embedWithWordVectors(reweightedMatrix, ppmi.wordVectors);
 */
export function embedWithWordVectors(matrix: CsrMatrix, words: PpmiWordVectors): Float32Array {
  const n = matrix.rowCount;
  const index = words.index;
  const k = words.dimensions;
  const vectors = new Float32Array(n * k);
  for (let row = 0; row < n; row++) {
    const base = row * k;
    let norm = 0;
    for (let p = matrix.indptr[row] as number; p < (matrix.indptr[row + 1] as number); p++) {
      const i = index[matrix.indices[p] as number] as number;
      if (i < 0) {
        continue;
      }
      const weight = matrix.values[p] as number;
      for (let c = 0; c < k; c++) {
        vectors[base + c] = (vectors[base + c] as number) + weight * (words.embedding[i * k + c] as number);
      }
    }
    for (let c = 0; c < k; c++) {
      norm += (vectors[base + c] as number) ** 2;
    }
    if (norm > 0) {
      const inverse = 1 / Math.sqrt(norm);
      for (let c = 0; c < k; c++) {
        vectors[base + c] = (vectors[base + c] as number) * inverse;
      }
    }
  }
  return vectors;
}
