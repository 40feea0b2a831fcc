/**
 * Features for theme suggestions. Discovery wants topical terms (stop words out, stems, bigrams);
 * a supervised classifier can use more: function words ("not", "no", "nothing") carry meaning in
 * short answers, and unstemmed word forms and character n-grams help on small, noisy texts.
 * @module
 */
import { isStopWord, stem, tokenize, type Language } from '../tokenize/index.ts';
import { scaleToUnitLength, TfidfBuilder, type CsrMatrix } from '../vectorize/index.ts';

/** Options of {@link suggestionFeatures}. */
export interface SuggestionFeatureOptions {
  /** Keep stop words (default true). */
  readonly isKeepingStopWords?: boolean;
  /** Snowball-stem words (default false). */
  readonly isStemming?: boolean;
  /** 1 = unigrams, 2 = uni- and bigrams. */
  readonly ngramMax?: 1 | 2;
  /** Minimum document frequency of a word term (default 2). */
  readonly minDf?: number;
  /** Maximum document frequency share of a word term (default 0.5). */
  readonly maxDf?: number;
  /** Character n-grams within word boundaries of these lengths, e.g. [2, 5]; none by default. */
  readonly charNgrams?: readonly [number, number];
  /** Weight of the character block relative to the word block (each l2-normalised first). Default 1. */
  readonly charWeight?: number;
}

function wordTerms(text: string, language: Language, options: SuggestionFeatureOptions): string[] {
  const keep = options.isKeepingStopWords ?? true;
  const isStemming = options.isStemming ?? false;
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    if (token.length >= 2 && (keep || !isStopWord(token, language))) {
      terms.push(isStemming ? stem(token, language) : token);
    }
  }
  return terms;
}

function charTerms(text: string, low: number, high: number): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    const padded = ` ${token} `;
    for (let n = low; n <= high; n++) {
      for (let i = 0; i + n <= padded.length; i++) {
        terms.push(padded.slice(i, i + n));
      }
    }
  }
  return terms;
}

/** Concatenates two CSR blocks column-wise: rows re-normalised, the second block scaled by `weight`. */
function concatenate(a: CsrMatrix, b: CsrMatrix, weight: number): CsrMatrix {
  const n = a.rowCount;
  const nnz = a.indices.length + b.indices.length;
  const indptr = new Int32Array(n + 1);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  let out = 0;
  for (let row = 0; row < n; row++) {
    const start = out;
    let norm = 0;
    for (let p = a.indptr[row] as number; p < (a.indptr[row + 1] as number); p++) {
      indices[out] = a.indices[p] as number;
      values[out] = a.values[p] as number;
      norm += (values[out] as number) ** 2;
      out++;
    }
    for (let p = b.indptr[row] as number; p < (b.indptr[row + 1] as number); p++) {
      indices[out] = a.columnCount + (b.indices[p] as number);
      values[out] = (b.values[p] as number) * weight;
      norm += (values[out] as number) ** 2;
      out++;
    }
    scaleToUnitLength(values, start, out, norm);
    indptr[row + 1] = out;
  }
  return { rowCount: n, columnCount: a.columnCount + b.columnCount, indptr, indices, values };
}

/**
 * Builds suggestion features incrementally: add texts in row order, then `build()`.
 *
 * @example
 * const builder = new SuggestionFeatureBuilder();
 * builder.add('Staff were kind', 'en');
 * const matrix = builder.build();
 */
export class SuggestionFeatureBuilder {
  private readonly options: SuggestionFeatureOptions;
  private readonly words: TfidfBuilder;
  private readonly chars: TfidfBuilder | undefined;

  constructor(options: SuggestionFeatureOptions = {}) {
    this.options = options;
    this.words = new TfidfBuilder({
      minDf: options.minDf ?? 2,
      maxDf: options.maxDf ?? 0.5,
      ngramMax: options.ngramMax ?? 1,
      surfaceSampleSize: 0,
    });
    this.chars = options.charNgrams
      ? new TfidfBuilder({ minDf: options.minDf ?? 2, maxDf: 1, ngramMax: 1, surfaceSampleSize: 0 })
      : undefined;
  }

  add(text: string, language: Language): void {
    this.words.addTerms(wordTerms(text, language, this.options));
    if (this.chars && this.options.charNgrams) {
      const [low, high] = this.options.charNgrams;
      this.chars.addTerms(charTerms(text, low, high));
    }
  }

  build(): CsrMatrix {
    const words = this.words.build().matrix;
    return this.chars ? concatenate(words, this.chars.build().matrix, this.options.charWeight ?? 1) : words;
  }
}

/**
 * Suggestion features for in-memory texts (one row per text, in order).
 *
 * @example
 * const matrix = suggestionFeatures(['Staff were kind', 'Long wait'], ['en', 'en'], { minDf: 1 });
 */
export function suggestionFeatures(
  texts: readonly string[],
  languages: readonly Language[],
  options: SuggestionFeatureOptions = {},
): CsrMatrix {
  const builder = new SuggestionFeatureBuilder(options);
  texts.forEach((text, i) => builder.add(text, languages[i] ?? 'und'));
  return builder.build();
}
