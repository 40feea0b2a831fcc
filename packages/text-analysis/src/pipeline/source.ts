/**
 * Where the records come from, and the errors and progress the pipeline reports.
 * @module
 */
import type { InputEncoding } from './encoding.ts';
import type { InputRecord } from './readers.ts';

/** Something that can be read (more than once) as records. */
export interface RecordSource {
  /** Name used in messages (e.g. the file path). */
  readonly name: string;
  /** How a file's bytes were decoded, when they were (reported in `analysis.json`). */
  readonly encoding?: InputEncoding;
  open(): AsyncIterable<InputRecord>;
  /**
   * Optional fast path: only the records that start on the given 1-based lines (JSON Lines files),
   * used to fetch the quoted texts again without parsing the whole input.
   */
  openLines?(lines: ReadonlySet<number>): AsyncIterable<InputRecord>;
}

/**
 * A record source over an in-memory array.
 *
 * @example
 * const source = arraySource([{ id: '1', text: 'Skolen må bestå' }]);
 */
export function arraySource(records: readonly Omit<InputRecord, 'line'>[], name = 'input'): RecordSource {
  return {
    name,
    async *open() {
      let line = 0;
      for (const record of records) {
        line++;
        yield { ...record, line };
      }
    },
  };
}

/**
 * A problem with the analysis request itself (not with a single line), e.g. fewer texts than themes.
 *
 * @example
 * new AnalysisError('input.jsonl: 3 text(s) with usable words, fewer than the 10 themes asked for');
 */
export class AnalysisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisError';
  }
}

/** Progress of a long run. */
export interface Progress {
  readonly stage: 'reading' | 'vectorizing' | 'themes' | 'suggestions' | 'writing' | 'evaluating';
  readonly done: number;
  readonly total?: number;
}
