/**
 * Theme labels: class-based TF-IDF over raw term counts, with exact copies counted through their
 * original row.
 * @module
 */
import type { TfidfModel } from '../vectorize/index.ts';
import type { ThemeTerm } from './types.ts';

/** c-TF-IDF: weight(t, c) = tf(t, c) · ln(1 + A / f(t)), A = mean count per class. */
export function classTfidf(
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
export function copyWeights(
  copyOf: Int32Array | undefined,
  assignments: Int32Array,
): Uint32Array | undefined {
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
