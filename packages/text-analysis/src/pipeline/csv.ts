/**
 * The project's one CSV reader: RFC 4180 rows (quoted fields, `""` escapes, CRLF or LF) with the
 * delimiter guessed from the header line. The analysis input (`readCsv`) and the app's spreadsheet
 * imports (`packages/core/src/responses/tabular-file.ts`) both read through {@link CsvRowParser};
 * where they read differently (the app forgives what Excel forgives), a {@link CsvDialect} says so.
 * @module
 */
import { InputError } from './input-error.ts';

/** A delimiter the reader guesses among. */
export type CsvDelimiter = ',' | ';' | '\t';

/** The candidate CSV delimiters, in the order a tie is settled. */
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** How a CSV file is read. The defaults are strict RFC 4180, as the analysis input reads it. */
export interface CsvDialect {
  /** The delimiter; guessed from the header line ({@link guessCsvDelimiter}) when absent. */
  readonly delimiter?: CsvDelimiter;
  /**
   * A double quote inside an unquoted field, characters after a closing quote and a quote never
   * closed: `'error'` (default) refuses the file with an {@link InputError} (`malformed-csv`);
   * `'text'` keeps them as written, as a spreadsheet reads them (an unclosed quote runs to the end).
   */
  readonly strayQuotes?: 'error' | 'text';
  /** Whether a lone CR (old Mac line ends) ends a row; by default it is dropped (default false). */
  readonly isCarriageReturnLineEnd?: boolean;
  /**
   * Whether blank lines come out as rows (one empty field each), so row i is the file's record
   * i + 1 as a spreadsheet numbers it; by default they are skipped (default false).
   */
  readonly keepsBlankLines?: boolean;
}

/** One parsed CSV row with the 1-based line it started on. */
export interface CsvRow {
  readonly fields: string[];
  readonly line: number;
}

/**
 * The delimiter of a CSV file from its header line: whichever of `,`, `;` and tab occurs most
 * often there outside quotes (`,` when none does). Excel in a Norwegian locale writes `;`, since
 * `,` is the decimal mark.
 *
 * @example
 * guessCsvDelimiter('id;text;language\n1;"Hei, du";nb'); // ';'
 */
export function guessCsvDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((delimiter) => [delimiter, 0]));
  let isQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') {
      isQuoted = !isQuoted;
    } else if (!isQuoted && (ch === '\n' || ch === '\r')) {
      break;
    } else if (!isQuoted && counts.has(ch)) {
      counts.set(ch, (counts.get(ch) as number) + 1);
    }
  }
  let best: CsvDelimiter = ',';
  for (const delimiter of CSV_DELIMITERS) {
    if ((counts.get(delimiter) as number) > (counts.get(best) as number)) {
      best = delimiter;
    }
  }
  return best;
}

/** Whether the text holds the end of its first line (a newline outside quotes). */
function hasFirstLineEnd(text: string, isCarriageReturnLineEnd: boolean): boolean {
  let isQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) {
      isQuoted = !isQuoted;
    } else if (!isQuoted && (ch === 10 || (ch === 13 && isCarriageReturnLineEnd))) {
      return true;
    }
  }
  return false;
}

/**
 * A push parser for CSV text: give it the text in chunks of any size ({@link CsvRowParser.write})
 * and then {@link CsvRowParser.end}; each returns the rows completed so far. A leading byte-order
 * mark is dropped. Without a dialect delimiter, the chunks are held until the header line is whole.
 *
 * @example
 * const parser = new CsvRowParser('svar.csv');
 * const rows = [...parser.write('id;text\n1;"Hei, du"\n'), ...parser.end()]; // fields ['id','text'], ['1','Hei, du']
 */
export class CsvRowParser {
  readonly #source: string;
  readonly #isLenient: boolean;
  readonly #isCarriageReturnLineEnd: boolean;
  readonly #keepsBlankLines: boolean;
  #delimiter: string | undefined;
  #head = '';
  #isFirstChunk = true;
  #fields: string[] = [];
  #field = '';
  #isQuoted = false;
  #afterQuote = false;
  #pendingQuote = false;
  #skipsLineFeed = false;
  #hasContent = false;
  #line = 1;
  #rowLine = 1;

  constructor(source: string, dialect: CsvDialect = {}) {
    this.#source = source;
    this.#isLenient = dialect.strayQuotes === 'text';
    this.#isCarriageReturnLineEnd = dialect.isCarriageReturnLineEnd === true;
    this.#keepsBlankLines = dialect.keepsBlankLines === true;
    this.#delimiter = dialect.delimiter;
  }

  /** Parses the next chunk; returns the rows it completes. */
  write(chunk: string): CsvRow[] {
    if (this.#isFirstChunk && chunk.length > 0) {
      this.#isFirstChunk = false;
      if (chunk.charCodeAt(0) === 0xfeff) {
        chunk = chunk.slice(1);
      }
    }
    if (this.#delimiter === undefined) {
      // The header line decides the delimiter: hold the chunks until it is whole.
      this.#head += chunk;
      if (!hasFirstLineEnd(this.#head, this.#isCarriageReturnLineEnd)) {
        return [];
      }
      this.#delimiter = guessCsvDelimiter(this.#head);
      chunk = this.#head;
      this.#head = '';
    }
    return this.#parse(chunk);
  }

  /** Ends the text; returns the last row, if any. Throws on a quoted field never closed (strict). */
  end(): CsvRow[] {
    const rows: CsvRow[] = [];
    if (this.#delimiter === undefined) {
      this.#delimiter = guessCsvDelimiter(this.#head);
      rows.push(...this.#parse(this.#head));
      this.#head = '';
    }
    if (this.#pendingQuote) {
      this.#isQuoted = false;
    }
    if (this.#isQuoted && !this.#isLenient) {
      throw new InputError('malformed-csv', this.#source, this.#rowLine, 'a quoted field is never closed');
    }
    const hasRest =
      this.#field.length > 0 || this.#fields.length > 0 || (this.#hasContent && !this.#keepsBlankLines);
    if (hasRest) {
      this.#fields.push(this.#field);
      rows.push({ fields: this.#fields, line: this.#rowLine });
    }
    this.#fields = [];
    this.#field = '';
    this.#isQuoted = false;
    this.#hasContent = false;
    return rows;
  }

  #parse(chunk: string): CsvRow[] {
    if (chunk.length === 0) {
      return [];
    }
    // The state lives in locals while a chunk is parsed (the hot loop of a large import).
    const delimiter = this.#delimiter as string;
    const isLenient = this.#isLenient;
    const isCarriageReturnLineEnd = this.#isCarriageReturnLineEnd;
    const keepsBlankLines = this.#keepsBlankLines;
    const rows: CsvRow[] = [];
    let fields = this.#fields;
    let field = this.#field;
    let isQuoted = this.#isQuoted;
    let afterQuote = this.#afterQuote;
    let pendingQuote = this.#pendingQuote;
    let skipsLineFeed = this.#skipsLineFeed;
    let hasContent = this.#hasContent;
    let line = this.#line;
    let rowLine = this.#rowLine;
    // The LF of a CRLF whose CR ended a row at the end of the last chunk.
    const start = skipsLineFeed && chunk.charCodeAt(0) === 10 ? 1 : 0;
    skipsLineFeed = false;
    for (let i = start; i < chunk.length; i++) {
      const ch = chunk[i] as string;
      if (pendingQuote) {
        pendingQuote = false;
        if (ch === '"') {
          field += '"';
          continue;
        }
        isQuoted = false;
        afterQuote = true;
      }
      if (isQuoted) {
        if (ch === '"') {
          pendingQuote = true;
        } else {
          if (ch === '\n') {
            line++;
          }
          field += ch;
        }
        continue;
      }
      if (ch === '"') {
        if (field.length === 0 && !afterQuote) {
          isQuoted = true;
          hasContent = true;
          continue;
        }
        if (!isLenient) {
          throw new InputError(
            'malformed-csv',
            this.#source,
            line,
            'stray double quote inside an unquoted field',
          );
        }
        field += ch;
        continue;
      }
      if (ch === delimiter) {
        fields.push(field);
        field = '';
        afterQuote = false;
        hasContent = true;
        continue;
      }
      if (ch === '\r' && !isCarriageReturnLineEnd) {
        continue;
      }
      if (ch === '\n' || ch === '\r') {
        fields.push(field);
        if (keepsBlankLines || hasContent || fields.length > 1 || (fields[0] ?? '').length > 0) {
          rows.push({ fields, line: rowLine });
        }
        fields = [];
        field = '';
        afterQuote = false;
        hasContent = false;
        if (ch === '\r') {
          if (i + 1 === chunk.length) {
            skipsLineFeed = true;
          } else if (chunk.charCodeAt(i + 1) === 10) {
            i++; // CRLF is one line end
          }
        }
        line++;
        rowLine = line;
        continue;
      }
      if (afterQuote && !isLenient) {
        throw new InputError('malformed-csv', this.#source, line, 'characters after a closing quote');
      }
      field += ch;
      hasContent = true;
    }
    this.#fields = fields;
    this.#field = field;
    this.#isQuoted = isQuoted;
    this.#afterQuote = afterQuote;
    this.#pendingQuote = pendingQuote;
    this.#skipsLineFeed = skipsLineFeed;
    this.#hasContent = hasContent;
    this.#line = line;
    this.#rowLine = rowLine;
    return rows;
  }
}

/**
 * Reads CSV rows from text chunks (e.g. a file stream, or {@link decodeChunks} over its bytes).
 *
 * @example
 * for await (const { fields, line } of readCsvRows(stream, 'svar.csv')) console.log(line, fields);
 */
export async function* readCsvRows(
  chunks: AsyncIterable<string>,
  source: string,
  dialect: CsvDialect = {},
): AsyncGenerator<CsvRow> {
  const parser = new CsvRowParser(source, dialect);
  // One `yield` per row: `yield*` over an array would add an async-from-sync step to each.
  for await (const chunk of chunks) {
    for (const row of parser.write(chunk)) {
      yield row;
    }
  }
  for (const row of parser.end()) {
    yield row;
  }
}

/**
 * Parses a whole CSV text into its rows (the header row included).
 *
 * @example
 * parseCsvRows('a;b\r\n"x;\ny";2\r\n', 'svar.csv'); // [['a', 'b'], ['x;\ny', '2']]
 */
export function parseCsvRows(text: string, source: string, dialect: CsvDialect = {}): string[][] {
  const parser = new CsvRowParser(source, dialect);
  return [...parser.write(text), ...parser.end()].map((row) => row.fields);
}
