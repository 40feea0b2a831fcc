import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchSegments, normaliseSegmentText } from './match-segments.ts';

/** Short texts from a small alphabet, so that duplicates and shared texts are common. */
const segmentTextArb = fc.constantFrom(
  'Mer samarbeid.',
  'Bedre wifi',
  'Digitale eksamener',
  'Ja',
  'Nei',
  'Ja ',
);
const storedArb = fc
  .array(segmentTextArb, { maxLength: 8 })
  .map((texts) => texts.map((text, index) => ({ id: `s${index}`, text })));

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

describe(matchSegments.name, () => {
  it('keeps the id of an unchanged paragraph, makes a changed one new and pairs it with the one it replaced', () => {
    const sut = matchSegments(
      [
        { id: 'a', text: 'Første avsnitt.' },
        { id: 'b', text: 'Andre avsnitt.' },
        { id: 'c', text: 'Tredje avsnitt.' },
      ],
      ['Første avsnitt.', 'Andre avsnitt, endret.', 'Tredje avsnitt.'],
    );
    expect(sut.kept).toEqual([
      { id: 'a', position: 0 },
      { id: 'c', position: 2 },
    ]);
    expect(sut.added).toEqual([{ position: 1, text: 'Andre avsnitt, endret.' }]);
    expect(sut.retired).toEqual([{ id: 'b', replacedByPosition: 1 }]);
  });

  it('matches identical paragraphs one-to-one in order and retires the one left over', () => {
    const sut = matchSegments(
      [
        { id: 'a', text: 'Ja' },
        { id: 'b', text: 'Nei' },
        { id: 'c', text: 'Ja' },
      ],
      ['Nei', 'Ja'],
    );
    expect(sut.kept).toEqual([
      { id: 'b', position: 0 },
      { id: 'a', position: 1 },
    ]);
    expect(sut.retired).toEqual([{ id: 'c', replacedByPosition: undefined }]);
  });

  it('keeps every id of unchanged texts, whatever the reordering', () => {
    fc.assert(
      fc.property(
        storedArb.chain((stored) =>
          fc.tuple(fc.constant(stored), fc.shuffledSubarray(stored, { minLength: stored.length })),
        ),
        ([stored, shuffled]) => {
          const sut = matchSegments(
            stored,
            shuffled.map((segment) => segment.text),
          );
          expect(sut.added).toEqual([]);
          expect(sut.retired).toEqual([]);
          expect(sut.kept.map((kept) => kept.id).sort()).toEqual(stored.map((segment) => segment.id).sort());
          for (const kept of sut.kept) {
            const text = stored.find((segment) => segment.id === kept.id)?.text ?? '';
            expect(normaliseSegmentText(text)).toBe(normaliseSegmentText(shuffled[kept.position]!.text));
          }
        },
      ),
    );
  });

  it('places every new text exactly once, loses no stored segment and keeps each shared text as far as it can', () => {
    fc.assert(
      fc.property(storedArb, fc.array(segmentTextArb, { maxLength: 8 }), (stored, next) => {
        const sut = matchSegments(stored, next);
        // Every new text appears exactly once, at its index, as kept or added.
        const positions = [
          ...sut.kept.map((kept) => kept.position),
          ...sut.added.map((added) => added.position),
        ];
        expect(positions.sort((a, b) => a - b)).toEqual(next.map((_text, index) => index));
        for (const added of sut.added) expect(added.text).toBe(next[added.position]);
        for (const kept of sut.kept) {
          const text = stored.find((segment) => segment.id === kept.id)!.text;
          expect(normaliseSegmentText(text)).toBe(normaliseSegmentText(next[kept.position]!));
        }
        // Every stored segment is kept or retired, once.
        const ids = [...sut.kept.map((kept) => kept.id), ...sut.retired.map((retired) => retired.id)];
        expect(ids.sort()).toEqual(stored.map((segment) => segment.id).sort());
        // As many kept as the texts the two sides share (counted with repeats).
        const before = countBy(stored.map((segment) => normaliseSegmentText(segment.text)));
        const after = countBy(next.map(normaliseSegmentText));
        const shared = [...before].reduce(
          (sum, [text, count]) => sum + Math.min(count, after.get(text) ?? 0),
          0,
        );
        expect(sut.kept).toHaveLength(shared);
        // A replacement points at an added text, and no added text replaces two segments.
        const replacements = sut.retired.flatMap((retired) =>
          retired.replacedByPosition === undefined ? [] : [retired.replacedByPosition],
        );
        expect(new Set(replacements).size).toBe(replacements.length);
        for (const position of replacements) {
          expect(sut.added.some((added) => added.position === position)).toBe(true);
        }
      }),
    );
  });
});
