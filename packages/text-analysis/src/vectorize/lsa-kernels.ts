/**
 * The loops of the randomised SVD (lsa.ts), one chunk at a time (see parallel/pool.ts). Products
 * are split by output rows (Xᵀ·Q from X's transpose), or by output columns where rows of the output
 * gather from every input row, so each output value is added up in the same order whichever thread
 * computes it.
 */

/** Rows per chunk of the row loops. */
export const CHUNK_ROWS = 512;

/** Columns (of the l random directions) per chunk of the column-split loops. */
export const CHUNK_COLUMNS = 32;

/** A CSR matrix as its three arrays. */
export interface CsrArrays {
  readonly rowCount: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** Data of {@link multiplyRowsChunk}: y (n × l) = X · w (w: columns × l), both row-major. */
export interface MultiplyArgs {
  readonly matrix: CsrArrays;
  readonly w: Float64Array;
  readonly l: number;
  /** Zero-filled; written. */
  readonly y: Float64Array;
}

/**
 * One chunk of rows of y = X · w.
 *
 * @example
 * multiplyRowsChunk({ matrix, w, l, y }, 0);
 */
export function multiplyRowsChunk(args: MultiplyArgs, chunk: number): void {
  const { matrix, w, l, y } = args;
  const { indptr, indices, values } = matrix;
  const last = Math.min(matrix.rowCount, (chunk + 1) * CHUNK_ROWS);
  for (let i = chunk * CHUNK_ROWS; i < last; i++) {
    const base = i * l;
    const end = indptr[i + 1] as number;
    for (let p = indptr[i] as number; p < end; p++) {
      const v = values[p] as number;
      const wb = (indices[p] as number) * l;
      for (let c = 0; c < l; c++) {
        y[base + c] = (y[base + c] as number) + v * (w[wb + c] as number);
      }
    }
  }
}

/** A CSR matrix's transpose (its columns as rows): for each column, the rows that use it, ascending. */
export interface CscArrays {
  readonly columnCount: number;
  readonly colptr: Int32Array;
  readonly rows: Int32Array;
  readonly values: Float32Array;
}

/** Stored values per chunk of {@link multiplyTransposedChunk} (about). */
export const CHUNK_VALUES = 1 << 16;

/**
 * The transpose of a CSR matrix, each column's rows in ascending order, and column ranges of about
 * {@link CHUNK_VALUES} values each (`from[c]` … `from[c + 1]` − 1) for {@link multiplyTransposedChunk}.
 *
 * @example
 * const { csc, from } = transposeToCsc(matrix, columnCount, isShared);
 */
export function transposeToCsc(
  matrix: CsrArrays,
  columnCount: number,
  isShared: boolean,
): { csc: CscArrays; from: Int32Array } {
  const { indptr, indices, values } = matrix;
  const nnz = indices.length;
  const int32 = (length: number) =>
    isShared ? new Int32Array(new SharedArrayBuffer(length * 4)) : new Int32Array(length);
  const colptr = int32(columnCount + 1);
  for (let p = 0; p < nnz; p++) {
    const j = (indices[p] as number) + 1;
    colptr[j] = (colptr[j] as number) + 1;
  }
  for (let j = 0; j < columnCount; j++) {
    colptr[j + 1] = (colptr[j + 1] as number) + (colptr[j] as number);
  }
  const next = colptr.slice(0, columnCount);
  const rows = int32(nnz);
  const transposed = isShared ? new Float32Array(new SharedArrayBuffer(nnz * 4)) : new Float32Array(nnz);
  for (let i = 0; i < matrix.rowCount; i++) {
    const end = indptr[i + 1] as number;
    for (let p = indptr[i] as number; p < end; p++) {
      const j = indices[p] as number;
      const at = next[j] as number;
      next[j] = at + 1;
      rows[at] = i;
      transposed[at] = values[p] as number;
    }
  }
  const bounds = [0];
  for (let j = 1; j < columnCount; j++) {
    if ((colptr[j] as number) - (colptr[bounds.at(-1) as number] as number) >= CHUNK_VALUES) {
      bounds.push(j);
    }
  }
  bounds.push(columnCount);
  return { csc: { columnCount, colptr, rows, values: transposed }, from: Int32Array.from(bounds) };
}

/** Data of {@link multiplyTransposedChunk}: z (columns × l) = Xᵀ · q (q: n × l), row-major. */
export interface MultiplyTransposedArgs {
  readonly csc: CscArrays;
  readonly q: Float64Array;
  readonly l: number;
  /** Chunk c covers the columns from[c] … from[c + 1] − 1 (rows of z). */
  readonly from: Int32Array;
  /** Written (each row of z is set, not added to). */
  readonly z: Float64Array;
}

/**
 * One chunk of rows of z = Xᵀ · q, from the transpose: each row of z is written once, whole, and
 * its sums run over X's rows in ascending order (as they would from the CSR side).
 *
 * @example
 * multiplyTransposedChunk({ csc, q, l, from, z }, 0);
 */
export function multiplyTransposedChunk(args: MultiplyTransposedArgs, chunk: number): void {
  const { csc, q, l, from, z } = args;
  const { colptr, rows, values } = csc;
  const last = from[chunk + 1] as number;
  for (let j = from[chunk] as number; j < last; j++) {
    const zb = j * l;
    z.fill(0, zb, zb + l);
    const end = colptr[j + 1] as number;
    for (let p = colptr[j] as number; p < end; p++) {
      const v = values[p] as number;
      const qb = (rows[p] as number) * l;
      for (let c = 0; c < l; c++) {
        z[zb + c] = (z[zb + c] as number) + v * (q[qb + c] as number);
      }
    }
  }
}

/** Data of {@link gramChunk}: the upper triangle of g (l × l) = yᵀ y, y: n × l row-major. */
export interface GramArgs {
  readonly y: Float64Array;
  readonly n: number;
  readonly l: number;
  /** Chunk c covers the rows from[c] … from[c + 1] − 1 of g. */
  readonly from: readonly number[];
  /** Zero-filled; written. */
  readonly g: Float64Array;
}

/**
 * Row bounds splitting the upper triangle of an l × l matrix into `chunks` parts of about equal
 * area (row a has l − a entries).
 *
 * @example
 * triangleChunks(110, 4); // [0, 15, 35, 62, 110]
 */
export function triangleChunks(l: number, chunks: number): number[] {
  const total = (l * (l + 1)) / 2;
  const from = [0];
  let area = 0;
  for (let a = 0; a < l && from.length < chunks; a++) {
    area += l - a;
    if (area >= (total * from.length) / chunks) {
      from.push(a + 1);
    }
  }
  from.push(l);
  return from;
}

/**
 * One chunk of rows of the upper triangle of g = yᵀ y.
 *
 * @example
 * gramChunk({ y, n, l, from: triangleChunks(l, 4), g }, 0);
 */
export function gramChunk(args: GramArgs, chunk: number): void {
  const { y, n, l, g } = args;
  const first = args.from[chunk] as number;
  const last = args.from[chunk + 1] as number;
  for (let i = 0; i < n; i++) {
    const base = i * l;
    for (let a = first; a < last; a++) {
      const ya = y[base + a] as number;
      if (ya === 0) {
        continue;
      }
      const ga = a * l;
      for (let b = a; b < l; b++) {
        g[ga + b] = (g[ga + b] as number) + ya * (y[base + b] as number);
      }
    }
  }
}

/** Data of {@link substituteRowsChunk}: y_i ← y_i L⁻ᵀ for each row (L lower, l × l row-major). */
export interface SubstituteArgs {
  readonly y: Float64Array;
  readonly n: number;
  readonly l: number;
  readonly lower: Float64Array;
}

/**
 * One chunk of rows of the forward substitution x Lᵀ = y_i (in place).
 *
 * @example
 * substituteRowsChunk({ y, n, l, lower }, 0);
 */
export function substituteRowsChunk(args: SubstituteArgs, chunk: number): void {
  const { y, l, lower } = args;
  const row = new Float64Array(l);
  const last = Math.min(args.n, (chunk + 1) * CHUNK_ROWS);
  for (let i = chunk * CHUNK_ROWS; i < last; i++) {
    const base = i * l;
    for (let a = 0; a < l; a++) {
      let sum = y[base + a] as number;
      const la = a * l;
      for (let b = 0; b < a; b++) {
        sum -= (row[b] as number) * (lower[la + b] as number);
      }
      row[a] = sum / (lower[la + a] as number);
    }
    for (let a = 0; a < l; a++) {
      y[base + a] = row[a] as number;
    }
  }
}

/** Data of {@link crossProductChunk}: m (l × l) = qᵀ y, q and y n × l row-major. */
export interface CrossProductArgs {
  readonly q: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
  readonly l: number;
  /** Zero-filled; written. */
  readonly m: Float64Array;
}

/**
 * One chunk of rows (of l) of m = qᵀ y.
 *
 * @example
 * crossProductChunk({ q, y, n, l, m }, 0); // rows 0 … 31 of m
 */
export function crossProductChunk(args: CrossProductArgs, chunk: number): void {
  const { q, y, n, l, m } = args;
  const from = chunk * CHUNK_COLUMNS;
  const to = Math.min(l, from + CHUNK_COLUMNS);
  for (let i = 0; i < n; i++) {
    const base = i * l;
    for (let r = from; r < to; r++) {
      const qr = q[base + r] as number;
      if (qr === 0) {
        continue;
      }
      for (let c = 0; c < l; c++) {
        m[r * l + c] = (m[r * l + c] as number) + qr * (y[base + c] as number);
      }
    }
  }
}

/** Data of {@link embedRowsChunk}: rows of q U Σ (n × k), l2-normalised. */
export interface EmbedArgs {
  readonly q: Float64Array;
  readonly n: number;
  readonly l: number;
  readonly k: number;
  /** Eigenvectors (column i = eigenvector i), l × l row-major. */
  readonly vectors: Float64Array;
  /** Eigenvector of each output dimension. */
  readonly top: readonly number[];
  readonly singularValues: Float64Array;
  /** Written. */
  readonly embedding: Float32Array;
}

/**
 * One chunk of rows of the LSA embedding.
 *
 * @example
 * embedRowsChunk(args, 0);
 */
export function embedRowsChunk(args: EmbedArgs, chunk: number): void {
  const { q, l, k, vectors, top, singularValues, embedding } = args;
  const rowBuffer = new Float64Array(k);
  const last = Math.min(args.n, (chunk + 1) * CHUNK_ROWS);
  for (let i = chunk * CHUNK_ROWS; i < last; i++) {
    const base = i * l;
    rowBuffer.fill(0);
    for (let r = 0; r < l; r++) {
      const qr = q[base + r] as number;
      if (qr === 0) {
        continue;
      }
      for (let c = 0; c < k; c++) {
        rowBuffer[c] = (rowBuffer[c] as number) + qr * (vectors[r * l + (top[c] as number)] as number);
      }
    }
    let norm = 0;
    for (let c = 0; c < k; c++) {
      const v = (rowBuffer[c] as number) * (singularValues[c] as number);
      rowBuffer[c] = v;
      norm += v * v;
    }
    if (norm > 0) {
      const inverse = 1 / Math.sqrt(norm);
      for (let c = 0; c < k; c++) {
        embedding[i * k + c] = (rowBuffer[c] as number) * inverse;
      }
    }
  }
}
