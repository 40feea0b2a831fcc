/**
 * Word features for discovery's PPMI word vectors on short texts: stemmed words and bigrams with stop
 * words kept. In one-line answers ("Nothing", "More staff", "Not long enough") function words carry
 * the meaning that the topical TF-IDF (stop words out) drops.
 * @module
 */
import { suggestionFeatures, type SuggestionFeatureOptions } from '../suggest/features.ts';
import type { Language } from '../tokenize/index.ts';
import type { CsrMatrix, TfidfModel } from '../vectorize/index.ts';
import type { ThemeOptions } from './types.ts';

/** Mean terms (uni- and bigram columns) per text below which texts count as short. */
export const SHORT_TEXT_TERMS = 20;
/** Default largest corpus with PPMI word vectors in the clustering space. */
export const PPMI_MAX_ROWS = 50_000;

/** Options of {@link discoveryWordFeatures}: stemmed words and bigrams, stop words kept. */
export const DISCOVERY_WORD_FEATURES: SuggestionFeatureOptions = { isStemming: true, ngramMax: 2 };

/**
 * The `wordFeatures` of {@link discoverThemes} for in-memory texts (one row per text, in order).
 *
 * @example
 * const wordFeatures = discoveryWordFeatures(texts, texts.map(() => 'en'));
 * const result = discoverThemes(vectorizeTexts(texts, 'en'), { themes: 5, wordFeatures });
 */
export function discoveryWordFeatures(texts: readonly string[], languages: readonly Language[]): CsrMatrix {
  return suggestionFeatures(texts, languages, DISCOVERY_WORD_FEATURES);
}

/** Whether the texts average fewer than {@link SHORT_TEXT_TERMS} terms (non-empty texts only). */
export function hasShortTexts(model: TfidfModel): boolean {
  let nonEmpty = 0;
  for (let row = 0; row < model.matrix.rowCount; row++) {
    if ((model.matrix.indptr[row + 1] as number) > (model.matrix.indptr[row] as number)) {
      nonEmpty++;
    }
  }
  return model.matrix.indices.length < SHORT_TEXT_TERMS * Math.max(1, nonEmpty);
}

/**
 * Whether {@link discoverThemes} would use `wordFeatures` on this model (short texts with PPMI word
 * vectors on), so callers build them only then.
 *
 * @example
 * const wordFeatures = usesWordFeatures(model) ? discoveryWordFeatures(texts, languages) : undefined;
 */
export function usesWordFeatures(
  model: TfidfModel,
  options: Pick<ThemeOptions, 'ppmiWeight' | 'ppmiMaxRows'> = {},
): boolean {
  const ppmiWeight =
    options.ppmiWeight ?? (model.matrix.rowCount <= (options.ppmiMaxRows ?? PPMI_MAX_ROWS) ? 2 : 0);
  return ppmiWeight > 0 && hasShortTexts(model);
}
