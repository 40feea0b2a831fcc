import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { normalizeForHash, normalizeText } from './index.ts';

describe('normalizeText', () => {
  it('lower-cases, collapses whitespace and trims', () => {
    expect(normalizeText('  Hei\u00a0  VERDEN\n\tÆØÅ ')).toBe('hei verden æøå');
  });

  it('applies NFKC so compatibility forms and decomposed letters compare equal', () => {
    expect(normalizeText('ﬁne')).toBe(normalizeText('fine'));
    expect(normalizeText('Ａｂｃ')).toBe('abc');
    expect(normalizeText('a\u030a')).toBe('å');
  });

  it('removes invisible characters', () => {
    expect(normalizeText('sko\u00adle')).toBe('skole');
  });

  it('returns an empty string for empty or blank input', () => {
    expect(normalizeText('')).toBe('');
    expect(normalizeText(' \n\t ')).toBe('');
  });

  it('is idempotent and never yields leading, trailing or repeated spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s\s/u);
      }),
    );
  });
});

describe('normalizeForHash', () => {
  it('ignores case, punctuation and spacing differences', () => {
    expect(normalizeForHash('Stopp nedleggelsen av Ålesund sykehus!!')).toBe(
      normalizeForHash('stopp   nedleggelsen av ålesund sykehus'),
    );
  });

  it('keeps differences in words', () => {
    expect(normalizeForHash('stopp nedleggelsen')).not.toBe(normalizeForHash('stopp nedleggingen'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normalizeForHash(text);
        expect(normalizeForHash(once)).toBe(once);
      }),
    );
  });
});

describe('public API types', () => {
  it('has the documented signatures', () => {
    expectTypeOf(normalizeText).toEqualTypeOf<(text: string) => string>();
    expectTypeOf(normalizeForHash).toEqualTypeOf<(text: string) => string>();
  });
});
