/**
 * The evaluation mode: discovery and suggestions compared with the labels in the input.
 * @module
 */
import { DISCOVERY_WORD_FEATURES, discoverThemes, usesWordFeatures } from '../themes/index.ts';
import { withWorkerPool } from '../parallel/pool.ts';
import { trainSuggester } from '../suggest/index.ts';
import {
  accuracy,
  adjustedRandIndex,
  jaccard,
  macroF1,
  macroF1Sets,
  microF1,
  normalizedMutualInfo,
  stratifiedSplit,
} from '../evaluate/index.ts';
import { readCorpus, readSuggestionFeatures, SUGGESTION_C, type ReadOptions } from './corpus.ts';
import { AnalysisError, type RecordSource } from './source.ts';

/** Scores of suggestions trained on one share of the labelled texts. */
export interface SuggestionScores {
  readonly accuracy: number;
  readonly macroF1: number;
  readonly microF1?: number;
  readonly jaccard?: number;
  readonly trainTexts: number;
  readonly testTexts: number;
}

/** The `evaluation.json` document. */
export interface EvaluationDocument {
  readonly discovery: {
    readonly ari: number;
    readonly nmi: number;
    readonly themes: number;
    readonly texts: number;
  };
  readonly suggestions: Readonly<Record<'10' | '20', SuggestionScores>>;
  readonly isMultiLabel: boolean;
}

/** Options of {@link evaluate}. */
export type EvaluateOptions = Omit<ReadOptions, 'threshold'>;

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * Compares discovery (as many themes as distinct labels; ARI, NMI on each text's first label) and
 * suggestions trained on stratified 10% / 20% of the labelled texts (accuracy, macro-F1; micro-F1
 * and Jaccard when multi-label) with the labels in the input. Texts without labels are ignored.
 *
 * @example
 * const scores = await evaluate(arraySource(labelledRecords), { seed: 0 });
 * scores.discovery.nmi; // e.g. 0.31
 */
export async function evaluate(
  source: RecordSource,
  options: EvaluateOptions = {},
): Promise<EvaluationDocument> {
  const seed = options.seed ?? 0;
  const filtered: RecordSource = {
    name: source.name,
    async *open() {
      for await (const record of source.open()) {
        if (record.labels && record.labels.length > 0) {
          yield record;
        }
      }
    },
  };
  const corpus = await readCorpus(filtered, { ...options, isDetectingDuplicates: false });
  const n = corpus.ids.length;
  if (n < 4) {
    throw new AnalysisError(
      `${source.name}: ${n} labelled text(s); evaluation needs at least 4 texts with labels`,
    );
  }
  const labelSets = corpus.labels.map((set) => set ?? []);
  const isMultiLabel = labelSets.some((set) => set.length > 1);
  const first = labelSets.map((set) => set[0] as string);
  const distinct = new Set(labelSets.flat()).size;
  if (distinct < 2) {
    throw new AnalysisError(`${source.name}: only one distinct label; evaluation needs at least two`);
  }
  options.onProgress?.({ stage: 'themes', done: 0 });
  const themes = await withWorkerPool(
    n,
    (pool, wordFeatures) =>
      discoverThemes(corpus.model, {
        seed,
        ...(pool ? { pool } : {}),
        ...(wordFeatures ? { wordFeatures } : {}),
        themes: Math.min(distinct, n),
        isAssigningAll: true,
        groups: 1,
      }),
    // read while the worker loads
    async () =>
      usesWordFeatures(corpus.model)
        ? await readSuggestionFeatures(filtered, corpus.languages, n, DISCOVERY_WORD_FEATURES)
        : undefined,
  );
  const predicted = Array.from(themes.assignments);
  const discovery = {
    ari: round(adjustedRandIndex(first, predicted)),
    nmi: round(normalizedMutualInfo(first, predicted)),
    themes: distinct,
    texts: n,
  };
  // Stratify on each text's rarest label.
  const frequency = new Map<string, number>();
  for (const set of labelSets) {
    for (const label of set) {
      frequency.set(label, (frequency.get(label) ?? 0) + 1);
    }
  }
  const strata = labelSets.map(
    (set) =>
      [...set].sort(
        (a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : 1),
      )[0] as string,
  );
  const features = await readSuggestionFeatures(filtered, corpus.languages, n);
  const scores = {} as Record<'10' | '20', SuggestionScores>;
  for (const share of [10, 20] as const) {
    options.onProgress?.({ stage: 'suggestions', done: share });
    const split = stratifiedSplit(strata, share / 100, seed);
    const suggester = trainSuggester(
      features,
      split.train,
      split.train.map((row) => labelSets[row] ?? []),
      { seed, c: SUGGESTION_C, folds: 0 },
    );
    const predictedSets = split.test.map((row) => suggester.predict(features, row).map((s) => s.label));
    const truthSets = split.test.map((row) => labelSets[row] ?? []);
    if (isMultiLabel) {
      const key = (set: readonly string[]): string => [...set].sort().join('|');
      scores[share] = {
        accuracy: round(accuracy(truthSets.map(key), predictedSets.map(key))),
        macroF1: round(macroF1Sets(truthSets, predictedSets)),
        microF1: round(microF1(truthSets, predictedSets)),
        jaccard: round(jaccard(truthSets, predictedSets)),
        trainTexts: split.train.length,
        testTexts: split.test.length,
      };
    } else {
      const truth = truthSets.map((set) => set[0] as string);
      const guess = predictedSets.map((set) => set[0] ?? '');
      scores[share] = {
        accuracy: round(accuracy(truth, guess)),
        macroF1: round(macroF1(truth, guess)),
        trainTexts: split.train.length,
        testTexts: split.test.length,
      };
    }
  }
  return { discovery, suggestions: scores, isMultiLabel };
}
