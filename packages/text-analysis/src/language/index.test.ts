import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Language } from '../tokenize/index.ts';
import { detectLanguage, detectLanguages } from './index.ts';

const LANGUAGES: readonly Language[] = ['nb', 'nn', 'en', 'und'];

interface FixtureLine {
  language: Language;
  text: string;
}

const fixture: FixtureLine[] = readFileSync(
  fileURLToPath(new URL('../../test/fixtures/language-held-out.jsonl', import.meta.url)),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as FixtureLine);

function accuracyFor(language: Language): { accuracy: number; total: number } {
  const items = fixture.filter((line) => line.language === language);
  const correct = items.filter((line) => detectLanguage(line.text) === language).length;
  return { accuracy: correct / items.length, total: items.length };
}

describe('detectLanguage on held-out sentences', () => {
  it.each(['nb', 'nn'] as const)(
    'classifies held-out %s sentences with at least 95% accuracy',
    (language) => {
      const { accuracy, total } = accuracyFor(language);
      expect(total).toBeGreaterThanOrEqual(100);
      expect(accuracy).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('classifies held-out English petition titles with at least 95% accuracy', () => {
    const { accuracy, total } = accuracyFor('en');
    expect(total).toBeGreaterThanOrEqual(30);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });
});

describe('detectLanguage', () => {
  it('separates bokmål and nynorsk versions of the same sentence', () => {
    expect(detectLanguage('Eg meiner at kommunen ikkje bør leggje ned skulen i bygda vår.')).toBe('nn');
    expect(detectLanguage('Jeg mener at kommunen ikke bør legge ned skolen i bygda vår.')).toBe('nb');
    expect(detectLanguage('Kva skal vi gjere med dei eldre som ikkje får plass på sjukeheimen?')).toBe('nn');
    expect(detectLanguage('Hva skal vi gjøre med de eldre som ikke får plass på sykehjemmet?')).toBe('nb');
  });

  it('recognises English', () => {
    expect(detectLanguage('The staff were kind but the waiting time was far too long.')).toBe('en');
  });

  it('returns und for empty, blank, very short and non-letter input', () => {
    for (const text of ['', '   ', 'ok', 'Hei', '12345 678', '!!!', '😀😀😀']) {
      expect(detectLanguage(text), text).toBe('und');
    }
  });

  it('returns und for a clear German sentence it was not trained on', () => {
    expect(detectLanguage('Das ist wirklich nicht gut für unsere kleine Stadt und die Schule.')).toBe('und');
  });

  it('returns und for text in a script the model does not know', () => {
    expect(detectLanguage('Это очень важный вопрос для нашего города')).toBe('und');
    expect(detectLanguage('这是我们城市非常重要的问题')).toBe('und');
  });

  it('decides mixed-language text by the dominant language', () => {
    expect(
      detectLanguage('Vi trenger flere lærere og bedre skoler i kommunen, og det haster. Thank you.'),
    ).toBe('nb');
  });

  it('reads only the start of a very long text', () => {
    const long = 'Eg meiner at skulen må takast vare på. '.repeat(100_000);
    expect(detectLanguage(long)).toBe('nn');
  });

  it('never throws and always returns one of the four codes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(LANGUAGES).toContain(detectLanguage(text));
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic', () => {
    const text = 'Regjeringa har lenge oversett alle åtvaringar.';
    expect(detectLanguage(text)).toBe(detectLanguage(text));
  });
});

describe('detectLanguages', () => {
  it('maps detectLanguage over the input in order', () => {
    const texts = ['Eg veit ikkje kva eg skal gjere med dette.', '', 'This is clearly an English sentence.'];
    expect(detectLanguages(texts)).toEqual(texts.map((text) => detectLanguage(text)));
  });
});

describe('public API types', () => {
  it('has the documented signatures', () => {
    expectTypeOf(detectLanguage).toEqualTypeOf<(text: string) => Language>();
    expectTypeOf(detectLanguages).toEqualTypeOf<(texts: Iterable<string>) => Language[]>();
  });
});
