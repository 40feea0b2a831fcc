/**
 * Vectorisation: uni- and bigram terms from `toTerms`, a vocabulary filtered by document
 * frequency, TF-IDF with sublinear tf and l2 normalisation, stored as a CSR sparse matrix in typed
 * arrays. The builder is streaming: it keeps only term ids and counts per document (memory grows
 * with vocabulary + non-zeros, never with copies of the text). Also LSA (randomised SVD).
 * @module
 */
import { isStopWord, stem, tokenize, type Language } from '../tokenize/index.ts';
import { PairTable } from './pair-table.ts';
import { Int32Buffer, Uint16Buffer } from './growable.ts';

export { createRandom, shuffleInPlace, type Random } from './random.ts';
export { reduceDimensions, projectRows, type Reduction, type ReduceOptions } from './lsa.ts';

/** A sparse matrix in compressed sparse row form. Row `i` spans `indptr[i]..indptr[i+1]`. */
export interface CsrMatrix {
  readonly rowCount: number;
  readonly columnCount: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** Options of the TF-IDF vectoriser. */
export interface VectorizerOptions {
  /** Minimum document frequency: a count (≥ 1) or a share of documents (< 1). Default 2. */
  readonly minDf?: number;
  /** Maximum document frequency: a share (≤ 1) or a count (> 1). Default 0.5. */
  readonly maxDf?: number;
  /** 1 = unigrams, 2 = uni- and bigrams (default). */
  readonly ngramMax?: 1 | 2;
  /** Keep at most this many terms (highest document frequency first). Default: no limit. */
  readonly maxFeatures?: number;
  /** Use 1 + ln(tf) instead of tf. Default true. */
  readonly sublinearTf?: boolean;
  /** Documents whose surface forms are collected for readable labels. Default 20,000. */
  readonly surfaceSampleSize?: number;
}

/** The result of vectorising a corpus. */
export interface TfidfModel {
  /** l2-normalised TF-IDF rows, one per document, in input order. */
  readonly matrix: CsrMatrix;
  /** Raw term counts aligned with `matrix.values`. */
  readonly counts: Uint16Array;
  /** Column → term (stems; bigrams are two stems joined by a space). */
  readonly vocabulary: readonly string[];
  /** Column → readable form (most frequent surface word(s) of the stem). */
  readonly labels: readonly string[];
  /** Column → inverse document frequency, ln((1+n)/(1+df)) + 1. */
  readonly idf: Float32Array;
  /** Column → document frequency. */
  readonly documentFrequency: Int32Array;
  /** Term → column. */
  readonly columnOf: ReadonlyMap<string, number>;
  /**
   * Row → the earlier row it is an exact copy of (added by `TfidfBuilder.addCopyOf`), or −1. Lets
   * per-row work be done once per distinct text; absent when the model was built otherwise.
   */
  readonly copyOf?: Int32Array;
}

/**
 * Appends the adjacent-pair bigrams (joined with a space) to unigram terms.
 *
 * @example
 * withBigrams(['skol', 'nedleggels', 'kommun']); // ['skol', 'nedleggels', 'kommun', 'skol nedleggels', 'nedleggels kommun']
 */
export function withBigrams(terms: readonly string[]): string[] {
  const result = terms.slice();
  for (let i = 0; i + 1 < terms.length; i++) {
    result.push(`${terms[i] as string} ${terms[i + 1] as string}`);
  }
  return result;
}

/**
 * Like `toTerms`, but also returns the surface token of each term (for readable labels). A text made
 * only of stop words keeps those words (unstemmed), so short answers such as "Nothing." still have terms.
 * With `isKeepingStopWords`, stop words are kept (stemmed) everywhere.
 *
 * @example
 * termsWithSurface('Skolene stenges', 'nb'); // { terms: ['skol', 'steng'], surfaces: ['skolene', 'stenges'] }
 */
export function termsWithSurface(
  text: string,
  language: Language,
  isKeepingStopWords = false,
): { terms: string[]; surfaces: string[] } {
  const terms: string[] = [];
  const surfaces: string[] = [];
  const tokens = tokenize(text);
  for (const token of tokens) {
    if (token.length >= 2 && (isKeepingStopWords || !isStopWord(token, language))) {
      terms.push(stem(token, language));
      surfaces.push(token);
    }
  }
  if (terms.length === 0) {
    // An answer made only of stop words ("Nothing.", "Ingen.") is still an answer: keep its words.
    for (const token of tokens) {
      if (token.length >= 2) {
        terms.push(token);
        surfaces.push(token);
      }
    }
  }
  return { terms, surfaces };
}

/**
 * Scales `values[start..end)` (one CSR row) to unit length, given their squared norm; a zero row
 * stays zero.
 *
 * @example
 * const row = Float32Array.of(3, 4);
 * scaleToUnitLength(row, 0, 2, 25); // row is now [0.6, 0.8]
 */
export function scaleToUnitLength(
  values: Float32Array,
  start: number,
  end: number,
  squaredNorm: number,
): void {
  if (squaredNorm > 0) {
    const inverse = 1 / Math.sqrt(squaredNorm);
    for (let p = start; p < end; p++) {
      values[p] = (values[p] as number) * inverse;
    }
  }
}

/**
 * Streaming TF-IDF builder: add documents one at a time (as term lists), then `build()`.
 *
 * @example
 * const builder = new TfidfBuilder({ minDf: 1 });
 * builder.addTerms(['skol', 'kommun']);
 * builder.addTerms(['skol', 'veg']);
 * const model = builder.build(); // model.matrix.rowCount === 2
 */
export class TfidfBuilder {
  private readonly options: Required<VectorizerOptions>;
  private readonly termIds = new Map<string, number>();
  private readonly termList: string[] = [];
  private readonly documentFrequency = new Int32Buffer(1 << 14);
  private readonly rowStart = new Int32Buffer(1 << 12);
  private readonly pairTerm = new Int32Buffer(1 << 16);
  private readonly pairCount = new Uint16Buffer(1 << 16);
  private readonly lastSeen = new Int32Buffer(1 << 14);
  private readonly slotOf = new Int32Buffer(1 << 14);
  private readonly surfaceCounts = new Map<number, Map<string, number>>();
  /** Row → the original row it copies, −1 for an original. */
  private readonly copies = new Int32Buffer(1 << 12);
  private copyCount = 0;
  private rows = 0;

  constructor(options: VectorizerOptions = {}) {
    this.options = {
      minDf: options.minDf ?? 2,
      maxDf: options.maxDf ?? 0.5,
      ngramMax: options.ngramMax ?? 2,
      maxFeatures: options.maxFeatures ?? Number.POSITIVE_INFINITY,
      sublinearTf: options.sublinearTf ?? true,
      surfaceSampleSize: options.surfaceSampleSize ?? 20_000,
    };
    this.rowStart.push(0);
  }

  /** Documents (the first added) whose surface forms are collected for readable labels. */
  get surfaceSampleSize(): number {
    return this.options.surfaceSampleSize;
  }

  /** Number of documents added so far. */
  get documentCount(): number {
    return this.rows;
  }

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.termIds.set(term, id);
      this.termList.push(term);
      this.firstPart.push(-1);
      this.secondPart.push(-1);
      this.documentFrequency.push(0);
      this.lastSeen.push(-1);
      this.slotOf.push(0);
    }
    return id;
  }

  /** Bigram id by the numeric pair of its unigram ids (no string built until `build`). */
  private readonly bigramIds = new PairTable();
  /** Per term id: first / second unigram id of a bigram, −1 for unigrams. */
  private readonly firstPart = new Int32Buffer(1 << 14);
  private readonly secondPart = new Int32Buffer(1 << 14);

  private internBigram(first: number, second: number): number {
    let id = this.bigramIds.get(first, second);
    if (id < 0) {
      id = this.termList.length;
      this.bigramIds.set(first, second, id);
      this.termList.push('');
      this.firstPart.push(first);
      this.secondPart.push(second);
      this.documentFrequency.push(0);
      this.lastSeen.push(-1);
      this.slotOf.push(0);
    }
    return id;
  }

  private count(term: string): number {
    return this.countId(this.intern(term));
  }

  private countId(id: number): number {
    const row = this.rows;
    if (this.lastSeen.get(id) === row) {
      const slot = this.slotOf.get(id);
      this.pairCount.set(slot, this.pairCount.get(slot) + 1);
    } else {
      this.lastSeen.set(id, row);
      this.slotOf.set(id, this.pairTerm.length);
      this.pairTerm.push(id);
      this.pairCount.push(1);
      this.documentFrequency.set(id, this.documentFrequency.get(id) + 1);
    }
    return id;
  }

  /**
   * Adds one document given its unigram terms (bigrams are added here when `ngramMax` is 2).
   * `surfaces`, when given, are the surface tokens of `terms` (for readable labels).
   */
  addTerms(terms: readonly string[], surfaces?: readonly string[]): number {
    const collectSurface = surfaces !== undefined && this.rows < this.options.surfaceSampleSize;
    const ids = this.options.ngramMax === 2 ? new Int32Array(terms.length) : undefined;
    for (let i = 0; i < terms.length; i++) {
      const id = this.count(terms[i] as string);
      if (ids) {
        ids[i] = id;
      }
      if (collectSurface) {
        const surface = surfaces[i];
        if (surface !== undefined) {
          let forms = this.surfaceCounts.get(id);
          if (!forms) {
            forms = new Map();
            this.surfaceCounts.set(id, forms);
          }
          forms.set(surface, (forms.get(surface) ?? 0) + 1);
        }
      }
    }
    if (ids) {
      for (let i = 0; i + 1 < ids.length; i++) {
        this.countId(this.internBigram(ids[i] as number, ids[i + 1] as number));
      }
    }
    return this.finishRow();
  }

  /** Adds a document from text (terms from the tokenize module). */
  addText(text: string, language: Language): number {
    const { terms, surfaces } = termsWithSurface(text, language);
    return this.addTerms(terms, surfaces);
  }

  /** Adds a copy of an earlier row (an exact duplicate text): no tokenising needed. */
  addCopyOf(row: number): number {
    if (row < 0 || row >= this.rows) {
      throw new RangeError(`No row ${row} to copy`);
    }
    const start = this.rowStart.get(row);
    const end = this.rowStart.get(row + 1);
    this.pairTerm.appendCopy(start, end);
    this.pairCount.appendCopy(start, end);
    const terms = this.pairTerm.view();
    const df = this.documentFrequency.view();
    for (let p = start; p < end; p++) {
      const id = terms[p] as number;
      df[id] = (df[id] as number) + 1;
    }
    const original = this.copies.get(row);
    this.copyCount++;
    return this.finishRow(original >= 0 ? original : row);
  }

  private finishRow(copyOf = -1): number {
    this.rowStart.push(this.pairTerm.length);
    this.copies.push(copyOf);
    return this.rows++;
  }

  private readableLabel(id: number): string {
    const term = this.termList[id] as string;
    const forms = this.surfaceCounts.get(id);
    if (forms) {
      let best = term;
      let bestCount = -1;
      for (const [form, count] of forms) {
        if (count > bestCount || (count === bestCount && form < best)) {
          best = form;
          bestCount = count;
        }
      }
      return best;
    }
    if (term.includes(' ')) {
      return term
        .split(' ')
        .map((part) => {
          const partId = this.termIds.get(part);
          return partId === undefined ? part : this.readableLabel(partId);
        })
        .join(' ');
    }
    return term;
  }

  /** Filters the vocabulary by document frequency and computes the TF-IDF matrix. */
  build(): TfidfModel {
    const n = this.rows;
    const { minDf, maxDf, maxFeatures, sublinearTf } = this.options;
    const minCount = minDf < 1 ? Math.ceil(minDf * n) : minDf;
    const maxCount = maxDf <= 1 ? Math.floor(maxDf * n) : maxDf;
    const termCount = this.termList.length;
    const df = this.documentFrequency.view();
    let candidates: number[] = [];
    for (let id = 0; id < termCount; id++) {
      const f = df[id] as number;
      if (f >= minCount && f <= Math.max(maxCount, minCount)) {
        candidates.push(id);
      }
    }
    // Bigram strings are built only for the terms that survive the document-frequency filter.
    for (const id of candidates) {
      const first = this.firstPart.get(id);
      if (first >= 0 && this.termList[id] === '') {
        this.termList[id] =
          `${this.termList[first] as string} ${this.termList[this.secondPart.get(id)] as string}`;
      }
    }
    const byTerm = (a: number, b: number): number => {
      const ta = this.termList[a] as string;
      const tb = this.termList[b] as string;
      return ta < tb ? -1 : ta > tb ? 1 : 0;
    };
    if (candidates.length > maxFeatures) {
      candidates.sort((a, b) => (df[b] as number) - (df[a] as number) || byTerm(a, b));
      candidates = candidates.slice(0, maxFeatures);
    }
    // Alphabetical columns: the matrix does not depend on the order of the documents.
    candidates.sort(byTerm);
    const columnOfId = new Int32Array(termCount).fill(-1);
    const vocabulary: string[] = [];
    const labels: string[] = [];
    const columnOf = new Map<string, number>();
    const idf = new Float32Array(candidates.length);
    const documentFrequency = new Int32Array(candidates.length);
    candidates.forEach((id, column) => {
      columnOfId[id] = column;
      const term = this.termList[id] as string;
      vocabulary.push(term);
      labels.push(this.readableLabel(id));
      columnOf.set(term, column);
      documentFrequency[column] = df[id] as number;
      idf[column] = Math.log((1 + n) / (1 + (df[id] as number))) + 1;
    });
    // Count kept non-zeros, then fill.
    const pairTerm = this.pairTerm.view();
    const pairCount = this.pairCount.view();
    const rowStart = this.rowStart.view();
    let nnz = 0;
    for (let p = 0; p < pairTerm.length; p++) {
      if ((columnOfId[pairTerm[p] as number] as number) >= 0) {
        nnz++;
      }
    }
    const indptr = new Int32Array(n + 1);
    const indices = new Int32Array(nnz);
    const values = new Float32Array(nnz);
    const counts = new Uint16Array(nnz);
    let out = 0;
    for (let row = 0; row < n; row++) {
      const start = out;
      let norm = 0;
      for (let p = rowStart[row] as number; p < (rowStart[row + 1] as number); p++) {
        const column = columnOfId[pairTerm[p] as number] as number;
        if (column < 0) {
          continue;
        }
        const tf = pairCount[p] as number;
        const weight = (sublinearTf ? 1 + Math.log(tf) : tf) * (idf[column] as number);
        indices[out] = column;
        values[out] = weight;
        counts[out] = tf;
        norm += weight * weight;
        out++;
      }
      scaleToUnitLength(values, start, out, norm);
      indptr[row + 1] = out;
    }
    return {
      matrix: { rowCount: n, columnCount: candidates.length, indptr, indices, values },
      counts,
      vocabulary,
      labels,
      idf,
      documentFrequency,
      columnOf,
      ...(this.copyCount > 0 ? { copyOf: Int32Array.from(this.copies.view()) } : {}),
    };
  }
}

/**
 * Vectorises an in-memory list of texts (convenience over {@link TfidfBuilder}).
 *
 * @example
 * const model = vectorizeTexts(['Skolen legges ned', 'Skolen må bestå'], 'nb', { minDf: 1, maxDf: 1 });
 * model.matrix.rowCount; // 2
 */
export function vectorizeTexts(
  texts: readonly string[],
  language: Language | readonly Language[],
  options: VectorizerOptions = {},
): TfidfModel {
  const builder = new TfidfBuilder(options);
  texts.forEach((text, i) => {
    const lang = typeof language === 'string' ? language : (language[i] ?? 'und');
    builder.addText(text, lang);
  });
  return builder.build();
}

/** A sparse vector (sorted or not) of column indices and values. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/**
 * TF-IDF vector of a new document in an existing model's vocabulary (unknown terms are ignored).
 *
 * @example
 * const vector = transformTerms(model, ['skol', 'kommun']);
 */
export function transformTerms(model: TfidfModel, terms: readonly string[]): SparseVector {
  const all = withBigrams(terms);
  const tf = new Map<number, number>();
  for (const term of all) {
    const column = model.columnOf.get(term);
    if (column !== undefined) {
      tf.set(column, (tf.get(column) ?? 0) + 1);
    }
  }
  const indices = new Int32Array(tf.size);
  const values = new Float32Array(tf.size);
  let norm = 0;
  let i = 0;
  for (const [column, count] of tf) {
    const weight = (1 + Math.log(count)) * (model.idf[column] as number);
    indices[i] = column;
    values[i] = weight;
    norm += weight * weight;
    i++;
  }
  if (norm > 0) {
    const inverse = 1 / Math.sqrt(norm);
    for (let j = 0; j < values.length; j++) {
      values[j] = (values[j] as number) * inverse;
    }
  }
  return { indices, values };
}

/**
 * Selects rows of a CSR matrix (copying them) in the given order.
 *
 * @example
 * const sub = selectRows(model.matrix, [0, 2]);
 */
export function selectRows(matrix: CsrMatrix, rows: readonly number[]): CsrMatrix {
  let nnz = 0;
  for (const row of rows) {
    nnz += (matrix.indptr[row + 1] as number) - (matrix.indptr[row] as number);
  }
  const indptr = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  let out = 0;
  rows.forEach((row, i) => {
    const start = matrix.indptr[row] as number;
    const end = matrix.indptr[row + 1] as number;
    indices.set(matrix.indices.subarray(start, end), out);
    values.set(matrix.values.subarray(start, end), out);
    out += end - start;
    indptr[i + 1] = out;
  });
  return { rowCount: rows.length, columnCount: matrix.columnCount, indptr, indices, values };
}

/**
 * Dot product of row `row` of a CSR matrix with a dense vector slice `dense[offset .. offset+columns)`.
 *
 * @example
 * const score = rowDot(model.matrix, 0, weights, 0);
 */
export function rowDot(
  matrix: CsrMatrix,
  row: number,
  dense: Float32Array | Float64Array,
  offset = 0,
): number {
  let sum = 0;
  const end = matrix.indptr[row + 1] as number;
  for (let p = matrix.indptr[row] as number; p < end; p++) {
    sum += (matrix.values[p] as number) * (dense[offset + (matrix.indices[p] as number)] as number);
  }
  return sum;
}

/**
 * A model restricted to the columns whose document frequency share is at most `maxDfShare`
 * (rows re-normalised). Used by theme discovery, which works best without frequent phrasing words.
 *
 * @example
 * const topical = restrictDocumentFrequency(model, 0.1);
 */
export function restrictDocumentFrequency(model: TfidfModel, maxDfShare: number): TfidfModel {
  const n = model.matrix.rowCount;
  const limit = maxDfShare <= 1 ? Math.floor(maxDfShare * n) : maxDfShare;
  const keep: number[] = [];
  for (let column = 0; column < model.vocabulary.length; column++) {
    if ((model.documentFrequency[column] as number) <= limit) {
      keep.push(column);
    }
  }
  if (keep.length === model.vocabulary.length || keep.length === 0) {
    return model;
  }
  const newColumn = new Int32Array(model.vocabulary.length).fill(-1);
  keep.forEach((column, i) => (newColumn[column] = i));
  const { indptr, indices, values } = model.matrix;
  let nnz = 0;
  for (let p = 0; p < indices.length; p++) {
    if ((newColumn[indices[p] as number] as number) >= 0) {
      nnz++;
    }
  }
  const nextIndptr = new Int32Array(n + 1);
  const nextIndices = new Int32Array(nnz);
  const nextValues = new Float32Array(nnz);
  const nextCounts = new Uint16Array(nnz);
  let out = 0;
  for (let row = 0; row < n; row++) {
    const start = out;
    let norm = 0;
    for (let p = indptr[row] as number; p < (indptr[row + 1] as number); p++) {
      const column = newColumn[indices[p] as number] as number;
      if (column >= 0) {
        nextIndices[out] = column;
        nextValues[out] = values[p] as number;
        nextCounts[out] = model.counts[p] as number;
        norm += (values[p] as number) ** 2;
        out++;
      }
    }
    scaleToUnitLength(nextValues, start, out, norm);
    nextIndptr[row + 1] = out;
  }
  const columnOf = new Map<string, number>();
  const vocabulary = keep.map((column, i) => {
    const term = model.vocabulary[column] as string;
    columnOf.set(term, i);
    return term;
  });
  return {
    matrix: {
      rowCount: n,
      columnCount: keep.length,
      indptr: nextIndptr,
      indices: nextIndices,
      values: nextValues,
    },
    counts: nextCounts,
    vocabulary,
    labels: keep.map((column) => model.labels[column] as string),
    idf: Float32Array.from(keep, (column) => model.idf[column] as number),
    documentFrequency: Int32Array.from(keep, (column) => model.documentFrequency[column] as number),
    columnOf,
    ...(model.copyOf ? { copyOf: model.copyOf } : {}),
  };
}
