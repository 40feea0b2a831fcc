/** The error every reader throws for a bad input file. @module */
/** Why an input was rejected. */
export type InputErrorCode =
  | 'empty'
  | 'malformed-json'
  | 'not-an-object'
  | 'missing-text'
  | 'missing-column'
  | 'binary'
  | 'too-long'
  | 'malformed-csv'
  | 'bad-labels'
  | 'encoding';

/**
 * An input problem, with the source name and (where it applies) the line.
 *
 * @example
 * new InputError('missing-text', 'data.jsonl', 3, 'no "text" string'); // message: 'data.jsonl:3: no "text" string'
 */
export class InputError extends Error {
  readonly code: InputErrorCode;
  readonly source: string;
  readonly line: number | undefined;
  constructor(code: InputErrorCode, source: string, line: number | undefined, detail: string) {
    super(`${source}${line === undefined ? '' : `:${line}`}: ${detail}`);
    this.name = 'InputError';
    this.code = code;
    this.source = source;
    this.line = line;
  }
}
