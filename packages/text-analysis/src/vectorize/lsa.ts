/**
 * LSA: truncated SVD of a sparse TF-IDF matrix by the randomised range finder (Halko, Martinsson &
 * Tropp 2011) with power iterations; the small projected problem is solved by cyclic Jacobi.
 */
import type { CsrMatrix } from './index.ts';
import { createRandom } from './random.ts';
import {
  poolFor,
  runChunks,
  shareArray,
  sharedFloat32,
  sharedFloat64,
  type WorkerPool,
} from '../parallel/pool.ts';
import {
  CHUNK_COLUMNS,
  CHUNK_ROWS,
  transposeToCsc,
  triangleChunks,
  type CscArrays,
  type CsrArrays,
} from './lsa-kernels.ts';

/** Options of {@link reduceDimensions}. */
export interface ReduceOptions {
  /** Target dimensions (default 100, capped by the matrix size). */
  readonly dimensions?: number;
  /** Extra random directions (default 10). */
  readonly oversampling?: number;
  /** Power iterations (default 4). */
  readonly powerIterations?: number;
  /** Seed of the random test matrix. */
  readonly seed?: number;
  /** Also compute `components` (needed only to project rows outside the fitted matrix). Default true. */
  readonly isComputingComponents?: boolean;
  /** A worker to share the products with (same result with or without). */
  readonly pool?: WorkerPool;
}

/** A fitted LSA reduction. */
export interface Reduction {
  readonly dimensions: number;
  /** Row-major n × dimensions; each row l2-normalised (zero rows stay zero). */
  readonly embedding: Float32Array;
  /** Row-major columns × dimensions: maps a TF-IDF row to the reduced space (empty when not computed). */
  readonly components: Float32Array;
  /** Singular values, descending. */
  readonly singularValues: Float64Array;
}

/** Cholesky factor (lower, row-major) of a symmetric positive (semi-)definite m × m matrix, with jitter. */
function cholesky(g: Float64Array, m: number): Float64Array {
  let jitter = 0;
  for (let attempt = 0; attempt < 8; attempt++) {
    const l = new Float64Array(m * m);
    let isOk = true;
    for (let i = 0; i < m && isOk; i++) {
      for (let j = 0; j <= i; j++) {
        let sum = (g[i * m + j] as number) + (i === j ? jitter : 0);
        for (let k = 0; k < j; k++) {
          sum -= (l[i * m + k] as number) * (l[j * m + k] as number);
        }
        if (i === j) {
          if (sum <= 1e-14) {
            isOk = false;
            break;
          }
          l[i * m + i] = Math.sqrt(sum);
        } else {
          l[i * m + j] = sum / (l[j * m + j] as number);
        }
      }
    }
    if (isOk) {
      return l;
    }
    let trace = 0;
    for (let i = 0; i < m; i++) {
      trace += g[i * m + i] as number;
    }
    jitter = Math.max(jitter * 100, (trace / m) * 1e-10 + 1e-14);
  }
  throw new Error('Cholesky factorisation failed');
}

/** Orthonormalises the columns of a row-major n × l matrix in place (Cholesky QR, twice). */
function orthonormalizeColumns(
  y: Float64Array,
  n: number,
  l: number,
  passes: number,
  pool: WorkerPool | undefined,
): void {
  const isShared = pool !== undefined;
  const from = triangleChunks(l, Math.ceil(l / CHUNK_COLUMNS));
  for (let pass = 0; pass < passes; pass++) {
    const g = sharedFloat64(l * l, isShared);
    runChunks(pool, 'gram', { y, n, l, from, g }, from.length - 1);
    for (let a = 0; a < l; a++) {
      for (let b = 0; b < a; b++) {
        g[a * l + b] = g[b * l + a] as number;
      }
    }
    const lower = shareArray(cholesky(g, l), isShared);
    // Solve x Lᵀ = y_i for each row (forward substitution): x = y_i L^{-T}.
    runChunks(pool, 'substituteRows', { y, n, l, lower }, Math.ceil(n / CHUNK_ROWS));
  }
}

/** Y (n × l, row-major) = X · W (W: columns × l, row-major). */
function multiply(matrix: CsrArrays, w: Float64Array, l: number, pool: WorkerPool | undefined): Float64Array {
  const y = sharedFloat64(matrix.rowCount * l, pool !== undefined);
  runChunks(pool, 'multiplyRows', { matrix, w, l, y }, Math.ceil(matrix.rowCount / CHUNK_ROWS));
  return y;
}

/** Z (columns × l, row-major) = Xᵀ · Q (Q: n × l row-major), from X's transpose, into `z`. */
function multiplyTransposed(
  transpose: { csc: CscArrays; from: Int32Array },
  q: Float64Array,
  l: number,
  pool: WorkerPool | undefined,
  z: Float64Array,
): Float64Array {
  const { csc, from } = transpose;
  runChunks(pool, 'multiplyTransposed', { csc, q, l, from, z }, from.length - 1);
  return z;
}

/**
 * Eigen-decomposition of a symmetric m × m matrix (row-major) by cyclic Jacobi; eigenvector i is
 * column i of `vectors`.
 *
 * @example
 * symmetricEigen(Float64Array.of(2, 1, 1, 2), 2).values; // [1, 3] in some order
 */
export function symmetricEigen(
  input: Float64Array,
  m: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    v[i * m + i] = 1;
  }
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        off += (a[p * m + q] as number) ** 2;
      }
    }
    if (off < 1e-22) {
      break;
    }
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = a[p * m + q] as number;
        if (Math.abs(apq) < 1e-300) {
          continue;
        }
        const app = a[p * m + p] as number;
        const aqq = a[q * m + q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < m; k++) {
          const akp = a[k * m + p] as number;
          const akq = a[k * m + q] as number;
          a[k * m + p] = c * akp - s * akq;
          a[k * m + q] = s * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = a[p * m + k] as number;
          const aqk = a[q * m + k] as number;
          a[p * m + k] = c * apk - s * aqk;
          a[q * m + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < m; k++) {
          const vkp = v[k * m + p] as number;
          const vkq = v[k * m + q] as number;
          v[k * m + p] = c * vkp - s * vkq;
          v[k * m + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    values[i] = a[i * m + i] as number;
  }
  return { values, vectors: v };
}

/**
 * Truncated SVD (LSA) of a sparse matrix; returns l2-normalised reduced rows and the projection.
 *
 * @example
 * const { embedding, dimensions } = reduceDimensions(model.matrix, { dimensions: 100, seed: 1 });
 */
export function reduceDimensions(matrix: CsrMatrix, options: ReduceOptions = {}): Reduction {
  const n = matrix.rowCount;
  const d = matrix.columnCount;
  const k = Math.max(1, Math.min(options.dimensions ?? 100, n, d));
  const l = Math.min(k + (options.oversampling ?? 10), n, d);
  const random = createRandom(options.seed ?? 0);
  const pool = poolFor(options.pool, matrix.indices.length * l);
  const isShared = pool !== undefined;
  const sparse: CsrArrays = {
    rowCount: n,
    indptr: shareArray(matrix.indptr, isShared),
    indices: shareArray(matrix.indices, isShared),
    values: shareArray(matrix.values, isShared),
  };
  const omega = sharedFloat64(d * l, isShared);
  for (let i = 0; i < omega.length; i++) {
    omega[i] = random.nextGaussian();
  }
  let q = multiply(sparse, omega, l, pool);
  orthonormalizeColumns(q, n, l, 1, pool);
  // Xᵀ·Q is computed from the transpose, a row of the result at a time: split by rows of X it
  // would scatter into random rows of the d × l result (200 MB for 250,000 terms), in four passes.
  const transpose = transposeToCsc(sparse, d, isShared);
  // Omega's d × l array (the largest here) is reused for every Xᵀ·Q.
  const wide = omega;
  const powerIterations = options.powerIterations ?? 3;
  for (let it = 0; it < powerIterations; it++) {
    // Orthonormalising only the n-side keeps the cost at O(n·l²) per iteration.
    q = multiply(sparse, multiplyTransposed(transpose, q, l, pool, wide), l, pool);
    orthonormalizeColumns(q, n, l, it + 1 === powerIterations ? 2 : 1, pool);
  }
  // B = Qᵀ X; M = B Bᵀ = Qᵀ (X Xᵀ Q) (l × l), computed on the n side.
  const bt = multiplyTransposed(transpose, q, l, pool, wide);
  const y = multiply(sparse, bt, l, pool);
  const m = sharedFloat64(l * l, isShared);
  runChunks(pool, 'crossProduct', { q, y, n, l, m }, Math.ceil(l / CHUNK_COLUMNS));
  for (let r = 0; r < l; r++) {
    for (let c = 0; c < r; c++) {
      const mean = ((m[r * l + c] as number) + (m[c * l + r] as number)) / 2;
      m[r * l + c] = mean;
      m[c * l + r] = mean;
    }
  }
  const { values, vectors } = symmetricEigen(m, l);
  const order = Array.from({ length: l }, (_, i) => i).sort(
    (a, b) => (values[b] as number) - (values[a] as number),
  );
  const top = order.slice(0, k);
  const singularValues = Float64Array.from(top, (i) => Math.sqrt(Math.max(0, values[i] as number)));
  // Embedding X V = Q U Σ (n × k), rows l2-normalised.
  const embedding = sharedFloat32(n * k, isShared);
  runChunks(
    pool,
    'embedRows',
    {
      q,
      n,
      l,
      k,
      vectors: shareArray(vectors, isShared),
      top,
      singularValues: shareArray(singularValues, isShared),
      embedding,
    },
    Math.ceil(n / CHUNK_ROWS),
  );
  if (options.isComputingComponents === false) {
    return { dimensions: k, embedding, components: new Float32Array(0), singularValues };
  }
  // components (d × k): V = Bᵀ U / σ.
  const components = new Float32Array(d * k);
  const u = new Float64Array(l * k);
  top.forEach((eigenIndex, c) => {
    const sigma = singularValues[c] as number;
    for (let r = 0; r < l; r++) {
      u[r * k + c] = sigma > 1e-12 ? (vectors[r * l + eigenIndex] as number) / sigma : 0;
    }
  });
  for (let j = 0; j < d; j++) {
    const base = j * l;
    for (let r = 0; r < l; r++) {
      const br = bt[base + r] as number;
      if (br === 0) {
        continue;
      }
      for (let c = 0; c < k; c++) {
        components[j * k + c] = (components[j * k + c] as number) + br * (u[r * k + c] as number);
      }
    }
  }
  return { dimensions: k, embedding, components, singularValues };
}

/**
 * Projects CSR rows with LSA components (columns × k) and l2-normalises each result row.
 *
 * @example
 * const reduced = projectRows(newRows, reduction.components, reduction.dimensions);
 */
export function projectRows(matrix: CsrMatrix, components: Float32Array, k: number): Float32Array {
  const n = matrix.rowCount;
  const out = new Float32Array(n * k);
  const row = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    row.fill(0);
    const end = matrix.indptr[i + 1] as number;
    for (let p = matrix.indptr[i] as number; p < end; p++) {
      const v = matrix.values[p] as number;
      const base = (matrix.indices[p] as number) * k;
      for (let c = 0; c < k; c++) {
        row[c] = (row[c] as number) + v * (components[base + c] as number);
      }
    }
    let norm = 0;
    for (let c = 0; c < k; c++) {
      norm += (row[c] as number) ** 2;
    }
    if (norm > 0) {
      const inverse = 1 / Math.sqrt(norm);
      for (let c = 0; c < k; c++) {
        out[i * k + c] = (row[c] as number) * inverse;
      }
    }
  }
  return out;
}
