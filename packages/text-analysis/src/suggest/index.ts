/**
 * Theme suggestions from coded examples: one-vs-rest linear SVMs on TF-IDF rows, confidences
 * calibrated by Platt scaling fitted on cross-validated decision values, and active learning
 * (uncoded texts ranked by the margin between their two most likely themes: smallest first).
 * Multi-label codings are supported (a theme is suggested when its calibrated probability ≥ 0.5).
 * @module
 */
import type { CsrMatrix } from '../vectorize/index.ts';
import { createRandom, shuffleInPlace } from '../vectorize/random.ts';
import {
  decisionScores,
  fitPlatt,
  plattProbability,
  trainOneVsRest,
  type LinearOptions,
  type OneVsRestModel,
  type PlattParameters,
} from './linear.ts';

export {
  trainOneVsRest,
  decisionScores,
  fitPlatt,
  plattProbability,
  type LinearOptions,
  type OneVsRestModel,
  type PlattParameters,
} from './linear.ts';

/** Options of {@link trainSuggester}. */
export interface SuggestOptions extends LinearOptions {
  /** Folds for the cross-validated calibration (default 3; 0 disables calibration). */
  readonly folds?: number;
}

/** A theme with its calibrated confidence (0..1). */
export interface ThemeSuggestion {
  readonly label: string;
  readonly confidence: number;
}

/** A trained suggester. */
export interface Suggester {
  readonly classes: readonly string[];
  readonly isMultiLabel: boolean;
  /** Every class with its calibrated probability, most likely first. */
  rank(matrix: CsrMatrix, row: number): ThemeSuggestion[];
  /** The suggested label set: the top class, plus (multi-label) every class with probability ≥ 0.5. */
  predict(matrix: CsrMatrix, row: number): ThemeSuggestion[];
}

function foldOf(labelSets: readonly (readonly string[])[], folds: number, seed: number): Int32Array {
  const byLabel = new Map<string, number[]>();
  labelSets.forEach((set, i) => {
    const key = [...set].sort().join('|');
    const list = byLabel.get(key);
    if (list) {
      list.push(i);
    } else {
      byLabel.set(key, [i]);
    }
  });
  const random = createRandom(seed + 17);
  const fold = new Int32Array(labelSets.length);
  let offset = 0;
  for (const key of [...byLabel.keys()].sort()) {
    const members = shuffleInPlace(byLabel.get(key) ?? [], random);
    members.forEach((index, j) => {
      fold[index] = (offset + j) % folds;
    });
    offset += members.length;
  }
  return fold;
}

/**
 * Trains a suggester on coded rows (`labelSets[i]` are the themes of `rows[i]`).
 *
 * @example
 * const suggester = trainSuggester(model.matrix, [0, 1, 2, 3], [['a'], ['b'], ['a'], ['b']]);
 * suggester.predict(model.matrix, 4); // [{ label: 'a', confidence: 0.8 }]
 */
export function trainSuggester(
  matrix: CsrMatrix,
  rows: readonly number[],
  labelSets: readonly (readonly string[])[],
  options: SuggestOptions = {},
): Suggester {
  if (rows.length !== labelSets.length) {
    throw new RangeError('rows and labelSets differ in length');
  }
  const model = trainOneVsRest(matrix, rows, labelSets, options);
  const classes = model.classes;
  const isMultiLabel = labelSets.some((set) => set.length > 1);
  const folds = Math.min(options.folds ?? 3, rows.length);
  const seed = options.seed ?? 0;
  let platt: PlattParameters[] | undefined;
  if (folds >= 2 && classes.length >= 2) {
    const fold = foldOf(labelSets, folds, seed);
    const heldOutScores = classes.map(() => new Float64Array(rows.length));
    for (let f = 0; f < folds; f++) {
      const trainRows: number[] = [];
      const trainSets: (readonly string[])[] = [];
      const testIndex: number[] = [];
      rows.forEach((row, i) => {
        if (fold[i] === f) {
          testIndex.push(i);
        } else {
          trainRows.push(row);
          trainSets.push(labelSets[i] ?? []);
        }
      });
      const foldModel = trainOneVsRest(matrix, trainRows, trainSets, options);
      const position = classes.map((label) => foldModel.classes.indexOf(label));
      for (const i of testIndex) {
        const scores = decisionScores(foldModel, matrix, rows[i] as number);
        position.forEach((p, k) => {
          (heldOutScores[k] as Float64Array)[i] = p >= 0 ? (scores[p] as number) : -1;
        });
      }
    }
    platt = classes.map((label, k) =>
      fitPlatt(
        heldOutScores[k] as Float64Array,
        labelSets.map((set) => set.includes(label)),
      ),
    );
  }
  const probabilitiesFor = (scores: Float64Array): Float64Array => {
    const probs = Float64Array.from(scores, (s, k) => {
      const parameters = platt?.[k];
      return parameters ? plattProbability(parameters, s) : 1 / (1 + Math.exp(-2 * s));
    });
    if (!isMultiLabel) {
      const sum = probs.reduce((a, b) => a + b, 0);
      return sum > 0 ? probs.map((p) => p / sum) : probs;
    }
    return probs;
  };
  const rank = (m: CsrMatrix, row: number): ThemeSuggestion[] => {
    const scores = decisionScores(model, m, row);
    const probs = probabilitiesFor(scores);
    return classes
      .map((label, k) => ({ label, confidence: probs[k] as number, score: scores[k] as number }))
      .sort((a, b) => b.score - a.score || b.confidence - a.confidence)
      .map(({ label, confidence }) => ({ label, confidence }));
  };
  return {
    classes,
    isMultiLabel,
    rank,
    predict: (m, row) => {
      const ranked = rank(m, row);
      if (!isMultiLabel) {
        return ranked.slice(0, 1);
      }
      const chosen = ranked.filter((s, i) => i === 0 || s.confidence >= 0.5);
      return chosen;
    },
  };
}

/** One uncoded text with its suggestions. */
export interface RowSuggestion {
  readonly row: number;
  readonly themes: readonly ThemeSuggestion[];
  /** Difference between the two highest probabilities (small = uncertain). */
  readonly margin: number;
}

/** Suggestions for uncoded rows plus the active-learning order. */
export interface SuggestionResult {
  readonly classes: readonly string[];
  readonly isMultiLabel: boolean;
  readonly suggestions: readonly RowSuggestion[];
  /** Uncoded rows whose coding would teach the model most (smallest margin first). */
  readonly nextToCode: readonly number[];
}

/**
 * Trains on the coded rows and suggests themes for the uncoded ones.
 *
 * @example
 * const result = suggestThemes(model.matrix, [0, 1], [['a'], ['b']], [2, 3], { nextToCodeCount: 1 });
 * result.nextToCode; // [3]
 */
export function suggestThemes(
  matrix: CsrMatrix,
  codedRows: readonly number[],
  labelSets: readonly (readonly string[])[],
  uncodedRows: readonly number[],
  options: SuggestOptions & { readonly nextToCodeCount?: number; readonly maxThemesPerText?: number } = {},
): SuggestionResult {
  const suggester = trainSuggester(matrix, codedRows, labelSets, options);
  const maxThemes = options.maxThemesPerText ?? 3;
  const suggestions = uncodedRows.map((row) => {
    const ranked = suggester.rank(matrix, row);
    const chosen = suggester.predict(matrix, row);
    const margin = (ranked[0]?.confidence ?? 0) - (ranked[1]?.confidence ?? 0);
    return { row, themes: chosen.slice(0, maxThemes), margin };
  });
  const nextToCode = suggestions
    .map((s) => ({ row: s.row, margin: s.margin }))
    .sort((a, b) => a.margin - b.margin || a.row - b.row)
    .slice(0, options.nextToCodeCount ?? 20)
    .map((s) => s.row);
  return { classes: suggester.classes, isMultiLabel: suggester.isMultiLabel, suggestions, nextToCode };
}

/** Re-exported for callers that want raw models. */
export type { OneVsRestModel as LinearModel };

export { suggestionFeatures, SuggestionFeatureBuilder, type SuggestionFeatureOptions } from './features.ts';
