/**
 * One-vs-rest linear SVMs (squared hinge, L2-regularised) trained by dual coordinate descent
 * (Hsieh et al. 2008, the liblinear solver behind scikit-learn's LinearSVC), on CSR rows.
 */
import type { CsrMatrix } from '../vectorize/index.ts';
import { createRandom, shuffleInPlace } from '../vectorize/random.ts';

/** Options of {@link trainOneVsRest}. */
export interface LinearOptions {
  /** Inverse regularisation strength (default 1, as LinearSVC). */
  readonly c?: number;
  /** Maximum passes over the data (default 200). */
  readonly maxEpochs?: number;
  /** Stop when the projected-gradient spread falls below this (default 0.01). */
  readonly tolerance?: number;
  /** Seed for the visiting order. */
  readonly seed?: number;
  /** Weight positives by negatives/positives (helps rare classes). Default false. */
  readonly isBalanced?: boolean;
}

/** Weights of one linear model per class; the last weight of each row is the bias. */
export interface OneVsRestModel {
  readonly classes: readonly string[];
  readonly columnCount: number;
  /** classes × (columnCount + 1), row-major. */
  readonly weights: Float32Array;
}

/**
 * Trains one binary model per class; `labelSets[i]` are the classes of `rows[i]` (multi-label allowed).
 *
 * @example
 * const model = trainOneVsRest(matrix, [0, 1, 2], [['a'], ['b'], ['a']]);
 */
export function trainOneVsRest(
  matrix: CsrMatrix,
  rows: readonly number[],
  labelSets: readonly (readonly string[])[],
  options: LinearOptions = {},
): OneVsRestModel {
  const classes = [...new Set(labelSets.flat())].sort();
  const d = matrix.columnCount;
  const stride = d + 1;
  const weights = new Float32Array(classes.length * stride);
  const squaredNorms = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    let sum = 1; // bias feature
    for (let p = matrix.indptr[row] as number; p < (matrix.indptr[row + 1] as number); p++) {
      sum += (matrix.values[p] as number) ** 2;
    }
    squaredNorms[i] = sum;
  });
  const c = options.c ?? 1;
  const maxEpochs = options.maxEpochs ?? 200;
  const tolerance = options.tolerance ?? 0.01;
  const w = new Float64Array(stride);
  const alpha = new Float64Array(rows.length);
  const y = new Int8Array(rows.length);
  const order = Array.from({ length: rows.length }, (_, i) => i);
  classes.forEach((label, classIndex) => {
    const random = createRandom((options.seed ?? 0) + classIndex * 7919);
    w.fill(0);
    alpha.fill(0);
    let positives = 0;
    labelSets.forEach((set, i) => {
      const isPositive = set.includes(label);
      y[i] = isPositive ? 1 : -1;
      positives += isPositive ? 1 : 0;
    });
    const negatives = rows.length - positives;
    const cPositive = options.isBalanced && positives > 0 ? (c * negatives) / Math.max(positives, 1) : c;
    const diagonalPositive = 1 / (2 * Math.min(cPositive, c * 50));
    const diagonalNegative = 1 / (2 * c);
    for (let epoch = 0; epoch < maxEpochs; epoch++) {
      shuffleInPlace(order, random);
      let maxPg = Number.NEGATIVE_INFINITY;
      let minPg = Number.POSITIVE_INFINITY;
      for (const i of order) {
        const row = rows[i] as number;
        const yi = y[i] as number;
        const diagonal = yi > 0 ? diagonalPositive : diagonalNegative;
        let dot = w[d] as number;
        const start = matrix.indptr[row] as number;
        const end = matrix.indptr[row + 1] as number;
        for (let p = start; p < end; p++) {
          dot += (matrix.values[p] as number) * (w[matrix.indices[p] as number] as number);
        }
        const a = alpha[i] as number;
        const g = yi * dot - 1 + diagonal * a;
        const pg = a === 0 ? Math.min(g, 0) : g;
        maxPg = Math.max(maxPg, pg);
        minPg = Math.min(minPg, pg);
        if (Math.abs(pg) > 1e-12) {
          const next = Math.max(a - g / ((squaredNorms[i] as number) + diagonal), 0);
          const delta = (next - a) * yi;
          alpha[i] = next;
          for (let p = start; p < end; p++) {
            const j = matrix.indices[p] as number;
            w[j] = (w[j] as number) + delta * (matrix.values[p] as number);
          }
          w[d] = (w[d] as number) + delta;
        }
      }
      if (maxPg - minPg < tolerance) {
        break;
      }
    }
    weights.set(w, classIndex * stride);
  });
  return { classes, columnCount: d, weights };
}

/**
 * Decision values of every class for one CSR row.
 *
 * @example
 * const scores = decisionScores(model, matrix, 5); // one score per model.classes entry
 */
export function decisionScores(model: OneVsRestModel, matrix: CsrMatrix, row: number): Float64Array {
  const stride = model.columnCount + 1;
  const scores = new Float64Array(model.classes.length);
  const start = matrix.indptr[row] as number;
  const end = matrix.indptr[row + 1] as number;
  for (let k = 0; k < model.classes.length; k++) {
    const base = k * stride;
    let sum = model.weights[base + model.columnCount] as number;
    for (let p = start; p < end; p++) {
      sum += (matrix.values[p] as number) * (model.weights[base + (matrix.indices[p] as number)] as number);
    }
    scores[k] = sum;
  }
  return scores;
}

/** Sigmoid parameters: P(y=1|f) = 1 / (1 + exp(a·f + b)). */
export interface PlattParameters {
  readonly a: number;
  readonly b: number;
}

/**
 * Platt scaling fitted by Newton's method with backtracking (Lin, Lin & Weng 2007).
 *
 * @example
 * const { a, b } = fitPlatt([2, 1, -1, -2], [true, true, false, false]);
 */
export function fitPlatt(scores: ArrayLike<number>, isPositive: ArrayLike<boolean>): PlattParameters {
  const n = scores.length;
  let prior1 = 0;
  for (let i = 0; i < n; i++) {
    prior1 += isPositive[i] ? 1 : 0;
  }
  const prior0 = n - prior1;
  const hiTarget = (prior1 + 1) / (prior1 + 2);
  const loTarget = 1 / (prior0 + 2);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    t[i] = isPositive[i] ? hiTarget : loTarget;
  }
  let a = 0;
  let b = Math.log((prior0 + 1) / (prior1 + 1));
  const objective = (pa: number, pb: number): number => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const fApB = (scores[i] as number) * pa + pb;
      const ti = t[i] as number;
      f += fApB >= 0 ? ti * fApB + Math.log1p(Math.exp(-fApB)) : (ti - 1) * fApB + Math.log1p(Math.exp(fApB));
    }
    return f;
  };
  let fval = objective(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let h11 = 1e-12;
    let h22 = 1e-12;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < n; i++) {
      const s = scores[i] as number;
      const fApB = s * a + b;
      let p: number;
      let q: number;
      if (fApB >= 0) {
        p = Math.exp(-fApB) / (1 + Math.exp(-fApB));
        q = 1 / (1 + Math.exp(-fApB));
      } else {
        p = 1 / (1 + Math.exp(fApB));
        q = Math.exp(fApB) / (1 + Math.exp(fApB));
      }
      const d2 = p * q;
      h11 += s * s * d2;
      h22 += d2;
      h21 += s * d2;
      const d1 = (t[i] as number) - p;
      g1 += s * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
      break;
    }
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    let improved = false;
    while (step >= 1e-10) {
      const newA = a + step * dA;
      const newB = b + step * dB;
      const newF = objective(newA, newB);
      if (newF < fval + 0.0001 * step * gd) {
        a = newA;
        b = newB;
        fval = newF;
        improved = true;
        break;
      }
      step /= 2;
    }
    if (!improved) {
      break;
    }
  }
  return { a, b };
}

/**
 * Applies Platt parameters to a decision value.
 *
 * @example
 * plattProbability({ a: -2, b: 0 }, 1); // ≈ 0.88
 */
export function plattProbability(parameters: PlattParameters, score: number): number {
  const fApB = score * parameters.a + parameters.b;
  return fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
}
