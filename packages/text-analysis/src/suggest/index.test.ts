import { describe, expect, it } from 'vitest';
import { vectorizeTexts } from '../vectorize/index.ts';
import { accuracy } from '../evaluate/index.ts';
import { syntheticCorpus } from '../themes/fixtures.ts';
import { fitPlatt, plattProbability, suggestThemes, trainSuggester } from './index.ts';

describe('suggestions', () => {
  const { texts, labels } = syntheticCorpus(60, 11, 0.3);
  const model = vectorizeTexts(texts, 'nb', { minDf: 1, maxDf: 0.9 });
  const rows = texts.map((_, i) => i);
  const train = rows.filter((i) => i % 4 === 0);
  const test = rows.filter((i) => i % 4 !== 0);

  it('learns from coded examples and predicts held-out texts', () => {
    const suggester = trainSuggester(
      model.matrix,
      train,
      train.map((i) => [labels[i] as string]),
      { seed: 1 },
    );
    const predicted = test.map((i) => suggester.predict(model.matrix, i)[0]?.label ?? '');
    expect(
      accuracy(
        test.map((i) => labels[i] as string),
        predicted,
      ),
    ).toBeGreaterThan(0.8);
  });

  it('is calibrated: higher-confidence bins are more accurate', () => {
    const suggester = trainSuggester(
      model.matrix,
      train,
      train.map((i) => [labels[i] as string]),
      { seed: 1 },
    );
    const scored = test.map((i) => {
      const top = suggester.predict(model.matrix, i)[0];
      return { confidence: top?.confidence ?? 0, isCorrect: top?.label === labels[i] };
    });
    scored.sort((a, b) => a.confidence - b.confidence);
    const half = Math.floor(scored.length / 2);
    const rate = (part: typeof scored): number => part.filter((s) => s.isCorrect).length / part.length;
    expect(rate(scored.slice(half))).toBeGreaterThan(rate(scored.slice(0, half)));
    const meanConfidence = scored.reduce((s, x) => s + x.confidence, 0) / scored.length;
    expect(Math.abs(meanConfidence - rate(scored))).toBeLessThan(0.2);
  });

  it('handles multi-label codings', () => {
    const sets = train.map((i) => (i % 2 === 0 ? [labels[i] as string, 'ekstra'] : [labels[i] as string]));
    const suggester = trainSuggester(model.matrix, train, sets, { seed: 1 });
    expect(suggester.isMultiLabel).toBe(true);
    expect(suggester.classes).toContain('ekstra');
    expect(suggester.predict(model.matrix, test[0] as number).length).toBeGreaterThanOrEqual(1);
  });

  it('ranks uncoded texts by uncertainty for active learning', () => {
    const result = suggestThemes(
      model.matrix,
      train,
      train.map((i) => [labels[i] as string]),
      test,
      { seed: 1, nextToCodeCount: 5 },
    );
    expect(result.suggestions).toHaveLength(test.length);
    expect(result.nextToCode).toHaveLength(5);
    const margins = new Map(result.suggestions.map((s) => [s.row, s.margin]));
    const chosen = result.nextToCode.map((row) => margins.get(row) ?? 1);
    const median = [...margins.values()].sort((a, b) => a - b)[Math.floor(margins.size / 2)] as number;
    expect(Math.max(...chosen)).toBeLessThanOrEqual(median);
  });

  it('is deterministic for a seed', () => {
    const a = suggestThemes(
      model.matrix,
      train,
      train.map((i) => [labels[i] as string]),
      test,
      { seed: 4 },
    );
    const b = suggestThemes(
      model.matrix,
      train,
      train.map((i) => [labels[i] as string]),
      test,
      { seed: 4 },
    );
    expect(a).toEqual(b);
  });
});

describe('Platt scaling', () => {
  it('maps higher scores to higher probabilities', () => {
    const parameters = fitPlatt(
      [3, 2, 1.5, 0.5, -0.5, -1, -2, -3],
      [true, true, true, false, true, false, false, false],
    );
    expect(plattProbability(parameters, 2)).toBeGreaterThan(plattProbability(parameters, -2));
    expect(plattProbability(parameters, 2)).toBeLessThanOrEqual(1);
  });
});
