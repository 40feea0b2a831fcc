/**
 * Streaming readers for JSONL and CSV input (`id`, `text`, optional `language`, `labels`). They
 * take text chunks (an `AsyncIterable<string>`, e.g. a file stream with utf-8 encoding), so the
 * library itself does no I/O. Every problem is an {@link InputError} naming the source and line.
 */
import type { Language } from '../tokenize/index.ts';
import { readCsvRows } from './csv.ts';
import { InputError } from './input-error.ts';

/** One input text. */
export interface InputRecord {
  readonly id: string;
  readonly text: string;
  /** Given language, when valid; otherwise detected. */
  readonly language?: Language;
  /** Coded themes (empty or absent = uncoded). */
  readonly labels?: readonly string[];
  /** 1-based line where the record starts. */
  readonly line: number;
}

export { InputError, type InputErrorCode } from './input-error.ts';

/** Limits applied while reading. */
export interface ReaderOptions {
  /** Longest accepted text in characters (default 1,000,000). */
  readonly maxTextLength?: number;
}

const LANGUAGES: ReadonlySet<string> = new Set(['nb', 'nn', 'en', 'und']);
const DEFAULT_MAX_TEXT = 1_000_000;

/** The characters {@link looksBinary} counts (control characters but tab/newlines, U+FFFD, NUL). */
const SUSPECT_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/;

function looksBinary(text: string): boolean {
  if (!SUSPECT_CHARACTER.test(text)) {
    return false; // the common case, decided by one native scan
  }
  if (text.includes('\u0000')) {
    return true;
  }
  let bad = 0;
  const sample = text.length > 4096 ? text.slice(0, 4096) : text;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13)) {
      bad++;
    }
  }
  return sample.length >= 8 && bad / sample.length > 0.1;
}

function parseLanguage(value: unknown): Language | undefined {
  return typeof value === 'string' && LANGUAGES.has(value) ? (value as Language) : undefined;
}

function splitLabels(value: string): string[] {
  return value
    .split('|')
    .map((label) => label.trim())
    .filter((label) => label.length > 0);
}

function checkText(text: string, source: string, line: number, options: ReaderOptions): void {
  const max = options.maxTextLength ?? DEFAULT_MAX_TEXT;
  if (text.length > max) {
    throw new InputError(
      'too-long',
      source,
      line,
      `text is ${text.length.toLocaleString('en')} characters; the limit is ${max.toLocaleString('en')}`,
    );
  }
  if (looksBinary(text)) {
    throw new InputError(
      'binary',
      source,
      line,
      'text contains binary data (NUL or control bytes); is this a text file?',
    );
  }
}

/**
 * Parses one JSON Lines line into a record (`undefined` for a blank line).
 *
 * @example
 * parseJsonlLine('{"id": 1, "text": "Skolen må bestå"}', 1, 'input.jsonl'); // { id: '1', text: 'Skolen må bestå', line: 1 }
 */
export function parseJsonlLine(
  raw: string,
  line: number,
  source: string,
  options: ReaderOptions = {},
): InputRecord | undefined {
  const trimmed = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1).trim() : raw.trim();
  if (trimmed.length === 0) {
    return undefined;
  }
  if (looksBinary(trimmed)) {
    throw new InputError('binary', source, line, 'line contains binary data; expected JSON Lines text');
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    throw new InputError(
      'malformed-json',
      source,
      line,
      `malformed JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('not-an-object', source, line, 'expected a JSON object per line');
  }
  const object = value as Record<string, unknown>;
  const text = object['text'];
  if (typeof text !== 'string') {
    throw new InputError('missing-text', source, line, 'the object has no "text" string');
  }
  checkText(text, source, line, options);
  const rawId = object['id'];
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : String(line);
  const rawLabels = object['labels'];
  let labels: string[] | undefined;
  if (Array.isArray(rawLabels)) {
    if (!rawLabels.every((l): l is string | number => typeof l === 'string' || typeof l === 'number')) {
      throw new InputError('bad-labels', source, line, '"labels" must be an array of strings');
    }
    labels = rawLabels.map((l) => String(l).trim()).filter((l) => l.length > 0);
  } else if (typeof rawLabels === 'string') {
    labels = splitLabels(rawLabels);
  } else if (rawLabels !== undefined && rawLabels !== null) {
    throw new InputError(
      'bad-labels',
      source,
      line,
      '"labels" must be an array of strings or a "|"-separated string',
    );
  }
  const language = parseLanguage(object['language']);
  return { id, text, line, ...(language ? { language } : {}), ...(labels ? { labels } : {}) };
}

/**
 * Reads JSON Lines: one object per line with `text` (string), optional `id` (string or number;
 * default: the line number), `language` and `labels` (array of strings or a `|`-separated string).
 * Blank lines are skipped.
 *
 * @example
 * for await (const record of readJsonl(stream, 'input.jsonl')) console.log(record.id, record.text);
 */
export async function* readJsonl(
  chunks: AsyncIterable<string>,
  source: string,
  options: ReaderOptions = {},
): AsyncGenerator<InputRecord> {
  let count = 0;
  let buffer = '';
  let line = 0;
  // Lines are cut here, not by a generator of their own: one asynchronous step per record, not two.
  for await (const chunk of chunks) {
    buffer += chunk;
    let start = 0;
    let newline = buffer.indexOf('\n', start);
    while (newline >= 0) {
      line++;
      const end = newline > start && buffer.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      const record = parseJsonlLine(buffer.slice(start, end), line, source, options);
      if (record) {
        count++;
        yield record;
      }
      start = newline + 1;
      newline = buffer.indexOf('\n', start);
    }
    buffer = buffer.slice(start);
  }
  if (buffer.length > 0) {
    line++;
    const record = parseJsonlLine(
      buffer.endsWith('\r') ? buffer.slice(0, -1) : buffer,
      line,
      source,
      options,
    );
    if (record) {
      count++;
      yield record;
    }
  }
  if (count === 0) {
    throw new InputError('empty', source, undefined, 'no records (the file is empty)');
  }
}

const NEWLINE = 10;

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) {
    return parts[0] as Uint8Array;
  }
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Reads only the given 1-based lines of a JSON Lines file from its raw bytes: lines are counted
 * on the bytes and only the wanted ones are decoded and parsed, so fetching a few texts again from
 * a large file costs a scan, not a parse. Lines are numbered as {@link readJsonl} numbers them.
 *
 * @example
 * for await (const record of readJsonlLines(createReadStream('input.jsonl'), 'input.jsonl', new Set([3, 10]))) …
 */
export async function* readJsonlLines(
  chunks: AsyncIterable<Uint8Array>,
  source: string,
  lineNumbers: ReadonlySet<number>,
  options: ReaderOptions = {},
): AsyncGenerator<InputRecord> {
  let last = 0;
  for (const line of lineNumbers) {
    last = Math.max(last, line);
  }
  if (last === 0) {
    return;
  }
  const decoder = new TextDecoder('utf-8');
  let line = 1;
  let pending: Uint8Array[] = [];
  const finish = (): InputRecord | undefined => {
    const raw = decoder.decode(concatBytes(pending));
    pending = [];
    return parseJsonlLine(raw.endsWith('\r') ? raw.slice(0, -1) : raw, line, source, options);
  };
  for await (const chunk of chunks) {
    let position = 0;
    while (position <= chunk.length) {
      const newline = chunk.indexOf(NEWLINE, position);
      const isWanted = lineNumbers.has(line);
      if (newline < 0) {
        if (isWanted && position < chunk.length) {
          pending.push(chunk.subarray(position));
        }
        break;
      }
      if (isWanted) {
        pending.push(chunk.subarray(position, newline));
        const record = finish();
        if (record) {
          yield record;
        }
      }
      if (line >= last) {
        return;
      }
      line++;
      position = newline + 1;
    }
  }
  if (lineNumbers.has(line) && pending.length > 0) {
    const record = finish();
    if (record) {
      yield record;
    }
  }
}

/**
 * Reads CSV (RFC 4180: quoted fields, `""` escapes, CRLF or LF) with a header row; the delimiter
 * (`,`, `;` or tab) is guessed from the header ({@link guessCsvDelimiter}). Needs a `text`
 * column; `id` (default: the line number), `language` and `labels` (`|`-separated) are optional.
 *
 * @example
 * for await (const record of readCsv(stream, 'input.csv')) console.log(record.id, record.labels);
 */
export async function* readCsv(
  chunks: AsyncIterable<string>,
  source: string,
  options: ReaderOptions = {},
): AsyncGenerator<InputRecord> {
  let header: string[] | undefined;
  let textColumn = -1;
  let idColumn = -1;
  let languageColumn = -1;
  let labelsColumn = -1;
  let count = 0;
  for await (const { fields, line } of readCsvRows(chunks, source)) {
    if (!header) {
      header = fields.map((name) => name.trim().toLowerCase());
      if (header.some((name) => looksBinary(name))) {
        throw new InputError('binary', source, line, 'header contains binary data; is this a CSV file?');
      }
      textColumn = header.indexOf('text');
      if (textColumn < 0) {
        throw new InputError(
          'missing-column',
          source,
          line,
          `no "text" column in the header (found: ${header.slice(0, 10).join(', ') || 'nothing'})`,
        );
      }
      idColumn = header.indexOf('id');
      languageColumn = header.indexOf('language');
      labelsColumn = header.indexOf('labels');
      continue;
    }
    if (fields.length !== header.length) {
      throw new InputError(
        'malformed-csv',
        source,
        line,
        `expected ${header.length} fields, found ${fields.length}`,
      );
    }
    const text = fields[textColumn] as string;
    checkText(text, source, line, options);
    const id =
      idColumn >= 0 && (fields[idColumn] ?? '').length > 0 ? (fields[idColumn] as string) : String(line);
    const language = languageColumn >= 0 ? parseLanguage((fields[languageColumn] ?? '').trim()) : undefined;
    const labels = labelsColumn >= 0 ? splitLabels(fields[labelsColumn] ?? '') : undefined;
    count++;
    yield { id, text, line, ...(language ? { language } : {}), ...(labels ? { labels } : {}) };
  }
  if (!header) {
    throw new InputError('empty', source, undefined, 'no records (the file is empty)');
  }
  if (count === 0) {
    throw new InputError('empty', source, undefined, 'no records after the header');
  }
}

/** Whether a file name is read as CSV (`.csv`, `.tsv`) rather than JSON Lines. */
export function isCsvName(source: string): boolean {
  return /\.(csv|tsv)$/i.test(source);
}

/**
 * Picks the reader by file name: `.csv` or `.tsv` → CSV, anything else → JSON Lines.
 *
 * @example
 * const records = readRecords(stream, 'answers.csv');
 */
export function readRecords(
  chunks: AsyncIterable<string>,
  source: string,
  options: ReaderOptions = {},
): AsyncGenerator<InputRecord> {
  return isCsvName(source) ? readCsv(chunks, source, options) : readJsonl(chunks, source, options);
}
