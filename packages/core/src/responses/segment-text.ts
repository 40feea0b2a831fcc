import { detectLanguage } from '@innspill/text-analysis';
import type { SegmentLanguage } from '@innspill/vocabulary';

export type { SegmentLanguage } from '@innspill/vocabulary';

/** Paragraphs longer than this are split into sentences. */
export const longParagraphChars = 600;

const listMarker = /^\s*(?:[-*•–·▪●]|\d{1,3}[.)]|[a-zA-Z][.)])\s+/;

/**
 * Splits a text into analysis segments: paragraphs (blank-line separated, soft line breaks
 * joined), list items (one per bullet or number), and long paragraphs by sentence. Whitespace is
 * collapsed; empty segments are dropped. Joining the segments never loses a word.
 */
export function segmentText(text: string): string[] {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const segments: string[] = [];
  for (const block of blocks) {
    let paragraph: string[] = [];
    const flush = () => {
      const joined = collapse(paragraph.join(' '));
      paragraph = [];
      if (!joined) return;
      if (joined.length > longParagraphChars) segments.push(...splitSentences(joined));
      else segments.push(joined);
    };
    for (const line of block.split('\n')) {
      if (listMarker.test(line)) {
        flush();
        paragraph.push(line.replace(listMarker, ''));
      } else {
        paragraph.push(line);
      }
    }
    flush();
  }
  return segments;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Abbreviations after which a full stop does not end a sentence (Norwegian and English). */
const abbreviations = new Set([
  'dr',
  'prof',
  'nr',
  'mr',
  'mrs',
  'ms',
  'st',
  'jf',
  'ca',
  'kap',
  'pkt',
  'bl.a',
  'f.eks',
  'e.g',
  'i.e',
  'etc',
  'osv',
  'mv',
  'dvs',
  'evt',
  'vs',
  'no',
]);

/**
 * Sentence split on . ! ? … followed by whitespace and a capital letter, digit or quote, except
 * after common abbreviations ("Dr.", "f.eks.") and initials.
 */
export function splitSentences(text: string): string[] {
  const parts = text.split(/(?<=[.!?…])\s+(?=["«(]?[A-ZÆØÅÄÖÜ0-9])/u);
  const merged: string[] = [];
  for (const part of parts) {
    const previous = merged.at(-1);
    const lastWord = previous?.split(/\s+/).at(-1)?.replace(/\.$/, '').toLowerCase() ?? '';
    if (
      previous !== undefined &&
      previous.endsWith('.') &&
      (abbreviations.has(lastWord) || /^\p{L}$/u.test(lastWord))
    ) {
      merged[merged.length - 1] = `${previous} ${part}`;
    } else merged.push(part);
  }
  return merged.map(collapse).filter(Boolean);
}

/** Language of one segment, with the analysis library's nb/nn/en classifier. */
export function segmentLanguage(text: string): SegmentLanguage {
  return detectLanguage(text);
}

/** The PostgreSQL text-search configuration for a segment language. */
export function searchConfigFor(language: SegmentLanguage): 'norwegian' | 'english' {
  return language === 'en' ? 'english' : 'norwegian';
}
