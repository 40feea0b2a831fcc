import type { extractionFailures } from '../db/schema/index.ts';
import { UnsafeArchiveError } from './responses.errors.ts';

/** Why an attachment's text could not be extracted (stored in `attachments.extraction_failure`). */
export type ExtractionFailure = (typeof extractionFailures)[number];

/**
 * A file whose text cannot be extracted, with the reason as a code for the secretariat's pages
 * (translated there) and an English message for the CLI, exports and logs.
 */
export class TextExtractionError extends Error {
  constructor(
    readonly failure: ExtractionFailure,
    message: string,
  ) {
    super(message);
    this.name = 'TextExtractionError';
  }
}

/**
 * The failure code and English detail of an error thrown while extracting a file's text. A broken
 * zip container (DOCX, ODT) counts as damaged; anything unforeseen is `unknown`, with its message
 * kept as the detail.
 */
export function describeExtractionFailure(error: unknown): { failure: ExtractionFailure; detail: string } {
  if (error instanceof TextExtractionError) return { failure: error.failure, detail: error.message };
  if (error instanceof UnsafeArchiveError) return { failure: 'damaged', detail: error.message };
  const detail = error instanceof Error && error.message ? error.message : String(error);
  return { failure: 'unknown', detail };
}
