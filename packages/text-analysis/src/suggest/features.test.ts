import { describe, expect, it } from 'vitest';
import type { CsrMatrix } from '../vectorize/index.ts';
import { suggestionFeatures } from './features.ts';

function cosine(matrix: CsrMatrix, a: number, b: number): number {
  const values = new Map<number, number>();
  for (let p = matrix.indptr[a] as number; p < (matrix.indptr[a + 1] as number); p++) {
    values.set(matrix.indices[p] as number, matrix.values[p] as number);
  }
  let sum = 0;
  for (let p = matrix.indptr[b] as number; p < (matrix.indptr[b + 1] as number); p++) {
    sum += (values.get(matrix.indices[p] as number) ?? 0) * (matrix.values[p] as number);
  }
  return sum;
}

describe('suggestion features', () => {
  const texts = [
    'The receptionist was rude',
    'The recepsionist was rude',
    'Parking was expensive',
    'Not good',
  ];
  const languages = ['en', 'en', 'en', 'en'] as const;

  it('shares character n-grams between a word and its misspelling', () => {
    const words = suggestionFeatures(texts, languages, { minDf: 1, maxDf: 1 });
    const chars = suggestionFeatures(texts, languages, { minDf: 1, maxDf: 1, charNgrams: [2, 5] });
    expect(chars.columnCount).toBeGreaterThan(words.columnCount);
    expect(cosine(chars, 0, 1)).toBeGreaterThan(cosine(words, 0, 1));
    expect(cosine(chars, 0, 1)).toBeGreaterThan(cosine(chars, 0, 2));
  });

  it('keeps stop words such as "not" by default and gives l2-normalised rows', () => {
    const matrix = suggestionFeatures(texts, languages, { minDf: 1, maxDf: 1, charNgrams: [2, 5] });
    const onlyWords = suggestionFeatures(texts, languages, { minDf: 1, maxDf: 1 });
    expect((onlyWords.indptr[4] as number) - (onlyWords.indptr[3] as number)).toBe(2); // "not", "good"
    for (let row = 0; row < texts.length; row++) {
      expect(cosine(matrix, row, row)).toBeCloseTo(1, 5);
    }
  });
});
