import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { isStopWord, stem, tokenize, toTerms, type Language } from './index.ts';

const languages: Language[] = ['nb', 'nn', 'en', 'und'];

describe('tokenize', () => {
  it('keeps Norwegian letters and lower-cases', () => {
    expect(tokenize('Ærlig talt, Øystein: BÅTEN er blå.')).toEqual([
      'ærlig',
      'talt',
      'øystein',
      'båten',
      'er',
      'blå',
    ]);
  });

  it('keeps hyphenated compounds and words with inner apostrophes as one token', () => {
    expect(tokenize('E-læring og covid-19-tiltak')).toEqual(['e-læring', 'og', 'covid-19-tiltak']);
    expect(tokenize('We don’t agree')).toEqual(['we', "don't", 'agree']);
  });

  it('drops punctuation and leading or trailing hyphens', () => {
    expect(tokenize('«Nei!» -- sa hun... (igjen) -dette-')).toEqual(['nei', 'sa', 'hun', 'igjen', 'dette']);
  });

  it('keeps years and tokens with letters but drops other pure numbers', () => {
    expect(tokenize('I 2024 kostet det 350 kr, 3,5 % mer; 4G og E6')).toEqual([
      'i',
      '2024',
      'kostet',
      'det',
      'kr',
      'mer',
      '4g',
      'og',
      'e6',
    ]);
  });

  it('keeps accented letters from other languages', () => {
    expect(tokenize('Café über naïve')).toEqual(['café', 'über', 'naïve']);
  });

  it('returns no tokens for empty, blank or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n ')).toEqual([]);
    expect(tokenize('!!! ... ---')).toEqual([]);
  });

  it('never throws; tokens are non-empty, lower-case and contain no whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        for (const token of tokenize(text)) {
          expect(token.length).toBeGreaterThan(0);
          expect(token).not.toMatch(/\s/u);
          expect(token).toBe(token.toLowerCase());
        }
      }),
    );
  });

  it('is idempotent on re-joined tokens', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const tokens = tokenize(text);
        expect(tokenize(tokens.join(' '))).toEqual(tokens);
      }),
    );
  });

  it('is unaffected by the amount of whitespace and by upper-casing of ASCII words', () => {
    const word = fc.stringMatching(/^[a-zæøå]{1,8}$/u);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), (words) => {
        expect(tokenize(words.join('   \n')).join(' ')).toBe(
          tokenize(words.join(' ').toUpperCase()).join(' '),
        );
      }),
    );
  });
});

describe('isStopWord', () => {
  it('separates bokmål and nynorsk function words', () => {
    for (const word of ['ikkje', 'eg', 'kva', 'korleis', 'frå', 'ho', 'dei', 'noko', 'berre', 'mykje']) {
      expect(isStopWord(word, 'nn'), word).toBe(true);
      expect(isStopWord(word, 'nb'), word).toBe(false);
    }
    for (const word of ['ikke', 'jeg', 'hva', 'hvordan', 'fra', 'hun', 'noe', 'bare', 'mye']) {
      expect(isStopWord(word, 'nb'), word).toBe(true);
      expect(isStopWord(word, 'nn'), word).toBe(false);
    }
    for (const word of ['og', 'det', 'som', 'på', 'til']) {
      expect(isStopWord(word, 'nb')).toBe(true);
      expect(isStopWord(word, 'nn')).toBe(true);
    }
  });

  it('has English stop words, and und is the union of all lists', () => {
    expect(isStopWord('the', 'en')).toBe(true);
    expect(isStopWord('the', 'nb')).toBe(false);
    for (const word of ['the', 'ikkje', 'ikke', 'og', 'which']) {
      expect(isStopWord(word, 'und')).toBe(true);
    }
  });

  it('does not treat theme-bearing content words as stop words', () => {
    for (const word of ['arbeid', 'tid', 'folk', 'skole', 'helse']) {
      expect(isStopWord(word, 'nb')).toBe(false);
      expect(isStopWord(word, 'nn')).toBe(false);
    }
    for (const word of ['help', 'information', 'home', 'problem', 'staff']) {
      expect(isStopWord(word, 'en')).toBe(false);
    }
  });
});

describe('stem', () => {
  it('conflates Norwegian inflections', () => {
    expect(stem('skolene', 'nb')).toBe(stem('skolen', 'nb'));
    expect(stem('kommunane', 'nn')).toBe(stem('kommunen', 'nn'));
  });

  it('conflates English inflections', () => {
    expect(stem('hospitals', 'en')).toBe(stem('hospital', 'en'));
    expect(stem('waiting', 'en')).toBe(stem('waited', 'en'));
  });

  it('leaves tokens unchanged for und', () => {
    expect(stem('skolene', 'und')).toBe('skolene');
  });

  it('is a pure function: repeated (memoised) calls agree', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-zæøå]{1,12}$/u),
        fc.constantFrom(...languages),
        (token, language) => {
          const first = stem(token, language);
          expect(stem(token, language)).toBe(first);
          expect(first.length).toBeLessThanOrEqual(token.length);
        },
      ),
    );
  });
});

describe('toTerms', () => {
  it('drops stop words and one-letter tokens and stems the rest, in order', () => {
    expect(toTerms('Vi vil ikke ha nedleggelse av skolene i Ål!', 'nb')).toEqual([
      stem('nedleggelse', 'nb'),
      stem('skolene', 'nb'),
      stem('ål', 'nb'),
    ]);
  });

  it('uses the language’s own stop words', () => {
    expect(toTerms('eg meiner ikkje det', 'nn')).toEqual([stem('meiner', 'nn')]);
    expect(toTerms('eg meiner ikkje det', 'nb')).toContain(stem('ikkje', 'nb'));
  });

  it('handles mixed Norwegian and English text with the union list for und', () => {
    const terms = toTerms('Vi trenger the best schools og flere lærere i kommunen', 'und');
    expect(terms).toEqual(['trenger', 'best', 'schools', 'lærere', 'kommunen']);
    expect(toTerms('Vi trenger the best schools', 'nb')).toContain(stem('the', 'nb'));
  });

  it('returns nothing for empty input', () => {
    for (const language of languages) {
      expect(toTerms('', language)).toEqual([]);
    }
  });

  it('never throws and never returns stop words or empty terms for und', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const terms = toTerms(text, 'und');
        for (const term of terms) {
          expect(term.length).toBeGreaterThanOrEqual(2);
          expect(isStopWord(term, 'und')).toBe(false);
        }
        expect(terms.length).toBeLessThanOrEqual(tokenize(text).length);
      }),
    );
  });
});

describe('public API types', () => {
  it('has the documented signatures', () => {
    expectTypeOf<Language>().toEqualTypeOf<'nb' | 'nn' | 'en' | 'und'>();
    expectTypeOf(tokenize).toEqualTypeOf<(text: string) => string[]>();
    expectTypeOf(isStopWord).toEqualTypeOf<(token: string, language: Language) => boolean>();
    expectTypeOf(stem).toEqualTypeOf<(token: string, language: Language) => string>();
    expectTypeOf(toTerms).toEqualTypeOf<(text: string, language: Language) => string[]>();
  });
});
