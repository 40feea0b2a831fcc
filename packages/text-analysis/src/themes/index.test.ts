import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TfidfBuilder, vectorizeTexts } from '../vectorize/index.ts';
import { normalizedMutualInfo } from '../evaluate/index.ts';
import { discoverThemes, discoveryWordFeatures, usesWordFeatures } from './index.ts';
import { syntheticCorpus } from './fixtures.ts';

/** Runs discovery on a small corpus and on permutations of it: items together in one run are together in the other. */
function expectSamePartitionWhenPermuted(
  run: (texts: string[]) => { assignments: Int32Array },
  small: { readonly texts: readonly string[] } = syntheticCorpus(12, 9),
  numRuns = 8,
): void {
  fc.assert(
    fc.property(
      fc.array(fc.nat(), { minLength: small.texts.length, maxLength: small.texts.length }),
      (keys) => {
        const order = small.texts
          .map((_, i) => i)
          .sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
        const original = run([...small.texts]);
        const permuted = run(order.map((i) => small.texts[i] as string));
        const back = new Int32Array(order.length);
        order.forEach(
          (originalIndex, position) => (back[originalIndex] = permuted.assignments[position] as number),
        );
        expect(normalizedMutualInfo(Array.from(original.assignments), Array.from(back))).toBeCloseTo(1, 9);
      },
    ),
    { numRuns },
  );
}

describe('discoverThemes', () => {
  const { texts, labels } = syntheticCorpus(40, 3);
  const model = vectorizeTexts(texts, 'nb', { minDf: 2, maxDf: 0.9 });

  it('recovers three clearly separated topics', () => {
    const result = discoverThemes(model, { themes: 3, seed: 1, isAssigningAll: true, maxDfShare: 1 });
    expect(result.themes).toHaveLength(3);
    expect(normalizedMutualInfo(labels, Array.from(result.assignments))).toBeGreaterThan(0.9);
    const labelWords = result.themes.map((t) => t.terms.slice(0, 4).map((x) => x.term));
    expect(labelWords.flat().some((w) => /sykehus|lege|pasient/.test(w))).toBe(true);
    for (const theme of result.themes) {
      expect(theme.representatives.length).toBeGreaterThan(0);
      expect(theme.size).toBe(theme.members.length);
    }
  });

  it('chooses the number of themes itself and says how', () => {
    const result = discoverThemes(model, { seed: 1, maxDfShare: 1, themeRange: [2, 6] });
    expect(result.choice.method).toBe('silhouette');
    expect(result.choice.candidates.length).toBeGreaterThan(1);
    expect(result.choice.chosen).toBe(3);
  });

  it('by default tries 5 to 30 themes and takes the smallest within 10% of the best silhouette', () => {
    const { texts: many } = syntheticCorpus(30, 8);
    const result = discoverThemes(vectorizeTexts(many, 'nb', { minDf: 2, maxDf: 0.9 }), {
      seed: 2,
      maxDfShare: 1,
    });
    const candidates = result.choice.candidates;
    expect(candidates[0]?.themes).toBe(5);
    expect(Math.max(...candidates.map((c) => c.themes))).toBeLessThanOrEqual(30);
    const best = Math.max(...candidates.map((c) => c.silhouette));
    const expected = candidates.find((c) => c.silhouette >= best - Math.abs(best) * 0.1)?.themes;
    expect(result.choice.chosen).toBe(expected);
    expect(result.themes.length).toBe(expected);
  });

  it('reports texts that fit no theme as unassigned', () => {
    const withOutliers = [
      ...texts,
      'Kvantefysikk og sorte hull i galaksen',
      'Strikkeoppskrift med ull og pinner',
      '',
    ];
    const outlierModel = vectorizeTexts(withOutliers, 'nb', { minDf: 1, maxDf: 0.9 });
    const result = discoverThemes(outlierModel, { themes: 3, seed: 1, maxDfShare: 1, minSimilarity: 0.05 });
    const n = texts.length;
    expect(result.unassigned).toEqual(expect.arrayContaining([n, n + 1, n + 2]));
    expect(result.unassigned.length).toBeLessThan(10);
  });

  it('groups fine themes into coarse groups', () => {
    const result = discoverThemes(model, { themes: 6, groups: 2, seed: 1, maxDfShare: 1 });
    expect(result.groups).toHaveLength(2);
    expect(result.groups.flatMap((g) => g.themeIds).sort()).toEqual(result.themes.map((t) => t.id).sort());
  });

  it('is deterministic for a seed', () => {
    const a = discoverThemes(model, { themes: 3, seed: 5 });
    const b = discoverThemes(model, { themes: 3, seed: 5 });
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
    expect(a.themes.map((t) => t.label)).toEqual(b.themes.map((t) => t.label));
  });

  it('gives the same partition when the input is permuted', () => {
    expectSamePartitionWhenPermuted((list) =>
      discoverThemes(vectorizeTexts(list, 'nb', { minDf: 1, maxDf: 0.9 }), { themes: 3, seed: 2 }),
    );
  });

  it('re-weights terms once on long texts (reported in the method), and the partition still ignores input order', () => {
    // Long texts: three same-topic synthetic texts each.
    const short = syntheticCorpus(45, 6);
    const long = { texts: [] as string[], labels: [] as string[] };
    for (let i = 0; i + 2 * 3 < short.texts.length; i += 9) {
      for (let topic = 0; topic < 3; topic++) {
        long.texts.push([0, 3, 6].map((offset) => short.texts[i + topic + offset]).join(' '));
        long.labels.push(short.labels[i + topic] as string);
      }
    }
    const longModel = vectorizeTexts(long.texts, 'nb', { minDf: 1, maxDf: 0.9 });
    const result = discoverThemes(longModel, { themes: 3, seed: 1, isAssigningAll: true });
    expect(result.method).toContain('re-weighting');
    expect(normalizedMutualInfo(long.labels, Array.from(result.assignments))).toBeGreaterThan(0.9);
    const without = discoverThemes(longModel, {
      themes: 3,
      seed: 1,
      isAssigningAll: true,
      reweightRounds: 0,
    });
    expect(without.method).not.toContain('re-weighting');
    expectSamePartitionWhenPermuted(
      (list) =>
        discoverThemes(vectorizeTexts(list, 'nb', { minDf: 1, maxDf: 0.9 }), {
          themes: 3,
          seed: 1,
          isAssigningAll: true,
        }),
      long,
      5,
    );
  });

  it("scores exact copies once and gives them their original text's theme, as if scored one by one", () => {
    const small = syntheticCorpus(30, 4);
    // Every third text repeated (twice for some), after the originals.
    const repeats = small.texts.filter((_, i) => i % 3 === 0);
    const builder = new TfidfBuilder({ minDf: 1, maxDf: 0.9 });
    small.texts.forEach((text) => builder.addText(text, 'nb'));
    repeats.forEach((_, j) => builder.addCopyOf(j * 3));
    repeats.slice(0, 5).forEach((_, j) => builder.addCopyOf(small.texts.length + j));
    const withCopies = builder.build();
    expect(withCopies.copyOf?.[small.texts.length + repeats.length]).toBe(0);
    const { copyOf: _copies, ...withoutCopies } = withCopies;
    for (const options of [
      { themes: 3, seed: 4, maxFitRows: 25 },
      { themes: 3, seed: 4, maxFitRows: 25, refinementRounds: 2 },
      { themes: 4, seed: 1, minSimilarity: 0.3 },
      // The large-corpus path (sample, single-text terms out of the SVD, self-training).
      { themes: 3, seed: 2, ppmiMaxRows: 0, maxFitRows: 25 },
    ]) {
      const fast = discoverThemes(withCopies, options);
      const oneByOne = discoverThemes(withoutCopies, options);
      expect(Array.from(fast.assignments)).toEqual(Array.from(oneByOne.assignments));
      expect(fast.themes).toEqual(oneByOne.themes);
      expect(fast.unassigned).toEqual(oneByOne.unassigned);
    }
  });

  it('learns the word vectors on the word features on short texts', () => {
    const wordFeatures = discoveryWordFeatures(
      texts,
      texts.map(() => 'nb'),
    );
    expect(wordFeatures.rowCount).toBe(texts.length);
    expect(usesWordFeatures(model)).toBe(true);
    const a = discoverThemes(model, {
      themes: 3,
      seed: 3,
      isAssigningAll: true,
      maxDfShare: 1,
      wordFeatures,
    });
    const b = discoverThemes(model, {
      themes: 3,
      seed: 3,
      isAssigningAll: true,
      maxDfShare: 1,
      wordFeatures,
    });
    expect(a.method).toContain('stop words kept');
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
    expect(normalizedMutualInfo(labels, Array.from(a.assignments))).toBeGreaterThan(0.9);
    expect(() =>
      discoverThemes(model, { themes: 3, wordFeatures: discoveryWordFeatures(['en tekst'], ['nb']) }),
    ).toThrow(RangeError);
  });

  it('ignores the word features on long texts and without word vectors', () => {
    const long = texts.map(
      (text, i) =>
        `${text} ${texts[(i + 3) % texts.length] as string} ${texts[(i + 6) % texts.length] as string}`,
    );
    const longModel = vectorizeTexts(long, 'nb', { minDf: 2, maxDf: 0.9 });
    expect(usesWordFeatures(longModel)).toBe(false);
    expect(usesWordFeatures(model, { ppmiWeight: 0 })).toBe(false);
    expect(usesWordFeatures(model, { ppmiMaxRows: 10 })).toBe(false);
    const wordFeatures = discoveryWordFeatures(
      long,
      long.map(() => 'nb'),
    );
    const plain = discoverThemes(longModel, { themes: 3, seed: 4 });
    const withFeatures = discoverThemes(longModel, { themes: 3, seed: 4, wordFeatures });
    expect(Array.from(withFeatures.assignments)).toEqual(Array.from(plain.assignments));
    expect(withFeatures.method).toBe(plain.method);
  });

  it('gives the same partition with word features when the input is permuted', () => {
    expectSamePartitionWhenPermuted((list) =>
      discoverThemes(vectorizeTexts(list, 'nb', { minDf: 1, maxDf: 0.9 }), {
        themes: 3,
        seed: 2,
        wordFeatures: discoveryWordFeatures(
          list,
          list.map(() => 'nb'),
        ),
      }),
    );
  });

  it('handles a corpus without usable words', () => {
    const empty = vectorizeTexts(['', '!!!', '123'], 'nb', { minDf: 1 });
    const result = discoverThemes(empty, { themes: 2 });
    expect(result.themes).toHaveLength(0);
    expect(result.unassigned).toEqual([0, 1, 2]);
  });
});
