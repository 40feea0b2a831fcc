/**
 * Which character encoding an input file is in. Spreadsheet exports in Norway are UTF-8, or (from
 * older Excel, "CSV (semikolondelt)") Windows-1252, where æ, ø and å are single bytes that are not
 * UTF-8. This is the project's one encoding detector: the analysis input (`innspill analyze`) refuses
 * a file that mixes the two, since no single reading of it keeps every line's letters; the app's
 * imports (`packages/core/src/responses/file-types.ts`) read such a file as Windows-1252.
 * @module
 */
import { isUtf8 as isUtf8Bytes } from 'node:buffer';
import { InputError } from './input-error.ts';

/** The encodings input files are read in. */
export type InputEncoding = 'utf-8' | 'windows-1252';

const NEWLINE = 10;

/** How a file that mixes UTF-8 lines with lines that are not UTF-8 is read. */
export interface EncodingOptions {
  /**
   * `'refuse'` (default): an {@link InputError} (`encoding`) naming the first line that is not
   * UTF-8, as the analysis input does; `'windows-1252'`: the whole file is read as Windows-1252,
   * as the app's import always has (a UTF-8 line's æ then reads as "Ã¦").
   */
  readonly mixed?: 'refuse' | 'windows-1252';
}

/**
 * Says how to decode a file's bytes: UTF-8 when every byte sequence is UTF-8, Windows-1252 when no
 * line with letters outside ASCII is UTF-8. A file with both (UTF-8 lines and lines that are not
 * UTF-8) is an {@link InputError} naming the first line that is not (unless `options.mixed` says
 * otherwise). `open` gives the bytes afresh each time: a UTF-8 file is read once, by the native
 * decoder; any other is read a second time, line by line.
 *
 * @example
 * const encoding = await detectEncoding(() => createReadStream('svar.csv'), 'svar.csv'); // 'windows-1252'
 */
export async function detectEncoding(
  open: () => AsyncIterable<Uint8Array>,
  source: string,
  options: EncodingOptions = {},
): Promise<InputEncoding> {
  if (await isUtf8(open())) {
    return 'utf-8';
  }
  if (options.mixed === 'windows-1252') {
    return 'windows-1252';
  }
  const scan = new LineScan(source);
  for await (const chunk of open()) {
    scan.push(chunk);
  }
  return scan.finish();
}

/**
 * {@link detectEncoding} for bytes already in memory (an uploaded file).
 *
 * @example
 * detectTextEncoding(new Uint8Array([0x42, 0xe6, 0x72]), 'svar.csv'); // 'windows-1252'
 */
export function detectTextEncoding(
  bytes: Uint8Array,
  source: string,
  options: EncodingOptions = {},
): InputEncoding {
  if (isUtf8Bytes(bytes)) {
    return 'utf-8';
  }
  if (options.mixed === 'windows-1252') {
    return 'windows-1252';
  }
  const scan = new LineScan(source);
  scan.push(bytes);
  return scan.finish();
}

/**
 * Decodes a whole file's bytes as text in the encoding {@link detectTextEncoding} finds; a UTF-8
 * byte-order mark is dropped whichever it is.
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa6]), 'brev.txt'); // 'hæ'
 */
export function decodeText(bytes: Uint8Array, source: string, options: EncodingOptions = {}): string {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const view = hasBom ? bytes.subarray(3) : bytes;
  return new TextDecoder(detectTextEncoding(view, source, options)).decode(view);
}

/**
 * Checks a file line by line (lines with bytes above ASCII only): no UTF-8 line → Windows-1252;
 * UTF-8 lines next to lines that are not → the mixed-encoding refusal.
 */
class LineScan {
  readonly #source: string;
  readonly #strict = new TextDecoder('utf-8', { fatal: true });
  #line = 1;
  #pending: Uint8Array[] = [];
  #utf8Lines = 0;
  #firstInvalidLine: number | undefined;

  constructor(source: string) {
    this.#source = source;
  }

  push(chunk: Uint8Array): void {
    let position = 0;
    for (let newline = chunk.indexOf(NEWLINE); newline >= 0; newline = chunk.indexOf(NEWLINE, position)) {
      this.#pending.push(chunk.subarray(position, newline));
      this.#checkLine(concat(this.#pending));
      this.#pending = [];
      this.#line++;
      position = newline + 1;
    }
    if (position < chunk.length) {
      this.#pending.push(chunk.subarray(position));
    }
  }

  finish(): InputEncoding {
    if (this.#pending.length > 0) {
      this.#checkLine(concat(this.#pending));
      this.#pending = [];
    }
    if (this.#utf8Lines === 0) {
      return 'windows-1252';
    }
    throw new InputError(
      'encoding',
      this.#source,
      this.#firstInvalidLine,
      'this line is not UTF-8 text, while other lines are: the file mixes two character encodings. ' +
        'Save it again as UTF-8 (in Excel: "CSV UTF-8") and check the letters æ, ø and å on this line.',
    );
  }

  #checkLine(bytes: Uint8Array): void {
    if (!hasHighByte(bytes)) {
      return;
    }
    try {
      this.#strict.decode(bytes);
      this.#utf8Lines++;
    } catch {
      this.#firstInvalidLine ??= this.#line;
    }
  }
}

/** Whether the bytes are UTF-8, by Node's validator (no text is decoded), chunk by chunk. */
async function isUtf8(chunks: AsyncIterable<Uint8Array>): Promise<boolean> {
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    const bytes = carry.length > 0 ? concat([carry, chunk]) : chunk;
    const end = completeLength(bytes);
    if (!isUtf8Bytes(bytes.subarray(0, end))) {
      return false;
    }
    carry = bytes.slice(end);
  }
  return isUtf8Bytes(carry);
}

/**
 * Where the last whole UTF-8 sequence of the bytes ends: a sequence cut off by the chunk's end
 * waits for the next chunk.
 */
function completeLength(bytes: Uint8Array): number {
  let lead = bytes.length - 1;
  while (lead >= 0 && bytes.length - lead <= 3 && ((bytes[lead] as number) & 0xc0) === 0x80) {
    lead--;
  }
  if (lead < 0) {
    return bytes.length;
  }
  const first = bytes[lead] as number;
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return bytes.length - lead >= length ? bytes.length : lead;
}

/**
 * Decodes byte chunks as text in the given encoding (a byte sequence split between two chunks is
 * kept whole; a UTF-8 byte-order mark is dropped).
 *
 * @example
 * readCsv(decodeChunks(createReadStream('svar.csv'), 'windows-1252'), 'svar.csv');
 */
export async function* decodeChunks(
  chunks: AsyncIterable<Uint8Array>,
  encoding: InputEncoding,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) {
      yield text;
    }
  }
  const rest = decoder.decode();
  if (rest.length > 0) {
    yield rest;
  }
}

function hasHighByte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] as number) >= 0x80) {
      return true;
    }
  }
  return false;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
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
