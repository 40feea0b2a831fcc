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
 * 3. spherical k-means with k-means++ starts, best of several restarts; when k is not given, the
 *    smallest k in 5–30 whose silhouette (cosine, 1,000 sampled texts) is within 10% of the best
 *    (the scan is reported in the output);
 * 4. without the PPMI vectors, self-training refinement: one-vs-rest linear SVMs trained on the
 *    members closest to each centroid re-assign every text (repeated a few rounds);
 * 5. labels by class-based TF-IDF (c-TF-IDF) over the raw counts, with separate bigram labels;
 *    representatives = members closest to the theme centroid; texts with no terms or too little
 *    similarity to every theme are reported as unassigned;
 * 6. coarse groups by Ward's linkage of the themes' mean clustering-space vectors, weighted by size.
 * Deterministic for a seed (seeded PRNG only). With `options.pool` the LSA products and k-means
 * run on two threads (parallel/pool.ts), with the same result to the bit.
 * @module
 */
import type { CsrMatrix, TfidfModel } from '../vectorize/index.ts';
import { reduceDimensions, restrictDocumentFrequency, selectRows } from '../vectorize/index.ts';
import { createRandom, shuffleInPlace } from '../vectorize/random.ts';
import { embedWithWordVectors, ppmiDocumentVectors, type PpmiWordVectors } from '../vectorize/ppmi.ts';
import { decisionScores, trainOneVsRest } from '../suggest/linear.ts';
import { hasShortTexts, PPMI_MAX_ROWS } from './word-features.ts';
import { canonicalRows, compareRows, sampleRows } from './rows.ts';
import { classTfidf, copyWeights } from './labels.ts';
import type { Theme, ThemeCountChoice, ThemeGroup, ThemeOptions, ThemeResult } from './types.ts';
import {
  assignmentCentroids,
  bestOfRestarts,
  sampledSilhouette,
  sphericalKMeans,
  type KMeansResult,
} from './kmeans.ts';
import { concentrationWeights, scaleColumns } from './reweight.ts';
import { shareArray } from '../parallel/pool.ts';
import { themeMeans, wardGroups } from './groups.ts';
import {
  centroidSimilarities,
  centroidSums,
  columnNorms,
  compactColumns,
  concatenateDense,
  dropRareColumns,
  tfidfCentroids,
  transposeClassifier,
} from './dense.ts';

export { DISCOVERY_WORD_FEATURES, discoveryWordFeatures, usesWordFeatures } from './word-features.ts';
export type { Theme, ThemeCountChoice, ThemeGroup, ThemeOptions, ThemeResult, ThemeTerm } from './types.ts';
export {
  sphericalKMeans,
  bestOfRestarts,
  simplifiedSilhouette,
  sampledSilhouette,
  type KMeansResult,
} from './kmeans.ts';

/**
 * Defaults above {@link PPMI_MAX_ROWS} texts, where speed matters most (a million petitions): a
 * smaller fitted sample and terms in a single fitted text left out of the SVD. On Storting written
 * questions run through this path (`ppmiMaxRows: 0`) they cost no NMI (see
 * bench/analysis/RESULTS.md); NHS phase 2 has fewer texts than the sample.
 */
const LARGE_CORPUS = { maxFitRows: 10_000, lsaMinDf: 2, dimensions: 100 } as const;

/**
 * Numbers of themes tried when none is given. Not below 5: two to four clusters of survey answers
 * are dominated by one split ("nothing to add" against the rest; NHS phase 2: silhouette 0.43 at
 * 2, ≤ 0.21 from 4 on), which is no use as candidate themes.
 */
const DEFAULT_THEME_RANGE: readonly [number, number] = [5, 30];

/** Fitted rows the scan over numbers of themes clusters (a prefix of the shuffled rows). */
const CHOICE_SCAN_ROWS = 4000;

/** A number of themes is chosen when its silhouette is within this share of the best one's. */
const SILHOUETTE_TOLERANCE = 0.1;

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
  const ppmiWeight = options.ppmiWeight ?? (isLargeCorpus ? 0 : 2);
  const pool = options.pool;
  const isShared = pool !== undefined;
  let wordVectors: PpmiWordVectors | undefined;
  // The clustering space: LSA of the (possibly re-weighted) TF-IDF rows, next to the PPMI word
  // vectors' document vectors; the word vectors are learned once and reused on re-weighted rows.
  const embed = (
    lsaRows: CsrMatrix,
    wordRows: CsrMatrix,
  ): { points: Float32Array; dims: number; lsaDims: number } => {
    const reduction = reduceDimensions(
      dropRareColumns(lsaRows, options.lsaMinDf ?? (isLargeCorpus ? LARGE_CORPUS.lsaMinDf : 1)),
      {
        dimensions: options.dimensions ?? (isLargeCorpus ? LARGE_CORPUS.dimensions : 100),
        seed,
        powerIterations: isLargeCorpus || fitRows.length > 10_000 ? 2 : 3,
        isComputingComponents: false,
        ...(pool ? { pool } : {}),
      },
    );
    if (ppmiWeight <= 0) {
      return {
        points: shareArray(reduction.embedding, isShared),
        dims: reduction.dimensions,
        lsaDims: reduction.dimensions,
      };
    }
    let documents: Float32Array;
    let wordDims: number;
    if (wordVectors) {
      documents = embedWithWordVectors(wordRows, wordVectors);
      wordDims = wordVectors.dimensions;
    } else {
      const ppmi = ppmiDocumentVectors(wordRows, {
        dimensions: reduction.dimensions,
        seed,
        ...(options.ppmiTerms !== undefined ? { maxTerms: options.ppmiTerms } : {}),
        // 2 power iterations on the denser stop-word PPMI matrix: same NMI on NHS phase 2, ~0.7 s less.
        powerIterations: options.ppmiPowerIterations ?? (wordFeatures ? 2 : 3),
        ...(pool ? { pool } : {}),
      });
      wordVectors = ppmi.wordVectors;
      documents = ppmi.vectors;
      wordDims = ppmi.dimensions;
    }
    return {
      points: shareArray(
        concatenateDense(
          reduction.embedding,
          reduction.dimensions,
          documents,
          wordDims,
          ppmiWeight,
          fitRows.length,
        ),
        isShared,
      ),
      dims: reduction.dimensions + wordDims,
      lsaDims: reduction.dimensions,
    };
  };
  const fitWords = wordFeatures ? selectRows(wordFeatures, fitRows) : fitMatrix;
  let { points, dims, lsaDims } = embed(fitMatrix, fitWords);
  const n = fitRows.length;
  const restarts = options.restarts ?? 3;

  let choice: ThemeCountChoice;
  let clustering: KMeansResult;
  if (options.themes !== undefined) {
    const k = Math.max(1, Math.min(options.themes, n));
    clustering = bestOfRestarts(points, n, dims, k, restarts, random, { pool });
    choice = { method: 'given', chosen: k, candidates: [] };
  } else {
    const [low, high] = options.themeRange ?? DEFAULT_THEME_RANGE;
    const upper = Math.max(2, Math.min(high, Math.floor(n / 3)));
    const candidates: { themes: number; silhouette: number }[] = [];
    const results: KMeansResult[] = [];
    const step = upper - low > 20 ? 2 : 1;
    // The scan clusters a prefix of the (shuffled) fitted rows once per candidate; the chosen
    // number is then fitted on all rows with every restart.
    const scanRows = Math.min(n, CHOICE_SCAN_ROWS);
    const scanPoints = points.subarray(0, scanRows * dims);
    for (let k = Math.max(2, Math.min(low, upper)); k <= upper; k += step) {
      const result = bestOfRestarts(scanPoints, scanRows, dims, k, 1, random, { pool });
      const score = sampledSilhouette(scanPoints, scanRows, dims, result, 1000, pool);
      candidates.push({ themes: k, silhouette: Math.round(score * 10_000) / 10_000 });
      results.push(result);
    }
    // The smallest number whose silhouette is within 10% of the best: on text the silhouette is
    // nearly flat over a wide range, and its maximum there is noise.
    const bestScore = Math.max(...candidates.map((candidate) => candidate.silhouette));
    const chosenAt = candidates.findIndex(
      (candidate) => candidate.silhouette >= bestScore - Math.abs(bestScore) * SILHOUETTE_TOLERANCE,
    );
    const best = results[chosenAt];
    const k = best?.k ?? 1;
    clustering =
      best && n >= 2
        ? bestOfRestarts(points, n, dims, k, restarts, random, { pool })
        : bestOfRestarts(points, n, dims, 1, 1, random, { pool });
    choice = { method: 'silhouette', chosen: clustering.k, candidates };
  }
  // Long texts: one round of term re-weighting by the found themes (a term spread evenly over them
  // carries no theme), a new clustering space from the re-weighted rows, and k-means there started
  // from the themes found. Storting written questions: NMI 0.254 → 0.306 (3 seeds, every seed up);
  // on short texts it gained under 0.005, so they keep the first partition.
  const reweightRounds =
    clustering.k >= 2 && !isLargeCorpus ? (options.reweightRounds ?? (isShortText ? 0 : 1)) : 0;
  for (let round = 0; round < reweightRounds; round++) {
    const lsaRows = scaleColumns(
      fitMatrix,
      concentrationWeights(fitMatrix, clustering.assignments, clustering.k),
    );
    const wordRows =
      fitWords === fitMatrix
        ? lsaRows
        : scaleColumns(fitWords, concentrationWeights(fitWords, clustering.assignments, clustering.k));
    ({ points, dims, lsaDims } = embed(lsaRows, wordRows));
    clustering = sphericalKMeans(
      points,
      n,
      dims,
      clustering.k,
      random,
      40,
      assignmentCentroids(points, n, dims, clustering.assignments, clustering.k),
      pool,
    );
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
  // Ward's linkage on the themes' mean positions in the clustering space, weighted by their texts
  // (chosen over average linkage of the TF-IDF centroids, which put 44–61% of the texts in one
  // group: see bench/analysis/RESULTS.md).
  const { means, counts } = themeMeans(points, dims, fitRows, assignments, themeCount);
  const groupOf =
    themeCount > 0 ? wardGroups(means, counts, themeCount, dims, groupCount) : new Int32Array(0);

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
      `LSA (${lsaDims} dims, randomised SVD)` +
      (ppmiWeight > 0
        ? ` + corpus PPMI word vectors (${dims - lsaDims} dims, weight ${ppmiWeight}` +
          (wordFeatures ? ', stop words kept' : '') +
          ')'
        : '') +
      ` + spherical k-means (k-means++, best of ${restarts})` +
      (reweightRounds > 0
        ? ` + ${reweightRounds} round(s) of re-weighting terms by how concentrated they are in the themes found, then k-means again`
        : '') +
      (rounds > 0 ? ` + ${rounds} rounds of self-training with one-vs-rest linear SVMs` : '') +
      `; labels by c-TF-IDF; groups by Ward's linkage of the themes' mean vectors, weighted by size`,
  };
}
