import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DuplicateDetector,
  findDuplicateGroups,
  type DuplicateGroup,
  type DuplicateOptions,
} from './index.ts';
import { chooseBands, estimateJaccard, MinHasher } from './minhash.ts';
import { UnionFind } from './union-find.ts';

/** Deterministic pseudo-random generator for building fixtures. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const VOCABULARY = Array.from(
  { length: 400 },
  (_, index) => `ord${index.toString(36)}x${(index * 7919) % 97}`,
);

function randomWords(random: () => number, count: number): string[] {
  return Array.from({ length: count }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)] ?? 'ord');
}

function groupOf(groups: DuplicateGroup[], id: string): DuplicateGroup | undefined {
  return groups.find((group) => group.memberIds.includes(id));
}

describe('UnionFind', () => {
  it('agrees with a naive component search for any sequence of unions', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 40 })
          .chain((size) =>
            fc.tuple(
              fc.constant(size),
              fc.array(fc.tuple(fc.nat({ max: size - 1 }), fc.nat({ max: size - 1 })), { maxLength: 60 }),
            ),
          ),
        ([size, edges]) => {
          const sets = new UnionFind(size);
          for (const [a, b] of edges) {
            sets.union(a, b);
          }
          // Naive reference: label propagation until stable.
          const label = Array.from({ length: size }, (_, index) => index);
          let isChanged = true;
          while (isChanged) {
            isChanged = false;
            for (const [a, b] of edges) {
              const low = Math.min(label[a] ?? a, label[b] ?? b);
              if (label[a] !== low || label[b] !== low) {
                label[a] = low;
                label[b] = low;
                isChanged = true;
              }
            }
          }
          for (let a = 0; a < size; a++) {
            for (let b = 0; b < size; b++) {
              expect(sets.find(a) === sets.find(b)).toBe(label[a] === label[b]);
            }
            expect(sets.setSize(a)).toBe(label.filter((value) => value === label[a]).length);
          }
        },
      ),
    );
  });

  it('reports whether a union merged two sets', () => {
    const sets = new UnionFind(3);
    expect(sets.union(0, 1)).toBe(true);
    expect(sets.union(1, 0)).toBe(false);
    expect(sets.find(2)).toBe(2);
  });
});

describe('MinHasher', () => {
  const uniqueHashes = fc.uniqueArray(fc.nat({ max: 0xffffffff }), { minLength: 1, maxLength: 60 });

  it('gives identical sets the same signature regardless of order and repetition', () => {
    fc.assert(
      fc.property(uniqueHashes, fc.integer(), (values, seed) => {
        const hasher = new MinHasher(64, seed);
        const first = new Uint32Array(64);
        const second = new Uint32Array(64);
        hasher.signature(Uint32Array.from(values), values.length, first);
        const shuffled = [...values].reverse().concat(values);
        hasher.signature(Uint32Array.from(shuffled), shuffled.length, second);
        expect(Array.from(second)).toEqual(Array.from(first));
        expect(estimateJaccard(first, second)).toBe(1);
      }),
    );
  });

  it('estimates Jaccard similarity within tolerance of the exact value', () => {
    const permutations = 256;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 0xffffffff }), { minLength: 30, maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (values, splitA, splitB, seed) => {
          // Two overlapping windows over the same distinct values.
          const cutA = Math.floor(splitA * values.length * 0.5);
          const cutB = values.length - Math.floor(splitB * values.length * 0.5);
          const setA = values.slice(0, Math.max(cutB, cutA + 1));
          const setB = values.slice(cutA);
          const intersection = setA.filter((value) => setB.includes(value)).length;
          const exact = intersection / new Set([...setA, ...setB]).size;
          const hasher = new MinHasher(permutations, seed);
          const signatureA = new Uint32Array(permutations);
          const signatureB = new Uint32Array(permutations);
          hasher.signature(Uint32Array.from(setA), setA.length, signatureA);
          hasher.signature(Uint32Array.from(setB), setB.length, signatureB);
          // Standard error is at most 0.5 / sqrt(256) = 0.031; allow 5 standard errors.
          expect(Math.abs(estimateJaccard(signatureA, signatureB) - exact)).toBeLessThanOrEqual(0.16);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const values = Uint32Array.of(11, 22, 33, 44, 55);
    const a = new Uint32Array(32);
    const b = new Uint32Array(32);
    const c = new Uint32Array(32);
    new MinHasher(32, 7).signature(values, values.length, a);
    new MinHasher(32, 7).signature(values, values.length, b);
    new MinHasher(32, 8).signature(values, values.length, c);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
  });

  it('rejects a non-positive number of permutations', () => {
    expect(() => new MinHasher(0, 1)).toThrow(RangeError);
  });
});

describe('chooseBands', () => {
  it('uses at most the available permutations and puts the S-curve around the threshold', () => {
    for (const threshold of [0.5, 0.7, 0.8, 0.9]) {
      for (const permutations of [64, 128, 256]) {
        const { bands, rows } = chooseBands(threshold, permutations);
        expect(bands * rows).toBeLessThanOrEqual(permutations);
        const candidate = (similarity: number): number => 1 - (1 - similarity ** rows) ** bands;
        expect(candidate(Math.min(1, threshold + 0.1))).toBeGreaterThan(0.9);
        expect(candidate(threshold - 0.35)).toBeLessThan(0.35);
      }
    }
  });
});

describe('DuplicateDetector / findDuplicateGroups', () => {
  it('groups texts that differ only in case, punctuation and spacing as exact duplicates', () => {
    const groups = findDuplicateGroups([
      { id: 'a', text: 'Stopp nedleggelsen av Ålesund sykehus!' },
      { id: 'b', text: 'stopp   nedleggelsen av ålesund sykehus' },
      { id: 'c', text: 'Vi trenger flere gang- og sykkelveier i sentrum' },
      { id: 'd', text: 'STOPP NEDLEGGELSEN AV ÅLESUND SYKEHUS.' },
    ]);
    expect(groups).toEqual([{ kind: 'exact', size: 3, representativeId: 'a', memberIds: ['a', 'b', 'd'] }]);
  });

  it('finds a mass campaign with one-word edits and does not merge letters that share a stock greeting', () => {
    const random = createRandom(2024);
    const campaign = randomWords(random, 40);
    const greeting =
      'Til kommunestyret og ordføreren i kommunen vår. Jeg skriver dette brevet som innbygger fordi jeg er opptatt av framtida til lokalsamfunnet vårt og vil si min mening.';
    const texts: { id: string; text: string }[] = [];
    for (let copy = 0; copy < 50; copy++) {
      const words = [...campaign];
      const position = Math.floor(random() * words.length);
      words[position] = randomWords(random, 1)[0] ?? 'endret';
      texts.push({ id: `campaign-${copy}`, text: words.join(' ') });
    }
    for (let letter = 0; letter < 50; letter++) {
      texts.push({ id: `letter-${letter}`, text: `${greeting} ${randomWords(random, 30).join(' ')}.` });
    }
    // Interleave so that order does not help.
    texts.sort(
      (a, b) =>
        ((a.id.length * 31 + a.id.charCodeAt(a.id.length - 1)) % 7) -
        ((b.id.length * 31 + b.id.charCodeAt(b.id.length - 1)) % 7),
    );

    const groups = findDuplicateGroups(texts, { seed: 3 });
    const campaignGroup = groupOf(groups, 'campaign-0');
    expect(campaignGroup?.kind).toBe('near');
    expect(campaignGroup?.size).toBe(50);
    expect([...(campaignGroup?.memberIds ?? [])].sort()).toEqual(
      Array.from({ length: 50 }, (_, copy) => `campaign-${copy}`).sort(),
    );
    for (let letter = 0; letter < 50; letter++) {
      expect(groupOf(groups, `letter-${letter}`)).toBeUndefined();
    }
  });

  it('always groups identical texts together', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...VOCABULARY.slice(0, 50)), { minLength: 1, maxLength: 12 }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer(),
        (documents, copyPicks, seed) => {
          const texts = documents.map((words, index) => ({ id: `d${index}`, text: words.join(' ') }));
          const copies = copyPicks.map((pick, index) => {
            const original = texts[pick % texts.length] ?? { id: 'd0', text: '' };
            return { original: original.id, copy: { id: `copy${index}`, text: original.text.toUpperCase() } };
          });
          const groups = findDuplicateGroups([...texts, ...copies.map((item) => item.copy)], { seed });
          for (const { original, copy } of copies) {
            const group = groupOf(groups, original);
            expect(group?.memberIds).toContain(copy.id);
          }
          for (const group of groups) {
            expect(group.size).toBeGreaterThanOrEqual(2);
            expect(group.memberIds).toHaveLength(group.size);
            expect(group.memberIds).toContain(group.representativeId);
          }
          const allIds = groups.flatMap((group) => group.memberIds);
          expect(new Set(allIds).size).toBe(allIds.length);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives the same groups when exact copies are added as copies of an earlier text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...VOCABULARY.slice(0, 30), ''), { maxLength: 8 }), {
          minLength: 1,
          maxLength: 15,
        }),
        fc.array(fc.nat(), { maxLength: 15 }),
        fc.integer(),
        (documents, picks, seed) => {
          const texts = documents.map((words) => words.join(' '));
          // Each pick repeats an earlier text (an original or a copy): the nth text added is texts[n].
          picks.forEach((pick) => texts.push(texts[pick % texts.length] as string));
          const byText = new DuplicateDetector({ seed });
          const byCopy = new DuplicateDetector({ seed });
          const first = new Map<string, number>();
          const latest = new Map<string, number>();
          texts.forEach((text, index) => {
            byText.add(`t${index}`, text);
            const original = first.get(text);
            if (original === undefined) {
              first.set(text, index);
              byCopy.add(`t${index}`, text);
            } else {
              // A copy of the first text, or of the latest copy of it.
              byCopy.addCopy(`t${index}`, index % 2 === 0 ? original : (latest.get(text) as number));
            }
            latest.set(text, index);
          });
          expect(byCopy.groups()).toEqual(byText.groups());
        },
      ),
      { numRuns: 100 },
    );
    expect(() => new DuplicateDetector().addCopy('x', 0)).toThrow(RangeError);
  });

  it('does not group texts that are clearly below the threshold', () => {
    const groups = findDuplicateGroups(
      [
        { id: 'a', text: 'bygg ny barneskole på østsiden av elva før 2030' },
        { id: 'b', text: 'bygg ny svømmehall på vestsiden av byen neste år' },
      ],
      { threshold: 0.8 },
    );
    expect(groups).toEqual([]);
  });

  it('honours a lower threshold for looser near-duplicates', () => {
    const base = 'please keep the children ward at the county hospital open for families in the north';
    const edited =
      'please keep the children ward at the county hospital open for all families in the far north';
    const strict = findDuplicateGroups(
      [
        { id: 'a', text: base },
        { id: 'b', text: edited },
      ],
      { threshold: 0.95 },
    );
    const loose = findDuplicateGroups(
      [
        { id: 'a', text: base },
        { id: 'b', text: edited },
      ],
      { threshold: 0.4 },
    );
    expect(strict).toEqual([]);
    expect(loose).toHaveLength(1);
    expect(loose[0]?.kind).toBe('near');
  });

  it('picks the most common wording as representative', () => {
    const groups = findDuplicateGroups(
      [
        { id: 'x', text: 'save the old library in the town centre from closure now please' },
        { id: 'y', text: 'save the old library in the town centre from closure now' },
        { id: 'z', text: 'Save the old library in the town centre from closure now!' },
      ],
      { threshold: 0.6 },
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]?.representativeId).toBe('y');
  });

  it('is deterministic for a seed', () => {
    const random = createRandom(9);
    const texts = Array.from({ length: 300 }, (_, index) => ({
      id: String(index),
      text: randomWords(random, 4 + (index % 5)).join(' '),
    }));
    for (let index = 0; index < 60; index++) {
      const source = texts[index * 3] ?? { id: '0', text: '' };
      texts.push({ id: `edit${index}`, text: `${source.text} ekstra` });
    }
    expect(findDuplicateGroups(texts, { seed: 5 })).toEqual(findDuplicateGroups(texts, { seed: 5 }));
  });

  it('ignores texts without words and returns no groups for unique input', () => {
    expect(
      findDuplicateGroups([
        { id: 'a', text: '' },
        { id: 'b', text: '!!!' },
        { id: 'c', text: '   ' },
        { id: 'd', text: 'eneste tekst' },
      ]),
    ).toEqual([]);
  });

  it('accepts any iterable and supports incremental use', () => {
    function* generate(): Generator<{ id: string; text: string }> {
      yield { id: '1', text: 'samme tekst her' };
      yield { id: '2', text: 'Samme tekst her.' };
    }
    expect(findDuplicateGroups(generate())).toHaveLength(1);
    const detector = new DuplicateDetector();
    detector.add('1', 'en tekst om skolen');
    expect(detector.groups()).toEqual([]);
    detector.add('2', 'En tekst om skolen!');
    expect(detector.groups()).toEqual([
      { kind: 'exact', size: 2, representativeId: '1', memberIds: ['1', '2'] },
    ]);
    expect(detector.size).toBe(2);
  });

  it('rejects invalid options', () => {
    expect(() => new DuplicateDetector({ threshold: 0 })).toThrow(RangeError);
    expect(() => new DuplicateDetector({ threshold: 1.5 })).toThrow(RangeError);
    expect(() => new DuplicateDetector({ numPermutations: 0 })).toThrow(RangeError);
    expect(() => new DuplicateDetector({ seed: 0.5 })).toThrow(RangeError);
  });
});

describe('public API types', () => {
  it('has the documented signatures', () => {
    expectTypeOf<DuplicateGroup>().toEqualTypeOf<{
      kind: 'exact' | 'near';
      size: number;
      representativeId: string;
      memberIds: string[];
    }>();
    expectTypeOf(findDuplicateGroups).parameters.toEqualTypeOf<
      [Iterable<{ id: string; text: string }>, (DuplicateOptions | undefined)?]
    >();
    expectTypeOf(findDuplicateGroups).returns.toEqualTypeOf<DuplicateGroup[]>();
    expectTypeOf<DuplicateDetector['add']>().toEqualTypeOf<(id: string, text: string) => void>();
    expectTypeOf<DuplicateDetector['groups']>().toEqualTypeOf<() => DuplicateGroup[]>();
  });
});
