/**
 * Scoring with a compact hashed naive-Bayes language model (see `scripts/train-language-model.ts`).
 *
 * @module language/classifier
 */
import type { Language } from '../tokenize/index.ts';
import { extractFeatureHashes } from './features.ts';

/** Serialised model as stored in `model.ts`. */
export interface LanguageModelData {
  /** Class names, in weight order. */
  readonly classes: readonly string[];
  /** Base64 of a little-endian Uint32Array of feature hashes. */
  readonly featureHashes: string;
  /** Base64 of an Int8Array: for each feature, one weight per class. */
  readonly weights: string;
  /** Weights are `log P(feature | class)` centred per feature, times this scale. */
  readonly scale: number;
}

/** A model ready for scoring: an open-addressing table from feature hash to weight row. */
export interface LoadedLanguageModel {
  readonly classes: readonly string[];
  readonly tableKeys: Uint32Array;
  readonly tableRows: Int32Array;
  readonly weights: Int8Array;
  readonly mask: number;
}

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) {
    bytes[index] = binary.charCodeAt(index);
  }
  return bytes;
}

/**
 * Builds the lookup table of a serialised model.
 *
 * @example
 * const model = loadLanguageModel(LANGUAGE_MODEL);
 */
export function loadLanguageModel(data: LanguageModelData): LoadedLanguageModel {
  const hashBytes = decodeBase64(data.featureHashes);
  const featureCount = hashBytes.length / 4;
  const view = new DataView(hashBytes.buffer, hashBytes.byteOffset, hashBytes.byteLength);
  let size = 1;
  while (size < featureCount * 3) {
    size <<= 1;
  }
  const tableKeys = new Uint32Array(size);
  const tableRows = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let row = 0; row < featureCount; row++) {
    const hash = view.getUint32(row * 4, true);
    let slot = hash & mask;
    while (tableRows[slot] !== -1) {
      slot = (slot + 1) & mask;
    }
    tableKeys[slot] = hash;
    tableRows[slot] = row;
  }
  const weightBytes = decodeBase64(data.weights);
  return {
    classes: data.classes,
    tableKeys,
    tableRows,
    weights: new Int8Array(weightBytes.buffer, weightBytes.byteOffset, weightBytes.byteLength),
    mask,
  };
}

/** Scores of one text; `scores` is a reused buffer, valid until the next call. */
export interface ClassScores {
  readonly scores: Float64Array;
  readonly featureCount: number;
  readonly knownFeatureCount: number;
  readonly letterCount: number;
  readonly wordCount: number;
}

let scoreBuffer = new Float64Array(8);

/**
 * Sums the class weights of a text's features (higher is more likely).
 *
 * @example
 * const { scores } = scoreLanguageClasses(model, 'Eg veit ikkje kva eg skal seie.');
 */
export function scoreLanguageClasses(model: LoadedLanguageModel, text: string): ClassScores {
  const classCount = model.classes.length;
  if (scoreBuffer.length < classCount) {
    scoreBuffer = new Float64Array(classCount);
  }
  const scores = scoreBuffer;
  scores.fill(0);
  const { hashes, count, letterCount, wordCount } = extractFeatureHashes(text);
  const { tableKeys, tableRows, weights, mask } = model;
  let known = 0;
  for (let index = 0; index < count; index++) {
    const hash = hashes[index] ?? 0;
    let slot = hash & mask;
    let row = tableRows[slot] ?? -1;
    while (row !== -1 && tableKeys[slot] !== hash) {
      slot = (slot + 1) & mask;
      row = tableRows[slot] ?? -1;
    }
    if (row === -1) {
      continue;
    }
    known++;
    const base = row * classCount;
    for (let classIndex = 0; classIndex < classCount; classIndex++) {
      scores[classIndex] = (scores[classIndex] ?? 0) + (weights[base + classIndex] ?? 0);
    }
  }
  return { scores, featureCount: count, knownFeatureCount: known, letterCount, wordCount };
}

/** Texts with fewer letters than this are `und`. */
export const MIN_LETTERS = 6;
/** Texts with fewer words than this are `und`. */
export const MIN_WORDS = 2;
/** Texts where fewer than this share of features is known to the model (e.g. other scripts) are `und`. */
export const MIN_KNOWN_SHARE = 0.35;

/**
 * Short texts (fewer than {@link SHORT_TEXT_WORDS} words) where the best class beats the runner-up
 * by less than this (in quantised weight units per known feature, i.e. 1/16 nat) are `und`: the
 * evidence is too weak to call. Longer texts always get their best class.
 */
export const MIN_MARGIN_PER_FEATURE = 1;
/** See {@link MIN_MARGIN_PER_FEATURE}. */
export const SHORT_TEXT_WORDS = 5;

/**
 * The decision rule: too short, mostly unknown features or (for short texts) too small a margin
 * between the two best classes → `und`; otherwise the best-scoring class, with the "other" class reported as `und`.
 *
 * @example
 * classifyLanguage(model, 'Eg veit ikkje kva eg skal seie.'); // 'nn'
 */
export function classifyLanguage(model: LoadedLanguageModel, text: string): Language {
  const result = scoreLanguageClasses(model, text);
  if (result.letterCount < MIN_LETTERS || result.wordCount < MIN_WORDS) {
    return 'und';
  }
  if (result.featureCount === 0 || result.knownFeatureCount / result.featureCount < MIN_KNOWN_SHARE) {
    return 'und';
  }
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  let secondScore = Number.NEGATIVE_INFINITY;
  for (let classIndex = 0; classIndex < model.classes.length; classIndex++) {
    const score = result.scores[classIndex] ?? 0;
    if (score > bestScore) {
      secondScore = bestScore;
      bestScore = score;
      best = classIndex;
    } else if (score > secondScore) {
      secondScore = score;
    }
  }
  if (
    result.wordCount < SHORT_TEXT_WORDS &&
    bestScore - secondScore < MIN_MARGIN_PER_FEATURE * result.knownFeatureCount
  ) {
    return 'und';
  }
  const name = model.classes[best];
  return name === 'nb' || name === 'nn' || name === 'en' ? name : 'und';
}
