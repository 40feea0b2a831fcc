/**
 * The per-text stage of the reading pass: detects the language of each new text (unless given),
 * turns it into terms and (optionally) feeds the duplicate detector. Batches are answered with one
 * string of terms per batch (documents separated by \u0002, terms by \u0001, each term followed by
 * \u0003 + its surface form unless the request says surfaces are no longer needed): one string is
 * far cheaper to pass between threads than arrays.
 */
import { DuplicateDetector, type DuplicateGroup, type DuplicateOptions } from '../duplicates/index.ts';
import { detectLanguage } from '../language/index.ts';
import type { Language } from '../tokenize/index.ts';
import { termsWithSurface } from '../vectorize/index.ts';

/** A batch of records for the text stage. */
export interface WorkerRequest {
  readonly kind: 'batch';
  readonly id: number;
  readonly texts: readonly string[];
  /** '' = detect. */
  readonly languages: readonly (Language | '')[];
  /**
   * −1 = a text not seen before (needs terms); r ≥ 0 = an exact repeat of record r (counted from
   * the first record of the run; its text is not needed and may be '').
   */
  readonly copyOf: Int32Array;
  /** Send each term's surface form too (default true; labels need them from the first texts only). */
  readonly isWithSurfaces?: boolean;
  /** Record ids, when this stage also detects duplicates. */
  readonly recordIds?: readonly string[];
}

/** The stage's answer to a batch: languages and terms of the new texts, in order. */
export interface WorkerResponse {
  readonly kind: 'batch';
  readonly id: number;
  readonly languages: readonly Language[];
  readonly terms: string;
}

/** Messages to the worker. */
export type StageMessage =
  | WorkerRequest
  | { readonly kind: 'start'; readonly duplicates?: DuplicateOptions; readonly isKeepingStopWords?: boolean }
  | { readonly kind: 'finish' };

/** Messages from the worker. */
export type StageReply = WorkerResponse | { readonly kind: 'groups'; readonly groups: DuplicateGroup[] };

/**
 * Language + terms (+ duplicates) for batches of records; runs on a worker or the main thread.
 *
 * @example
 * const stage = new TextStage({ threshold: 0.8 });
 * stage.process({ kind: 'batch', id: 0, texts: ['Skolen må bestå'], languages: [''], copyOf: Int32Array.of(-1), recordIds: ['1'] });
 */
export class TextStage {
  private readonly detector: DuplicateDetector | undefined;
  private readonly isKeepingStopWords: boolean;
  constructor(duplicates?: DuplicateOptions, isKeepingStopWords = false) {
    this.detector = duplicates ? new DuplicateDetector(duplicates) : undefined;
    this.isKeepingStopWords = isKeepingStopWords;
  }

  process(request: WorkerRequest): WorkerResponse {
    const languages: Language[] = [];
    const documents: string[] = [];
    request.texts.forEach((text, i) => {
      const recordId = request.recordIds?.[i];
      const original = request.copyOf[i] as number;
      if (this.detector && recordId !== undefined) {
        if (original >= 0) {
          this.detector.addCopy(recordId, original);
        } else {
          this.detector.add(recordId, text);
        }
      }
      if (original >= 0) {
        return;
      }
      const language = request.languages[i] || detectLanguage(text);
      languages.push(language);
      const { terms, surfaces } = termsWithSurface(text, language, this.isKeepingStopWords);
      documents.push(
        request.isWithSurfaces === false
          ? terms.join('\u0001')
          : terms.map((term, j) => `${term}\u0003${surfaces[j] ?? term}`).join('\u0001'),
      );
    });
    return { kind: 'batch', id: request.id, languages, terms: documents.join('\u0002') };
  }

  groups(): DuplicateGroup[] {
    return this.detector ? this.detector.groups() : [];
  }
}
