// The analysis package's public index does not export detectLanguage yet (it is being written);
// import the capability folder directly until it does.
import { detectLanguage } from '../../../text-analysis/src/language/index.ts';

export type SegmentLanguage = 'nb' | 'nn' | 'en' | 'und';

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

/** Sentence split on . ! ? … followed by whitespace and a capital letter, digit or quote. */
export function splitSentences(text: string): string[] {
  const parts = text.split(/(?<=[.!?…])\s+(?=["«(]?[A-ZÆØÅÄÖÜ0-9])/u);
  return parts.map(collapse).filter(Boolean);
}

/** Language of one segment, with the analysis library's nb/nn/en classifier. */
export function segmentLanguage(text: string): SegmentLanguage {
  return detectLanguage(text);
}

/** The PostgreSQL text-search configuration for a segment language. */
export function searchConfigFor(language: SegmentLanguage): 'norwegian' | 'english' {
  return language === 'en' ? 'english' : 'norwegian';
}
