/** A submission's lifecycle. */
export const submissionStatuses = ['draft', 'submitted', 'withdrawn'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/** Where a submission came from: the web form or a file import. */
export const submissionSources = ['web', 'import'] as const;
export type SubmissionSource = (typeof submissionSources)[number];

/** Whether an attachment's text has been read. */
export const extractionStatuses = ['pending', 'done', 'failed'] as const;
export type ExtractionStatus = (typeof extractionStatuses)[number];

/**
 * Why an attachment's text could not be read; the web app shows a translated message for each.
 * Files that failed before the codes existed have none and are shown with the generic message.
 */
export const extractionFailures = [
  'unsupported_type',
  'encrypted',
  'damaged',
  'no_text',
  'timed_out',
  'deleted_on_request',
  'unknown',
] as const;
export type ExtractionFailure = (typeof extractionFailures)[number];

/** The language of a segment (`und`: undetermined), as the engine detects it. */
export const segmentLanguages = ['nb', 'nn', 'en', 'und'] as const;
export type SegmentLanguage = (typeof segmentLanguages)[number];
