/**
 * Agreement metrics between labellings (clustering and classification) and stratified splits.
 * NMI and ARI match scikit-learn's `normalized_mutual_info_score` (arithmetic normalisation)
 * and `adjusted_rand_score`, including their degenerate cases.
 * @module
 */
import { createRandom, shuffleInPlace } from '../vectorize/random.ts';

/** A label: anything comparable by identity (`string` or `number`). */
export type Label = string | number;

function encode(labels: readonly Label[]): { codes: Int32Array; count: number } {
  const ids = new Map<Label, number>();
  const codes = new Int32Array(labels.length);
  labels.forEach((label, i) => {
    let id = ids.get(label);
    if (id === undefined) {
      id = ids.size;
      ids.set(label, id);
    }
    codes[i] = id;
  });
  return { codes, count: ids.size };
}

function assertSameLength(a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) {
    throw new RangeError(`Labellings differ in length: ${a.length} vs ${b.length}`);
  }
}

interface Contingency {
  readonly table: Map<number, number>;
  readonly rowSums: Float64Array;
  readonly columnSums: Float64Array;
  readonly n: number;
}

function contingency(a: readonly Label[], b: readonly Label[]): Contingency {
  assertSameLength(a, b);
  const ea = encode(a);
  const eb = encode(b);
  const table = new Map<number, number>();
  const rowSums = new Float64Array(ea.count);
  const columnSums = new Float64Array(eb.count);
  for (let i = 0; i < a.length; i++) {
    const r = ea.codes[i] as number;
    const c = eb.codes[i] as number;
    const key = r * eb.count + c;
    table.set(key, (table.get(key) ?? 0) + 1);
    rowSums[r] = (rowSums[r] as number) + 1;
    columnSums[c] = (columnSums[c] as number) + 1;
  }
  return { table, rowSums, columnSums, n: a.length };
}

function entropy(counts: Float64Array, n: number): number {
  let h = 0;
  for (const count of counts) {
    if (count > 0) {
      const p = count / n;
      h -= p * Math.log(p);
    }
  }
  return h;
}

/**
 * Normalised mutual information with arithmetic-mean normalisation (scikit-learn's default).
 * Both labellings having a single cluster (or being empty) counts as a perfect match (1).
 *
 * @example
 * normalizedMutualInfo(['a', 'a', 'b', 'b'], [1, 1, 0, 0]); // 1
 */
export function normalizedMutualInfo(truth: readonly Label[], predicted: readonly Label[]): number {
  const { table, rowSums, columnSums, n } = contingency(truth, predicted);
  if ((rowSums.length === 1 && columnSums.length === 1) || n === 0) {
    return 1;
  }
  const columns = columnSums.length;
  let mi = 0;
  for (const [key, count] of table) {
    const r = Math.floor(key / columns);
    const c = key % columns;
    mi += (count / n) * Math.log((count * n) / ((rowSums[r] as number) * (columnSums[c] as number)));
  }
  if (mi <= 0) {
    return 0;
  }
  const normalizer = (entropy(rowSums, n) + entropy(columnSums, n)) / 2;
  return Math.min(1, Math.max(0, mi / Math.max(normalizer, Number.EPSILON)));
}

const comb2 = (x: number): number => (x * (x - 1)) / 2;

/**
 * Adjusted Rand index (Hubert & Arabie), as scikit-learn's `adjusted_rand_score`.
 *
 * @example
 * adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0]); // 1
 */
export function adjustedRandIndex(truth: readonly Label[], predicted: readonly Label[]): number {
  const { table, rowSums, columnSums, n } = contingency(truth, predicted);
  if (n <= 1) {
    return 1;
  }
  if (
    (rowSums.length === columnSums.length && rowSums.length === 1) ||
    (rowSums.length === n && columnSums.length === n)
  ) {
    return 1;
  }
  let index = 0;
  for (const count of table.values()) {
    index += comb2(count);
  }
  let sumRows = 0;
  for (const x of rowSums) {
    sumRows += comb2(x);
  }
  let sumColumns = 0;
  for (const x of columnSums) {
    sumColumns += comb2(x);
  }
  const expected = (sumRows * sumColumns) / comb2(n);
  const maximum = (sumRows + sumColumns) / 2;
  if (maximum === expected) {
    return 1;
  }
  return (index - expected) / (maximum - expected);
}

/**
 * Share of positions where the labels agree.
 *
 * @example
 * accuracy(['a', 'b', 'c'], ['a', 'b', 'x']); // 0.666…
 */
export function accuracy(truth: readonly Label[], predicted: readonly Label[]): number {
  assertSameLength(truth, predicted);
  if (truth.length === 0) {
    return 0;
  }
  let hits = 0;
  truth.forEach((label, i) => {
    if (label === predicted[i]) {
      hits++;
    }
  });
  return hits / truth.length;
}

/**
 * Macro-averaged F1 over every label seen in either labelling (scikit-learn `average='macro'`,
 * labels with no support and no prediction do not exist; 0/0 counts as 0).
 *
 * @example
 * macroF1(['a', 'a', 'b'], ['a', 'b', 'b']); // 0.666…
 */
export function macroF1(truth: readonly Label[], predicted: readonly Label[]): number {
  assertSameLength(truth, predicted);
  const stats = new Map<Label, { tp: number; fp: number; fn: number }>();
  const get = (label: Label): { tp: number; fp: number; fn: number } => {
    let s = stats.get(label);
    if (!s) {
      s = { tp: 0, fp: 0, fn: 0 };
      stats.set(label, s);
    }
    return s;
  };
  truth.forEach((t, i) => {
    const p = predicted[i] as Label;
    if (t === p) {
      get(t).tp++;
    } else {
      get(t).fn++;
      get(p).fp++;
    }
  });
  if (stats.size === 0) {
    return 0;
  }
  let total = 0;
  for (const { tp, fp, fn } of stats.values()) {
    total += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return total / stats.size;
}

/**
 * Micro-averaged F1 for multi-label predictions (sets of labels per item).
 *
 * @example
 * microF1([['a', 'b']], [['a']]); // 0.666…
 */
export function microF1(
  truth: readonly (readonly Label[])[],
  predicted: readonly (readonly Label[])[],
): number {
  assertSameLength(truth, predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  truth.forEach((t, i) => {
    const trueSet = new Set(t);
    const predictedSet = new Set(predicted[i]);
    for (const label of predictedSet) {
      if (trueSet.has(label)) {
        tp++;
      } else {
        fp++;
      }
    }
    for (const label of trueSet) {
      if (!predictedSet.has(label)) {
        fn++;
      }
    }
  });
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/**
 * Macro-averaged F1 for multi-label predictions: F1 per label (one-vs-rest over the items), averaged
 * over every label seen in either labelling (scikit-learn `f1_score(average='macro')` on indicator matrices).
 *
 * @example
 * macroF1Sets([['a', 'b'], ['b']], [['a'], ['b']]); // (1 + 0.666…) / 2
 */
export function macroF1Sets(
  truth: readonly (readonly Label[])[],
  predicted: readonly (readonly Label[])[],
): number {
  assertSameLength(truth, predicted);
  const stats = new Map<Label, { tp: number; fp: number; fn: number }>();
  const get = (label: Label): { tp: number; fp: number; fn: number } => {
    let s = stats.get(label);
    if (!s) {
      s = { tp: 0, fp: 0, fn: 0 };
      stats.set(label, s);
    }
    return s;
  };
  truth.forEach((t, i) => {
    const trueSet = new Set(t);
    const predictedSet = new Set(predicted[i]);
    for (const label of predictedSet) {
      if (trueSet.has(label)) {
        get(label).tp++;
      } else {
        get(label).fp++;
      }
    }
    for (const label of trueSet) {
      if (!predictedSet.has(label)) {
        get(label).fn++;
      }
    }
  });
  if (stats.size === 0) {
    return 0;
  }
  let total = 0;
  for (const { tp, fp, fn } of stats.values()) {
    total += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return total / stats.size;
}

/**
 * Sample-averaged Jaccard similarity of label sets (scikit-learn `jaccard_score(average='samples')`;
 * two empty sets count as 1).
 *
 * @example
 * jaccard([['a', 'b']], [['a']]); // 0.5
 */
export function jaccard(
  truth: readonly (readonly Label[])[],
  predicted: readonly (readonly Label[])[],
): number {
  assertSameLength(truth, predicted);
  if (truth.length === 0) {
    return 0;
  }
  let total = 0;
  truth.forEach((t, i) => {
    const a = new Set(t);
    const b = new Set(predicted[i]);
    let intersection = 0;
    for (const label of a) {
      if (b.has(label)) {
        intersection++;
      }
    }
    const union = a.size + b.size - intersection;
    total += union === 0 ? 1 : intersection / union;
  });
  return total / truth.length;
}

/** Indices of a train/test split. */
export interface Split {
  readonly train: number[];
  readonly test: number[];
}

/**
 * Stratified split: every class keeps (about) `trainShare` of its items in `train`, at least one
 * when the class has two or more items. Deterministic for a seed. For multi-label data pass the
 * label to stratify on (e.g. each item's rarest label).
 *
 * @example
 * const { train, test } = stratifiedSplit(['a', 'a', 'b', 'b'], 0.5, 1); // one 'a' and one 'b' each
 */
export function stratifiedSplit(labels: readonly Label[], trainShare: number, seed = 0): Split {
  if (!(trainShare > 0 && trainShare < 1)) {
    throw new RangeError(`trainShare must be in (0, 1), got ${trainShare}`);
  }
  const random = createRandom(seed);
  const byClass = new Map<Label, number[]>();
  labels.forEach((label, i) => {
    const list = byClass.get(label);
    if (list) {
      list.push(i);
    } else {
      byClass.set(label, [i]);
    }
  });
  const train: number[] = [];
  const test: number[] = [];
  for (const members of byClass.values()) {
    shuffleInPlace(members, random);
    let take = Math.round(members.length * trainShare);
    if (members.length >= 2) {
      take = Math.min(members.length - 1, Math.max(1, take));
    }
    members.forEach((index, j) => (j < take ? train : test).push(index));
  }
  train.sort((a, b) => a - b);
  test.sort((a, b) => a - b);
  return { train, test };
}
