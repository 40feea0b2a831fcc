/**
 * Feature hashing for the language model, shared by the training script and the detector so both
 * see exactly the same features.
 *
 * Text is lower-cased; every run of non-letters becomes one space; the text is padded with a space
 * on both sides. Features are the 32-bit FNV-1a hashes of every character n-gram of length 1–4
 * and of every whole word (up to {@link MAX_WORD_LENGTH} characters, hashed with a different
 * seed). No strings are allocated per feature, so detection stays cheap on large batches.
 *
 * @module language/features
 */

/** Only the first this many characters of a text are read (a 10 MB text costs no more than a short one). */
export const MAX_DETECTION_CHARS = 1000;
/** Longest word hashed as a word feature. */
export const MAX_WORD_LENGTH = 20;
/** Longest character n-gram. */
export const MAX_NGRAM = 4;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_SEED = 0x9e3779b9;
const SPACE = 32;

/** Cache of "is this UTF-16 code unit a letter?": 0 unknown, 1 letter, 2 not a letter. */
const letterCache = new Uint8Array(65536);
const LETTER = /\p{L}|\p{M}/u;

function isLetterCode(code: number): boolean {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) {
    return true;
  }
  if (code < 128) {
    return false;
  }
  let cached = letterCache[code] ?? 0;
  if (cached === 0) {
    cached = LETTER.test(String.fromCharCode(code)) ? 1 : 2;
    letterCache[code] = cached;
  }
  return cached === 1;
}

/** The result of {@link extractFeatureHashes}: a reused buffer, valid until the next call. */
export interface FeatureHashes {
  /** Feature hashes; only the first `count` entries are valid. */
  readonly hashes: Uint32Array;
  /** Number of valid hashes. */
  readonly count: number;
  /** Number of letters read. */
  readonly letterCount: number;
  /** Number of words read. */
  readonly wordCount: number;
}

let buffer = new Uint32Array(8192);
/** Cache of lower-cased UTF-16 code units (0 = not computed yet). */
const lowerCache = new Uint16Array(65536);

/**
 * Hashes the features of a text into a shared buffer (overwritten by the next call).
 *
 * @example
 * const { hashes, count } = extractFeatureHashes('Eg veit ikkje');
 * const features = Array.from(hashes.subarray(0, count));
 */
export function extractFeatureHashes(text: string): FeatureHashes {
  const length = Math.min(text.length, MAX_DETECTION_CHARS);
  const needed = (length + 2) * (MAX_NGRAM + 1) + 8;
  if (buffer.length < needed) {
    buffer = new Uint32Array(needed * 2);
  }
  const hashes = buffer;
  let count = 0;
  let letterCount = 0;
  let wordCount = 0;
  // Window of the last MAX_NGRAM normalised codes: window0 is the newest; -1 is "before the start".
  let window0 = SPACE;
  let window1 = -1;
  let window2 = -1;
  // eslint-disable-next-line no-useless-assignment -- the shift register starts empty; the first shift overwrites it
  let window3 = -1;
  let previousWasSpace = true;
  let wordHash = WORD_SEED;
  let wordLength = 0;

  // One extra iteration at the end (index === length) closes the last word with a space.
  for (let index = 0; index <= length; index++) {
    let code = index < length ? text.charCodeAt(index) : SPACE;
    if (code >= 65 && code <= 90) {
      code += 32;
    } else if (code >= 128) {
      code = lowerCaseCode(code);
    }
    if (isLetterCode(code)) {
      letterCount++;
      previousWasSpace = false;
      wordHash = Math.imul(wordHash ^ code, FNV_PRIME) >>> 0;
      wordLength++;
    } else if (previousWasSpace) {
      continue;
    } else {
      previousWasSpace = true;
      code = SPACE;
      if (wordLength > 0) {
        wordCount++;
        if (wordLength <= MAX_WORD_LENGTH) {
          hashes[count++] = Math.imul(wordHash ^ wordLength, FNV_PRIME) >>> 0;
        }
      }
      wordHash = WORD_SEED;
      wordLength = 0;
    }
    window3 = window2;
    window2 = window1;
    window1 = window0;
    window0 = code;
    // Character n-grams ending at this position, hashed newest character first.
    let hash = Math.imul(FNV_OFFSET ^ window0, FNV_PRIME) >>> 0;
    hashes[count++] = hash;
    if (window1 >= 0) {
      hash = Math.imul(hash ^ window1, FNV_PRIME) >>> 0;
      hashes[count++] = hash;
      if (window2 >= 0) {
        hash = Math.imul(hash ^ window2, FNV_PRIME) >>> 0;
        hashes[count++] = hash;
        if (window3 >= 0) {
          hash = Math.imul(hash ^ window3, FNV_PRIME) >>> 0;
          hashes[count++] = hash;
        }
      }
    }
  }
  return { hashes, count, letterCount, wordCount };
}

/** Lower-cases one non-ASCII UTF-16 code unit (cached). */
function lowerCaseCode(code: number): number {
  let lowered = lowerCache[code] ?? 0;
  if (lowered === 0) {
    const mapped = String.fromCharCode(code).toLowerCase();
    lowered = mapped.length === 1 ? mapped.charCodeAt(0) : code;
    lowerCache[code] = lowered;
  }
  return lowered;
}
