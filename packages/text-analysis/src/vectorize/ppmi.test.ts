import { describe, expect, it } from 'vitest';
import { vectorizeTexts } from './index.ts';
import { embedWithWordVectors, ppmiDocumentVectors } from './ppmi.ts';

function cosine(vectors: Float32Array, dims: number, a: number, b: number): number {
  let sum = 0;
  for (let c = 0; c < dims; c++) {
    sum += (vectors[a * dims + c] as number) * (vectors[b * dims + c] as number);
  }
  return sum;
}

describe('PPMI document vectors', () => {
  // "nurse" and "doctor" keep the same company (kind, helpful, caring), as do "parking" and "car"
  // (expensive, space, ticket); the last four texts are single words.
  const base = [
    'nurse kind',
    'nurse helpful',
    'nurse caring',
    'doctor kind',
    'doctor helpful',
    'doctor caring',
    'parking expensive',
    'parking space',
    'parking ticket',
    'car expensive',
    'car space',
    'car ticket',
  ];
  const texts = [...base, ...base, 'nurse', 'doctor', 'parking', 'car'];
  const model = vectorizeTexts(texts, 'en', { minDf: 1, maxDf: 1, ngramMax: 1 });
  const { vectors, dimensions } = ppmiDocumentVectors(model.matrix, { dimensions: 4, seed: 1 });
  const [nurse, doctor, parking, car] = [24, 25, 26, 27];

  it('puts texts with no word in common close when their words keep the same company', () => {
    expect(cosine(vectors, dimensions, nurse, doctor)).toBeGreaterThan(0.8);
    expect(cosine(vectors, dimensions, parking, car)).toBeGreaterThan(0.8);
    expect(cosine(vectors, dimensions, nurse, parking)).toBeLessThan(0.3);
    expect(cosine(vectors, dimensions, doctor, car)).toBeLessThan(0.3);
  });

  it('finds the same structure with fewer power iterations', () => {
    const fewer = ppmiDocumentVectors(model.matrix, { dimensions: 4, seed: 1, powerIterations: 1 });
    expect(fewer.dimensions).toBe(dimensions);
    expect(cosine(fewer.vectors, fewer.dimensions, nurse, doctor)).toBeGreaterThan(0.8);
    expect(cosine(fewer.vectors, fewer.dimensions, nurse, parking)).toBeLessThan(0.3);
  });

  it('gives l2-normalised rows and is deterministic for a seed', () => {
    for (let row = 0; row < texts.length; row++) {
      expect(cosine(vectors, dimensions, row, row)).toBeCloseTo(1, 4);
    }
    const again = ppmiDocumentVectors(model.matrix, { dimensions: 4, seed: 1 });
    expect(Array.from(again.vectors)).toEqual(Array.from(vectors));
  });

  it('leaves rows without known terms at zero', () => {
    const withEmpty = vectorizeTexts([...texts, ''], 'en', { minDf: 1, maxDf: 1, ngramMax: 1 });
    const result = ppmiDocumentVectors(withEmpty.matrix, { dimensions: 4, seed: 1 });
    const last = texts.length;
    expect(cosine(result.vectors, result.dimensions, last, last)).toBe(0);
  });

  it('embeds rows again with its word vectors: the same rows give the same vectors, re-weighted rows reuse them', () => {
    const result = ppmiDocumentVectors(model.matrix, { dimensions: 4, seed: 1 });
    const words = result.wordVectors;
    expect(words).toBeDefined();
    expect(Array.from(embedWithWordVectors(model.matrix, words!))).toEqual(Array.from(result.vectors));
    // Scaling one column changes only the rows that have it.
    const column = model.matrix.indices[model.matrix.indptr[nurse] as number] as number;
    const values = Float32Array.from(model.matrix.values, (v, p) =>
      model.matrix.indices[p] === column ? v * 3 : v,
    );
    const again = embedWithWordVectors({ ...model.matrix, values }, words!);
    expect(Array.from(again.subarray(parking * dimensions, (parking + 1) * dimensions))).toEqual(
      Array.from(result.vectors.subarray(parking * dimensions, (parking + 1) * dimensions)),
    );
    expect(cosine(again, dimensions, nurse, nurse)).toBeCloseTo(1, 5);
  });
});
