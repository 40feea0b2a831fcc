/**
 * The terms stage of the reading pass: detects the language of each text (unless given) and turns
 * it into terms. Batches `{ id, texts, languages }` are answered with `{ id, languages, terms }`
 * where `terms` is one string per batch: documents separated by \u0002, terms by \u0001, and each
 * term followed by \u0003 + its surface form (one string is far cheaper to pass between threads).
 */
import { detectLanguage } from '../language/index.ts';
import type { Language } from '../tokenize/index.ts';
import { termsWithSurface } from '../vectorize/index.ts';

/** A batch sent to the worker. */
export interface WorkerRequest {
  readonly id: number;
  readonly texts: readonly string[];
  /** '' = detect. */
  readonly languages: readonly (Language | '')[];
}

/** The worker's answer. */
export interface WorkerResponse {
  readonly id: number;
  readonly languages: readonly Language[];
  readonly terms: string;
}

/**
 * Processes one batch (also used on the main thread for small inputs).
 *
 * @example
 * processBatch({ id: 0, texts: ['Skolen må bestå'], languages: [''] }).languages; // ['nb']
 */
export function processBatch(request: WorkerRequest): WorkerResponse {
  const languages: Language[] = [];
  const documents: string[] = [];
  request.texts.forEach((text, i) => {
    const language = request.languages[i] || detectLanguage(text);
    languages.push(language);
    const { terms, surfaces } = termsWithSurface(text, language);
    documents.push(terms.map((term, j) => `${term}\u0003${surfaces[j] ?? term}`).join('\u0001'));
  });
  return { id: request.id, languages, terms: documents.join('\u0002') };
}

