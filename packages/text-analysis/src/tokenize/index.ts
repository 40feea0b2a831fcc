/**
 * Tokenisation, stop words and stemming for bokmål, nynorsk and English.
 *
 * Token rules (see {@link tokenize}):
 * - a token is a run of letters/digits (Unicode `\p{L}`, `\p{M}`, `\p{N}`), optionally joined by
 *   single inner hyphens or apostrophes: "e-læring", "covid-19", "don't" are one token each;
 *   leading/trailing hyphens and all other punctuation are dropped;
 * - tokens are NFKC-normalised and lower-cased ({@link normalizeText}); the typographic
 *   apostrophe ’ is folded to ';
 * - numbers: a token made only of digits (and hyphens) is kept only when it is a year from 1800 to
 *   2099 ("2024"); other pure numbers ("3", "12", "100-200") are dropped. Tokens that contain at
 *   least one letter ("covid-19", "4g", "e6") are always kept.
 *
 * @module tokenize
 */
import { newStemmer } from 'snowball-stemmers';
import { normalizeText } from '../normalize/index.ts';
import { ANY_STOP_WORDS, BOKMAL_STOP_WORDS, ENGLISH_STOP_WORDS, NYNORSK_STOP_WORDS } from './stop-words.ts';

/**
 * Language code: bokmål (`nb`), nynorsk (`nn`), English (`en`), or other/unknown/too short (`und`).
 *
 * @example
 * const language: Language = 'nn';
 */
export type Language = 'nb' | 'nn' | 'en' | 'und';

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['-][\p{L}\p{M}\p{N}]+)*/gu;
const HAS_LETTER = /\p{L}/u;
const YEAR = /^(?:18|19|20)\d\d$/;
const TYPOGRAPHIC_APOSTROPHE = /[\u2019\u02bc\u2032]/g;

/** Tokenises text that has already been through {@link normalizeText}. */
function tokenizeNormalized(normalized: string, onToken: (token: string) => void): void {
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(normalized)) !== null) {
    const token = match[0];
    if (HAS_LETTER.test(token) || YEAR.test(token)) {
      onToken(token);
    }
  }
}

function prepare(text: string): string {
  return normalizeText(text).replace(TYPOGRAPHIC_APOSTROPHE, "'");
}

/**
 * Splits text into lower-cased word tokens (rules in the module comment): keeps æøå and other
 * letters, hyphenated compounds and words with inner apostrophes; drops punctuation and pure
 * numbers other than years 1800–2099.
 *
 * @example
 * tokenize('E-læring og Covid-19: Hva nå, 2024?!'); // ['e-læring', 'og', 'covid-19', 'hva', 'nå', '2024']
 * tokenize('   '); // []
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  tokenizeNormalized(prepare(text), (token) => {
    tokens.push(token);
  });
  return tokens;
}

const STOP_WORDS: Readonly<Record<Language, ReadonlySet<string>>> = {
  nb: BOKMAL_STOP_WORDS,
  nn: NYNORSK_STOP_WORDS,
  en: ENGLISH_STOP_WORDS,
  und: ANY_STOP_WORDS,
};

/**
 * Whether a (lower-cased) token is a stop word in the given language. `und` uses the union of the
 * bokmål, nynorsk and English lists. Bokmål and nynorsk lists differ: "ikke" is a bokmål stop word,
 * "ikkje" a nynorsk one.
 *
 * @example
 * isStopWord('ikkje', 'nn'); // true
 * isStopWord('ikkje', 'nb'); // false
 * isStopWord('the', 'und');  // true
 * isStopWord('skole', 'nb'); // false
 */
export function isStopWord(token: string, language: Language): boolean {
  return STOP_WORDS[language].has(token);
}

const norwegianStemmer = newStemmer('norwegian');
const englishStemmer = newStemmer('english');
/** Memo caches are cleared when they reach this many entries, to bound memory. */
const MAX_MEMO_ENTRIES = 1 << 20;
const norwegianMemo = new Map<string, string>();
const englishMemo = new Map<string, string>();

function memoisedStem(
  token: string,
  memo: Map<string, string>,
  stemmer: { stem(word: string): string },
): string {
  const cached = memo.get(token);
  if (cached !== undefined) {
    return cached;
  }
  const stemmed = stemmer.stem(token);
  if (memo.size >= MAX_MEMO_ENTRIES) {
    memo.clear();
  }
  memo.set(token, stemmed);
  return stemmed;
}

/**
 * Stems a lower-cased token: Snowball Norwegian for `nb` and `nn`, Snowball English (Porter2) for
 * `en`; `und` returns the token unchanged (no stemmer is safe when the language is unknown).
 * Results are memoised per stemmer, so repeated tokens cost one Map lookup.
 *
 * @example
 * stem('kommunene', 'nb'); // 'kommun'
 * stem('running', 'en');   // 'run'
 * stem('running', 'und');  // 'running'
 */
export function stem(token: string, language: Language): string {
  switch (language) {
    case 'nb':
    case 'nn':
      return memoisedStem(token, norwegianMemo, norwegianStemmer);
    case 'en':
      return memoisedStem(token, englishMemo, englishStemmer);
    case 'und':
      return token;
  }
}

/**
 * The term list the vectoriser uses: normalise, tokenise ({@link tokenize}), drop stop words of
 * the language and tokens shorter than 2 characters, then stem. Order is preserved (so bigrams can
 * be built from adjacent terms).
 *
 * @example
 * toTerms('Vi vil ikke ha nedleggelse av skolene!', 'nb'); // ['nedlegg', 'skol']
 * toTerms('The hospitals are closing', 'en');              // ['hospit', 'close']
 */
export function toTerms(text: string, language: Language): string[] {
  const stopWords = STOP_WORDS[language];
  const terms: string[] = [];
  tokenizeNormalized(prepare(text), (token) => {
    if (token.length >= 2 && !stopWords.has(token)) {
      terms.push(stem(token, language));
    }
  });
  return terms;
}
