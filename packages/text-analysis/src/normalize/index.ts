/**
 * Text normalisation: Unicode NFKC, lower-casing, whitespace collapse, and a stricter form for
 * exact-duplicate detection.
 *
 * @module normalize
 */

// eslint-disable-next-line no-misleading-character-class -- each zero-width character is matched on its own, on purpose
const WHITESPACE_RUN = /[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+/gu;
/** Zero-width and control characters that carry no meaning for analysis (tab/newline are whitespace). */
const INVISIBLE =
  /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/gu;
const NON_ASCII = /[^\u0000-\u007f]/u;
/** Anything that is not a letter, mark or number, for {@link normalizeForHash}. */
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/gu;

/**
 * Normalises text for analysis: Unicode NFKC (so "ﬁ" → "fi", full-width digits → ASCII, composed
 * "å"), removal of invisible/control characters, lower-casing and whitespace collapse (runs of
 * whitespace become one space; leading/trailing whitespace is removed).
 *
 * Idempotent: `normalizeText(normalizeText(x)) === normalizeText(x)`.
 *
 * @example
 * normalizeText('  Hei\u00a0  VERDEN\n');  // 'hei verden'
 * normalizeText('Ａｂｃ ﬁne');               // 'abc fine'
 */
export function normalizeText(text: string): string {
  if (text.length === 0) {
    return '';
  }
  return foldText(text).replace(WHITESPACE_RUN, ' ').trim();
}

/** NFKC, invisible characters removed, lower-cased; ASCII text skips the (costly) NFKC calls. */
function foldText(text: string): string {
  if (!NON_ASCII.test(text)) {
    return text.replace(INVISIBLE, '').toLowerCase();
  }
  // NFKC can produce capitals (e.g. "㎁" → "hPa") and lower-casing can produce decomposed
  // sequences (e.g. "İ" → "i̇"), so normalise again after lower-casing.
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().normalize('NFKC');
}

/**
 * A key for exact-duplicate detection: {@link normalizeText}, then every run of punctuation,
 * symbols and whitespace collapsed to a single space. Texts that differ only in case, spacing,
 * punctuation or Unicode form get the same key.
 *
 * @example
 * normalizeForHash('Stopp nedleggelsen!!') === normalizeForHash('stopp   nedleggelsen'); // true
 * normalizeForHash('Hei, verden.'); // 'hei verden'
 */
export function normalizeForHash(text: string): string {
  if (text.length === 0) {
    return '';
  }
  return foldText(text).replace(NON_WORD, ' ').trim();
}
