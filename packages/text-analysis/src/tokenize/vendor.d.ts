// Type declarations for the two untyped runtime dependencies.

declare module 'snowball-stemmers' {
  /** A Snowball stemmer instance. */
  interface SnowballStemmer {
    stem(word: string): string;
  }
  /** Creates a stemmer for one of {@link algorithms}. */
  export function newStemmer(algorithm: string): SnowballStemmer;
  /** Names of the available algorithms. */
  export function algorithms(): string[];
}

declare module 'stopwords-iso' {
  /** Stop words per ISO 639-1 code. */
  const lists: Record<string, string[]> & { no: string[]; en: string[] };
  export default lists;
}
