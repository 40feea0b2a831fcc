/**
 * Theme discovery on a TF-IDF model:
 * 1. rows are put in a canonical content order (so permuting the input does not change the result);
 * 2. LSA (randomised SVD, 100 dimensions) + l2 normalisation on a sample of at most 20,000 texts;
 *    on corpora up to 50,000 texts, next to it the TF-IDF-weighted sum of PPMI word vectors learned
 *    from the corpus itself (vectorize/ppmi); above that, a 10,000-text sample without its
 *    single-text terms (speed; no loss measured on Storting). On short texts (under 20 terms each
 *    on average) the word vectors are learned on `wordFeatures` when the caller passes them
 *    ({@link discoveryWordFeatures}: stemmed words and bigrams with stop words kept), since in
 *    one-line answers "nothing", "more", "no", "very" carry the meaning;
 * 3. spherical k-means with k-means++ starts, best of several restarts; k chosen automatically when
 *    not given, by the highest silhouette (cosine, on 1,000 sampled texts) over a range of k (reported in the output);
 * 4. without the PPMI vectors, self-training refinement: one-vs-rest linear SVMs trained on the
 *    members closest to each centroid re-assign every text (repeated a few rounds);
 * 5. labels by class-based TF-IDF (c-TF-IDF) over the raw counts, with separate bigram labels;
 *    representatives = members closest to the theme centroid; texts with no terms or too little
 *    similarity to every theme are reported as unassigned;
 * 6. coarse groups by average-linkage agglomerative clustering of the theme centroids.
 * Deterministic for a seed (seeded PRNG only).
 * @module
 */
import type { CsrMatrix, TfidfModel } from '../vectorize/index.ts';
import { reduceDimensions, restrictDocumentFrequency, selectRows } from '../vectorize/index.ts';
import { createRandom, shuffleInPlace, type Random } from '../vectorize/random.ts';
import { ppmiDocumentVectors } from '../vectorize/ppmi.ts';
import { decisionScores, trainOneVsRest } from '../suggest/linear.ts';
import { hasShortTexts, PPMI_MAX_ROWS } from './word-features.ts';
import { bestOfRestarts, sampledSilhouette, type KMeansResult } from './kmeans.ts';
import {
  agglomerate,
  centroidSimilarities,
  centroidSums,
  columnNorms,
  compactColumns,
  concatenateDense,
  dropRareColumns,
  tfidfCentroids,
  themeRows,
  transposeClassifier,
} from './dense.ts';

export { DISCOVERY_WORD_FEATURES, discoveryWordFeatures, usesWordFeatures } from './word-features.ts';
export {
  sphericalKMeans,
  bestOfRestarts,
  simplifiedSilhouette,
  sampledSilhouette,
  type KMeansResult,
} from './kmeans.ts';

/** Options of {@link discoverThemes}. */
export interface ThemeOptions {
  /** Number of themes; chosen automatically when omitted. */
  readonly themes?: number;
  /** Range searched when `themes` is omitted (default [2, 30], capped by the corpus size). */
  readonly themeRange?: readonly [number, number];
  /** Number of coarse groups (default ≈ √themes; 0 or 1 = no grouping). */
  readonly groups?: number;
  readonly seed?: number;
  /** LSA dimensions (default 100). */
  readonly dimensions?: number;
  /**
   * Terms in fewer fitted texts than this are left out of the LSA (default 1: none left out; 2 above
   * `ppmiMaxRows` texts, where most bigrams of a sample are in one text and only swell the SVD).
   */
  readonly lsaMinDf?: number;
  /** k-means restarts (default 5). */
  readonly restarts?: number;
  /**
   * Self-training rounds (0 = plain k-means). Default 2 on LSA alone, 0 with PPMI word vectors: the
   * sparse classifiers undo what the word vectors add (chosen on Storting and NHS phase 2).
   */
  readonly refinementRounds?: number;
  /** Share of each theme (closest to its centroid) used to train the refinement (default 0.5). */
  readonly confidentShare?: number;
  /**
   * Rows used to fit (sampled above this; the rest are assigned by the classifier). Default 20,000;
   * 10,000 above `ppmiMaxRows` texts.
   */
  readonly maxFitRows?: number;
  /** Minimum cosine similarity to a theme centroid; below it a text is unassigned. Default 0.05. */
  readonly minSimilarity?: number;
  /** Assign every text that has terms (no similarity outliers), e.g. for evaluation. */
  readonly isAssigningAll?: boolean;
  /** Representative texts per theme (default 5). */
  readonly representatives?: number;
  /** Key terms per theme (default 10). */
  readonly terms?: number;
  /** Class-balanced weights in the self-training SVMs (default true: keeps one theme from swallowing others). */
  readonly isBalancedRefinement?: boolean;
  /**
   * Ignore terms in more than this share of the texts while clustering. Default 1/themes (clamped
   * to [0.05, 0.5]; 0.1 when the number is chosen automatically): a term specific to one of k
   * similar-sized themes is in at most about 1/k of the texts; more frequent terms are shared
   * phrasing ("I ask the minister…") that pulls clusters towards style instead of topic. Short
   * texts (fewer than 20 terms each on average) use at least 0.2: they have little such phrasing.
   */
  readonly maxDfShare?: number;
  /**
   * Features the self-training classifiers use instead of the clustering TF-IDF (same rows as the
   * model), e.g. words with stop words plus character n-grams: richer than the topical terms, they
   * let the classifier generalise from a theme's core to texts that share no topical term with it.
   */
  readonly refinementFeatures?: CsrMatrix;
  /**
   * Weight of corpus-learned PPMI word vectors next to LSA in the clustering space (default 2 for
   * corpora up to `ppmiMaxRows` texts; 0 = LSA only).
   */
  readonly ppmiWeight?: number;
  /**
   * Largest corpus (texts) that gets PPMI word vectors by default (default 50,000): they cost some
   * 5 s CPU on 20,000 fitted texts, which pays on small consultations, not on a million petitions.
   */
  readonly ppmiMaxRows?: number;
  /** Terms that get PPMI word vectors (default 3,000). */
  readonly ppmiTerms?: number;
  /** Power iterations of the PPMI word vectors' randomised SVD (default 2 with `wordFeatures`, else 3). */
  readonly ppmiPowerIterations?: number;
  /**
   * Features the PPMI word vectors are learned on and texts embedded with, on short texts only
   * (same rows as the model; see {@link discoveryWordFeatures}). Function words carry meaning in
   * one-line answers (NHS phase 2: NMI 0.314 → 0.330, mean of 3 seeds), but on longer texts they
   * are shared phrasing (Storting: 0.251 → 0.187), so long texts keep the topical TF-IDF.
   */
  readonly wordFeatures?: CsrMatrix;
}

/** A weighted label term. */
export interface ThemeTerm {
  readonly term: string;
  readonly weight: number;
}

/** One discovered theme. */
export interface Theme {
  readonly id: number;
  /** Short label: the three strongest terms. */
  readonly label: string;
  readonly terms: readonly ThemeTerm[];
  readonly bigrams: readonly ThemeTerm[];
  readonly size: number;
  /** Member rows, in input order. */
  readonly members: readonly number[];
  /** Rows closest to the centroid. */
  readonly representatives: readonly number[];
  /** Coarse group id. */
  readonly group: number;
}

/** A coarse group of themes. */
export interface ThemeGroup {
  readonly id: number;
  readonly label: string;
  readonly terms: readonly ThemeTerm[];
  readonly themeIds: readonly number[];
  readonly size: number;
}

/** How the number of themes was chosen. */
export interface ThemeCountChoice {
  readonly method: 'given' | 'silhouette';
  readonly chosen: number;
  readonly candidates: readonly { readonly themes: number; readonly silhouette: number }[];
}

/** Result of {@link discoverThemes}. */
export interface ThemeResult {
  readonly themes: readonly Theme[];
  readonly groups: readonly ThemeGroup[];
  /** Row → theme id, or −1 when unassigned. */
  readonly assignments: Int32Array;
  /** Rows that fit no theme. */
  readonly unassigned: readonly number[];
  readonly choice: ThemeCountChoice;
  readonly method: string;
}

/**
 * Defaults above {@link PPMI_MAX_ROWS} texts, where speed matters most (a million petitions): a
 * smaller fitted sample and terms in a single fitted text left out of the SVD. On Storting written
 * questions run through this path (`ppmiMaxRows: 0`) they cost no NMI (see
 * bench/analysis/RESULTS.md); NHS phase 2 has fewer texts than the sample.
 */
const LARGE_CORPUS = { maxFitRows: 10_000, lsaMinDf: 2, dimensions: 100 } as const;

function rowHash(matrix: CsrMatrix, row: number): number {
  let h = 0x811c9dc5;
  for (let p = matrix.indptr[row] as number; p < (matrix.indptr[row + 1] as number); p++) {
    h = Math.imul(h ^ (matrix.indices[p] as number), 0x01000193);
    h = Math.imul(h ^ Math.round((matrix.values[p] as number) * 1e6), 0x01000193);
  }
  return h >>> 0;
}

function compareRows(matrix: CsrMatrix, a: number, b: number): number {
  const la = (matrix.indptr[a + 1] as number) - (matrix.indptr[a] as number);
  const lb = (matrix.indptr[b + 1] as number) - (matrix.indptr[b] as number);
  if (la !== lb) {
    return la - lb;
  }
  const sa = matrix.indptr[a] as number;
  const sb = matrix.indptr[b] as number;
  for (let p = 0; p < la; p++) {
    const d = (matrix.indices[sa + p] as number) - (matrix.indices[sb + p] as number);
    if (d !== 0) {
      return d;
    }
    const v = (matrix.values[sa + p] as number) - (matrix.values[sb + p] as number);
    if (v !== 0) {
      return v;
    }
  }
  return 0;
}

/** Non-empty rows in a canonical order that depends only on row contents. */
function canonicalRows(matrix: CsrMatrix, copyOf: Int32Array | undefined): number[] {
  const rows: number[] = [];
  const hashes = new Uint32Array(matrix.rowCount);
  for (let row = 0; row < matrix.rowCount; row++) {
    if ((matrix.indptr[row + 1] as number) > (matrix.indptr[row] as number)) {
      rows.push(row);
      const original = copyOf ? (copyOf[row] as number) : -1;
      hashes[row] = original >= 0 ? (hashes[original] as number) : rowHash(matrix, row);
    }
  }
  if (matrix.rowCount <= 1 << 21) {
    // Fast path: one native numeric sort of hash·2²¹ + row. Equal hashes almost always mean equal
    // rows (interchangeable); a true collision only changes the order of those two rows.
    // (Plain loops: typed-array `from` with a mapping function goes through the iterator protocol.)
    const keys = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      keys[i] = (hashes[row] as number) * 2097152 + row;
    }
    keys.sort();
    const ordered = new Array<number>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      ordered[i] = (keys[i] as number) % 2097152;
    }
    return ordered;
  }
  return rows.sort((a, b) => (hashes[a] as number) - (hashes[b] as number) || compareRows(matrix, a, b));
}

function sampleRows(rows: readonly number[], size: number, random: Random): number[] {
  if (rows.length <= size) {
    return rows.slice();
  }
  // Selection sampling (Knuth's algorithm S) keeps the canonical order.
  const chosen: number[] = [];
  for (let i = 0; i < rows.length && chosen.length < size; i++) {
    if (random.next() * (rows.length - i) < size - chosen.length) {
      chosen.push(rows[i] as number);
    }
  }
  return chosen;
}

/** c-TF-IDF: weight(t, c) = tf(t, c) · ln(1 + A / f(t)), A = mean count per class. */
function classTfidf(
  model: TfidfModel,
  assignments: Int32Array,
  classOf: (theme: number) => number,
  classes: number,
  rowWeights?: Uint32Array,
) {
  const { matrix, counts } = model;
  const d = matrix.columnCount;
  const tf = new Float64Array(classes * d);
  const total = new Float64Array(d);
  let grand = 0;
  for (let row = 0; row < matrix.rowCount; row++) {
    const theme = assignments[row] as number;
    const weight = rowWeights ? (rowWeights[row] as number) : 1;
    if (theme < 0 || weight === 0) {
      continue;
    }
    const c = classOf(theme);
    for (let p = matrix.indptr[row] as number; p < (matrix.indptr[row + 1] as number); p++) {
      const j = matrix.indices[p] as number;
      const count = (counts[p] as number) * weight;
      tf[c * d + j] = (tf[c * d + j] as number) + count;
      total[j] = (total[j] as number) + count;
      grand += count;
    }
  }
  const average = grand / Math.max(1, classes);
  const isBigramColumn = Uint8Array.from(model.vocabulary, (term) => (term.includes(' ') ? 1 : 0));
  const byWeight = (a: ThemeTerm, b: ThemeTerm): number => b.weight - a.weight || (a.term < b.term ? -1 : 1);
  return (c: number, limit: number, isBigram: boolean): ThemeTerm[] => {
    // The `limit` best, kept sorted (a vocabulary can have a million terms; labels need ten).
    const top: ThemeTerm[] = [];
    if (limit <= 0) {
      return top;
    }
    for (let j = 0; j < d; j++) {
      const f = tf[c * d + j] as number;
      if (f <= 0 || (isBigramColumn[j] === 1) !== isBigram) {
        continue;
      }
      const candidate = {
        term: model.labels[j] as string,
        weight: f * Math.log(1 + average / (total[j] as number)),
      };
      if (top.length === limit && byWeight(candidate, top[limit - 1] as ThemeTerm) >= 0) {
        continue;
      }
      let at = top.length;
      while (at > 0 && byWeight(candidate, top[at - 1] as ThemeTerm) < 0) {
        at--;
      }
      top.splice(at, 0, candidate);
      if (top.length > limit) {
        top.pop();
      }
    }
    const max = top[0]?.weight ?? 1;
    return top.map((t) => ({ term: t.term, weight: Math.round((t.weight / max) * 1000) / 1000 }));
  };
}

/**
 * Per-row multiplicities for sums over rows: an original counts once for itself and once for each
 * exact copy in the same theme, and such copies count 0 (integer counts: the sums are unchanged).
 */
function copyWeights(copyOf: Int32Array | undefined, assignments: Int32Array): Uint32Array | undefined {
  if (!copyOf) {
    return undefined;
  }
  const weights = new Uint32Array(assignments.length).fill(1);
  for (let row = 0; row < assignments.length; row++) {
    const original = copyOf[row] as number;
    if (original >= 0 && assignments[original] === assignments[row]) {
      weights[original] = (weights[original] as number) + 1;
      weights[row] = 0;
    }
  }
  return weights;
}

/**
 * Discovers themes in a vectorised corpus.
 *
 * @example
 * const model = vectorizeTexts(texts, 'nb');
 * const result = discoverThemes(model, { themes: 5, groups: 2, seed: 1 });
 * result.themes[0]?.label; // e.g. 'skole, elever, lærere'
 */
export function discoverThemes(fullModel: TfidfModel, options: ThemeOptions = {}): ThemeResult {
  // Short texts (few terms each, e.g. one-line feedback) have little shared phrasing to remove and
  // lose their topical words to the 1/k cut, so they keep terms up to a 20% share (chosen on NHS
  // phase 2 vs Storting written questions).
  const isShortText = hasShortTexts(fullModel);
  const floor = isShortText ? 0.2 : 0.05;
  const defaultShare =
    options.themes !== undefined
      ? Math.min(0.5, Math.max(floor, 1 / options.themes))
      : isShortText
        ? 0.2
        : 0.1;
  const model = restrictDocumentFrequency(fullModel, options.maxDfShare ?? defaultShare);
  if (options.wordFeatures && options.wordFeatures.rowCount !== fullModel.matrix.rowCount) {
    throw new RangeError(
      `wordFeatures has ${options.wordFeatures.rowCount} rows, the model ${fullModel.matrix.rowCount}`,
    );
  }
  const wordFeatures = isShortText ? options.wordFeatures : undefined;
  const matrix = model.matrix;
  const seed = options.seed ?? 0;
  const random = createRandom(seed);
  const copyOf = model.copyOf;
  const rows = canonicalRows(matrix, copyOf);
  const assignments = new Int32Array(matrix.rowCount).fill(-1);
  if (rows.length === 0) {
    return {
      themes: [],
      groups: [],
      assignments,
      unassigned: Array.from({ length: matrix.rowCount }, (_, i) => i),
      choice: { method: options.themes ? 'given' : 'silhouette', chosen: 0, candidates: [] },
      method: 'none (no text has terms)',
    };
  }
  // The sample keeps the canonical order; a seeded shuffle decides which rows the k-means
  // restarts see first (bestOfRestarts uses a prefix).
  const isLargeCorpus = matrix.rowCount > (options.ppmiMaxRows ?? PPMI_MAX_ROWS);
  const fitRows = sampleRows(
    rows,
    options.maxFitRows ?? (isLargeCorpus ? LARGE_CORPUS.maxFitRows : 20_000),
    random,
  );
  shuffleInPlace(fitRows, random);
  const fitMatrix = compactColumns(selectRows(matrix, fitRows));
  const reduction = reduceDimensions(
    dropRareColumns(fitMatrix, options.lsaMinDf ?? (isLargeCorpus ? LARGE_CORPUS.lsaMinDf : 1)),
    {
      dimensions: options.dimensions ?? (isLargeCorpus ? LARGE_CORPUS.dimensions : 100),
      seed,
      powerIterations: isLargeCorpus || fitRows.length > 10_000 ? 2 : 3,
      isComputingComponents: false,
    },
  );
  let dims = reduction.dimensions;
  let points = reduction.embedding;
  const ppmiWeight = options.ppmiWeight ?? (isLargeCorpus ? 0 : 2);
  if (ppmiWeight > 0) {
    const ppmi = ppmiDocumentVectors(wordFeatures ? selectRows(wordFeatures, fitRows) : fitMatrix, {
      dimensions: dims,
      seed,
      ...(options.ppmiTerms !== undefined ? { maxTerms: options.ppmiTerms } : {}),
      // 2 power iterations on the denser stop-word PPMI matrix: same NMI on NHS phase 2, ~0.7 s less.
      powerIterations: options.ppmiPowerIterations ?? (wordFeatures ? 2 : 3),
    });
    points = concatenateDense(points, dims, ppmi.vectors, ppmi.dimensions, ppmiWeight, fitRows.length);
    dims += ppmi.dimensions;
  }
  const n = fitRows.length;
  const restarts = options.restarts ?? 3;

  let choice: ThemeCountChoice;
  let clustering: KMeansResult;
  if (options.themes !== undefined) {
    const k = Math.max(1, Math.min(options.themes, n));
    clustering = bestOfRestarts(points, n, dims, k, restarts, random);
    choice = { method: 'given', chosen: k, candidates: [] };
  } else {
    const [low, high] = options.themeRange ?? [2, 30];
    const upper = Math.max(2, Math.min(high, Math.floor(n / 3)));
    const candidates: { themes: number; silhouette: number }[] = [];
    let best: KMeansResult | undefined;
    let bestScore = Number.NEGATIVE_INFINITY;
    const step = upper - low > 20 ? 2 : 1;
    for (let k = Math.max(2, low); k <= upper; k += step) {
      const result = bestOfRestarts(points, n, dims, k, Math.min(2, restarts), random);
      const score = sampledSilhouette(points, n, dims, result, 1000);
      candidates.push({ themes: k, silhouette: Math.round(score * 10_000) / 10_000 });
      if (score > bestScore) {
        bestScore = score;
        best = result;
      }
    }
    const k = best?.k ?? 1;
    clustering =
      best && n >= 2
        ? bestOfRestarts(points, n, dims, k, restarts, random)
        : bestOfRestarts(points, n, dims, 1, 1, random);
    choice = { method: 'silhouette', chosen: clustering.k, candidates };
  }
  const k = clustering.k;

  // Fit-set labels, refined by self-training, then all rows assigned by the final classifier.
  let fitLabels = Int32Array.from(clustering.assignments);
  let fitSimilarity = Float32Array.from(clustering.similarities);
  const rounds = k >= 2 ? (options.refinementRounds ?? (ppmiWeight > 0 ? 0 : 2)) : 0;
  let classifier: ReturnType<typeof trainOneVsRest> | undefined;
  const refineMatrix = options.refinementFeatures
    ? selectRows(options.refinementFeatures, fitRows)
    : fitMatrix;
  for (let round = 0; round < rounds; round++) {
    const byTheme: number[][] = Array.from({ length: k }, () => []);
    fitLabels.forEach((c, i) => (byTheme[c] as number[]).push(i));
    const trainRows: number[] = [];
    const trainLabels: string[][] = [];
    const share = options.confidentShare ?? 0.5;
    byTheme.forEach((list, c) => {
      list.sort((a, b) => (fitSimilarity[b] as number) - (fitSimilarity[a] as number) || a - b);
      const take = Math.max(1, Math.ceil(list.length * share));
      for (const i of list.slice(0, take)) {
        trainRows.push(i);
        trainLabels.push([String(c).padStart(4, '0')]);
      }
    });
    classifier = trainOneVsRest(refineMatrix, trainRows, trainLabels, {
      seed: seed + round,
      c: 1,
      maxEpochs: 50,
      tolerance: 0.1,
      isBalanced: options.isBalancedRefinement ?? true,
    });
    const nextLabels = new Int32Array(n);
    const nextSimilarity = new Float32Array(n);
    const classIds = classifier.classes.map((label) => Number(label));
    for (let i = 0; i < n; i++) {
      const scores = decisionScores(classifier, refineMatrix, i);
      let best = 0;
      for (let c = 1; c < scores.length; c++) {
        if ((scores[c] as number) > (scores[best] as number)) {
          best = c;
        }
      }
      nextLabels[i] = classIds[best] as number;
      nextSimilarity[i] = scores[best] as number;
    }
    fitLabels = nextLabels;
    fitSimilarity = nextSimilarity;
  }

  // Assign every non-empty row.
  const isFitRow = new Uint8Array(matrix.rowCount);
  fitRows.forEach((row, i) => {
    assignments[row] = fitLabels[i] as number;
    isFitRow[row] = 1;
  });
  // An exact copy of a text that was not fitted gets that text's theme (identical rows score alike),
  // so the scoring below runs once per distinct text.
  const isCopyOfUnfitted = (row: number): boolean => {
    const original = copyOf ? (copyOf[row] as number) : -1;
    return original >= 0 && !isFitRow[row] && !isFitRow[original];
  };
  if (fitRows.length < rows.length) {
    if (classifier && options.refinementFeatures) {
      const classIds = classifier.classes.map((label) => Number(label));
      for (const row of rows) {
        if (!isFitRow[row] && !isCopyOfUnfitted(row)) {
          const scores = decisionScores(classifier, options.refinementFeatures, row);
          let best = 0;
          for (let c = 1; c < scores.length; c++) {
            if ((scores[c] as number) > (scores[best] as number)) {
              best = c;
            }
          }
          assignments[row] = classIds[best] as number;
        }
      }
    } else if (classifier) {
      const classIds = classifier.classes.map((label) => Number(label));
      const transposed = transposeClassifier(classifier, fitMatrix.columns, matrix.columnCount);
      const scores = new Float64Array(transposed.classes);
      for (const row of rows) {
        if (isFitRow[row] || isCopyOfUnfitted(row)) {
          continue;
        }
        centroidSimilarities(matrix, row, transposed.weights, transposed.classes, scores, transposed.bias);
        let best = 0;
        for (let c = 1; c < scores.length; c++) {
          if ((scores[c] as number) > (scores[best] as number)) {
            best = c;
          }
        }
        assignments[row] = classIds[best] as number;
      }
    } else {
      const fitAssignments = new Int32Array(matrix.rowCount).fill(-1);
      fitRows.forEach((row, i) => (fitAssignments[row] = fitLabels[i] as number));
      const centroids = tfidfCentroids(matrix, fitAssignments, k);
      for (const row of rows) {
        if (!isFitRow[row] && !isCopyOfUnfitted(row)) {
          const sims = centroidSimilarities(matrix, row, centroids, k);
          let best = 0;
          for (let c = 1; c < k; c++) {
            if ((sims[c] as number) > (sims[best] as number)) {
              best = c;
            }
          }
          assignments[row] = best;
        }
      }
    }
  }

  if (copyOf) {
    for (const row of rows) {
      if (isCopyOfUnfitted(row)) {
        assignments[row] = assignments[copyOf[row] as number] as number;
      }
    }
  }

  // Renumber themes by size (largest first), drop empty ones.
  const sizes = new Int32Array(k);
  for (const row of rows) {
    const c = assignments[row] as number;
    sizes[c] = (sizes[c] as number) + 1;
  }
  const order = Array.from({ length: k }, (_, c) => c)
    .filter((c) => (sizes[c] as number) > 0)
    .sort((a, b) => (sizes[b] as number) - (sizes[a] as number) || a - b);
  const renumber = new Int32Array(k).fill(-1);
  order.forEach((c, i) => (renumber[c] = i));
  for (const row of rows) {
    assignments[row] = renumber[assignments[row] as number] as number;
  }
  const themeCount = order.length;

  // Similarity to centroids: representatives and outliers.
  // Leave-one-out: a text's own contribution to its theme's centroid is removed first, so a text
  // that shares no terms with the rest of its theme gets similarity ≈ 0.
  const sums = centroidSums(matrix, assignments, themeCount);
  const sumNorms = columnNorms(sums, themeCount);
  const similarity = new Float32Array(matrix.rowCount);
  const minSimilarity = options.minSimilarity ?? 0.05;
  const unassignedSet: number[] = [];
  const dotBuffer = new Float64Array(themeCount);
  // Best similarity to any theme; a copy in the same theme as its original has the original's.
  const bestSimilarity = new Float64Array(matrix.rowCount);
  for (const row of rows) {
    const own = assignments[row] as number;
    const original = copyOf ? (copyOf[row] as number) : -1;
    if (original >= 0 && assignments[original] === own) {
      similarity[row] = similarity[original] as number;
      bestSimilarity[row] = bestSimilarity[original] as number;
      continue;
    }
    const dots = centroidSimilarities(matrix, row, sums, themeCount, dotBuffer);
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < themeCount; c++) {
      const dot = dots[c] as number;
      const s =
        c === own
          ? (dot - 1) / Math.sqrt(Math.max(1e-12, (sumNorms[c] as number) - 2 * dot + 1))
          : dot / Math.sqrt(Math.max(1e-12, sumNorms[c] as number));
      if (c === own) {
        similarity[row] = s;
      }
      max = Math.max(max, s);
    }
    bestSimilarity[row] = max;
  }
  if (!options.isAssigningAll) {
    for (const row of rows) {
      if ((bestSimilarity[row] as number) < minSimilarity) {
        assignments[row] = -1;
      }
    }
  }
  // Rows left without terms by the document-frequency restriction: nearest centroid on all terms.
  if (model !== fullModel && themeCount > 0) {
    const full = fullModel.matrix;
    const pending: number[] = [];
    for (let row = 0; row < full.rowCount; row++) {
      if (
        (assignments[row] as number) < 0 &&
        (matrix.indptr[row + 1] as number) === (matrix.indptr[row] as number) &&
        (full.indptr[row + 1] as number) > (full.indptr[row] as number)
      ) {
        pending.push(row);
      }
    }
    if (pending.length > 0) {
      const fullCentroids = tfidfCentroids(full, assignments, themeCount);
      for (const row of pending) {
        const sims = centroidSimilarities(full, row, fullCentroids, themeCount);
        let best = 0;
        for (let c = 1; c < themeCount; c++) {
          if ((sims[c] as number) > (sims[best] as number)) {
            best = c;
          }
        }
        if (options.isAssigningAll || (sims[best] as number) >= minSimilarity) {
          assignments[row] = best;
          similarity[row] = sims[best] as number;
        }
      }
    }
  }
  for (let row = 0; row < matrix.rowCount; row++) {
    if ((assignments[row] as number) < 0) {
      if (options.isAssigningAll && themeCount > 0) {
        assignments[row] = 0;
      } else {
        unassignedSet.push(row);
      }
    }
  }

  const members: number[][] = Array.from({ length: themeCount }, () => []);
  for (let row = 0; row < matrix.rowCount; row++) {
    const c = assignments[row] as number;
    if (c >= 0) {
      (members[c] as number[]).push(row);
    }
  }
  // Representatives: the distinct members closest to the centroid (partial selection, O(size)).
  const representativesCount = options.representatives ?? 5;
  const representativesOf = members.map((list) => {
    const top: number[] = [];
    for (const row of list) {
      if (
        top.length < representativesCount ||
        (similarity[row] as number) > (similarity[top[top.length - 1] as number] as number)
      ) {
        if (top.some((other) => compareRows(matrix, other, row) === 0)) {
          continue; // an exact repeat of a representative already chosen
        }
        top.push(row);
        top.sort((a, b) => (similarity[b] as number) - (similarity[a] as number) || a - b);
        if (top.length > representativesCount) {
          top.pop();
        }
      }
    }
    return top;
  });

  // Coarse groups.
  const requestedGroups = options.groups ?? Math.max(1, Math.round(Math.sqrt(themeCount)));
  const groupCount = Math.max(1, Math.min(requestedGroups, themeCount));
  const inverseNorms = Float64Array.from(sumNorms, (norm) => (norm > 0 ? 1 / Math.sqrt(norm) : 0));
  const centroids = themeRows(sums, themeCount, matrix.columnCount);
  for (let i = 0; i < centroids.length; i++) {
    centroids[i] = (centroids[i] as number) * (inverseNorms[Math.floor(i / matrix.columnCount)] as number);
  }
  const groupOf =
    themeCount > 0 ? agglomerate(centroids, themeCount, matrix.columnCount, groupCount) : new Int32Array(0);

  const labelTerms = options.terms ?? 10;
  const weights = copyWeights(copyOf, assignments);
  const themeLabels = classTfidf(model, assignments, (theme) => theme, themeCount, weights);
  const groupLabels = classTfidf(
    model,
    assignments,
    (theme) => groupOf[theme] as number,
    groupCount,
    weights,
  );
  const themes: Theme[] = members.map((list, id) => {
    const terms = themeLabels(id, labelTerms, false);
    const bigrams = themeLabels(id, Math.ceil(labelTerms / 2), true);
    return {
      id,
      label: terms
        .slice(0, 3)
        .map((t) => t.term)
        .join(', '),
      terms,
      bigrams,
      size: list.length,
      members: list,
      representatives: representativesOf[id] ?? [],
      group: groupOf[id] as number,
    };
  });
  const groups: ThemeGroup[] = Array.from({ length: themeCount > 0 ? groupCount : 0 }, (_, id) => {
    const themeIds = themes.filter((t) => t.group === id).map((t) => t.id);
    const terms = groupLabels(id, labelTerms, false);
    return {
      id,
      label: terms
        .slice(0, 3)
        .map((t) => t.term)
        .join(', '),
      terms,
      themeIds,
      size: themeIds.reduce((sum, t) => sum + (themes[t]?.size ?? 0), 0),
    };
  });
  return {
    themes,
    groups,
    assignments,
    unassigned: unassignedSet,
    choice,
    method:
      `LSA (${reduction.dimensions} dims, randomised SVD)` +
      (ppmiWeight > 0
        ? ` + corpus PPMI word vectors (${dims - reduction.dimensions} dims, weight ${ppmiWeight}` +
          (wordFeatures ? ', stop words kept' : '') +
          ')'
        : '') +
      ` + spherical k-means (k-means++, best of ${restarts})` +
      (rounds > 0 ? ` + ${rounds} rounds of self-training with one-vs-rest linear SVMs` : '') +
      `; labels by c-TF-IDF; groups by average-linkage clustering of centroids`,
  };
}
