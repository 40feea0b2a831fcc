import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  TfidfBuilder,
  reduceDimensions,
  restrictDocumentFrequency,
  selectRows,
  termsWithSurface,
  transformTerms,
  vectorizeTexts,
  withBigrams,
} from './index.ts';
import { createRandom } from './random.ts';

describe('TF-IDF', () => {
  const texts = [
    'Skolen i bygda må bestå',
    'Skolen og barnehagen i bygda',
    'Veien er full av hull',
    'Nynorsk: skulen i bygda må ikkje leggjast ned',
    '',
  ];
  const model = vectorizeTexts(texts, ['nb', 'nb', 'nb', 'nn', 'und'], { minDf: 1, maxDf: 1 });

  it('builds l2-normalised CSR rows in typed arrays, with uni- and bigrams', () => {
    const { matrix } = model;
    expect(matrix.indptr).toBeInstanceOf(Int32Array);
    expect(matrix.indices).toBeInstanceOf(Int32Array);
    expect(matrix.values).toBeInstanceOf(Float32Array);
    expect(matrix.rowCount).toBe(5);
    for (let row = 0; row < 4; row++) {
      let norm = 0;
      for (let p = matrix.indptr[row] as number; p < (matrix.indptr[row + 1] as number); p++) {
        norm += (matrix.values[p] as number) ** 2;
      }
      expect(norm).toBeCloseTo(1, 5);
    }
    expect(matrix.indptr[5]).toBe(matrix.indptr[4]); // the empty text has no terms
    expect(model.vocabulary.some((t) => t.includes(' '))).toBe(true);
    expect(model.vocabulary).toContain('bygd');
  });

  it('keeps æøå and shows readable surface forms', () => {
    const column = model.vocabulary.indexOf('bygd');
    expect(model.labels[column]).toBe('bygda');
    expect(termsWithSurface('Kjære kommunestyre i Bø', 'nb').surfaces).toContain('kommunestyre');
  });

  it('keeps the words of stop-word-only answers', () => {
    expect(termsWithSurface('Nothing.', 'en').terms).toEqual(['nothing']);
  });

  it('applies min/max document frequency and sublinear tf with smooth idf', () => {
    const builder = new TfidfBuilder({ minDf: 2, maxDf: 0.7, ngramMax: 1 });
    builder.addTerms(['a', 'a', 'a', 'b']);
    builder.addTerms(['a', 'b', 'c']);
    builder.addTerms(['d']);
    const m = builder.build();
    expect(m.vocabulary).toEqual(['a', 'b']); // c, d below min df; none above max df
    const idfA = Math.log(4 / 3) + 1;
    const idfB = Math.log(4 / 3) + 1;
    const wA = (1 + Math.log(3)) * idfA;
    const wB = idfB;
    expect(m.matrix.values[0]).toBeCloseTo(wA / Math.hypot(wA, wB), 5);
    expect(m.counts[0]).toBe(3);
  });

  it('copies rows of exact duplicates without re-tokenising', () => {
    const builder = new TfidfBuilder({ minDf: 1, maxDf: 1 });
    builder.addText('Skolen må bestå', 'nb');
    builder.addCopyOf(0);
    const m = builder.build();
    expect(Array.from(m.matrix.values.subarray(m.matrix.indptr[1], m.matrix.indptr[2]))).toEqual(
      Array.from(m.matrix.values.subarray(0, m.matrix.indptr[1])),
    );
    expect(() => builder.addCopyOf(5)).toThrow(RangeError);
  });

  it('does not depend on the order of the documents (alphabetical columns)', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(texts, { minLength: texts.length, maxLength: texts.length }),
        (shuffled) => {
          expect(vectorizeTexts(shuffled, 'nb', { minDf: 1, maxDf: 1 }).vocabulary).toEqual(
            vectorizeTexts(texts, 'nb', { minDf: 1, maxDf: 1 }).vocabulary,
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it('transforms new documents into the same space', () => {
    const vector = transformTerms(model, ['skol', 'bygd', 'ukjent']);
    expect(vector.indices.length).toBeGreaterThan(0);
    expect(Array.from(vector.indices).every((c) => c < model.vocabulary.length)).toBe(true);
  });

  it('restricts frequent columns and selects rows', () => {
    const restricted = restrictDocumentFrequency(model, 0.3);
    expect(restricted.vocabulary).not.toContain('bygd');
    expect(selectRows(model.matrix, [2, 0]).rowCount).toBe(2);
  });

  it('makes bigrams from adjacent terms', () => {
    expect(withBigrams(['a', 'b', 'c'])).toEqual(['a', 'b', 'c', 'a b', 'b c']);
  });
});

describe('LSA', () => {
  it('reduces to unit rows and preserves similarity structure', () => {
    const texts = Array.from({ length: 30 }, (_, i) =>
      i % 2 === 0 ? `skole elever lærere rektor nr${i % 5}` : `sykehus leger pasienter ventetid nr${i % 5}`,
    );
    const model = vectorizeTexts(texts, 'nb', { minDf: 1, maxDf: 1 });
    const reduction = reduceDimensions(model.matrix, { dimensions: 4, seed: 1 });
    expect(reduction.dimensions).toBe(4);
    const row = (i: number): Float32Array => reduction.embedding.subarray(i * 4, (i + 1) * 4);
    const dot = (a: Float32Array, b: Float32Array): number =>
      a.reduce((sum, x, j) => sum + x * (b[j] as number), 0);
    expect(dot(row(0), row(0))).toBeCloseTo(1, 4);
    expect(dot(row(0), row(2))).toBeGreaterThan(dot(row(0), row(1)));
    expect(Array.from(reduction.singularValues)).toEqual([...reduction.singularValues].sort((a, b) => b - a));
  });
});

describe('createRandom', () => {
  it('is reproducible and uniform enough', () => {
    const a = createRandom(3);
    const b = createRandom(3);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
