/**
 * Which character encoding an input file is in. Spreadsheet exports in Norway are UTF-8, or (from
 * older Excel, "CSV (semikolondelt)") Windows-1252, where æ, ø and å are single bytes that are not
 * UTF-8. The app's response import reads both (`packages/core/src/responses/file-types.ts`); the
 * analysis input does the same, but refuses a file that mixes the two, since no single reading of
 * it keeps every line's letters.
 * @module
 */
import { isUtf8 as isUtf8Bytes } from 'node:buffer';
import { InputError } from './readers.ts';

/** The encodings input files are read in. */
export type InputEncoding = 'utf-8' | 'windows-1252';

const NEWLINE = 10;

/**
 * Says how to decode a file's bytes: UTF-8 when every byte sequence is UTF-8, Windows-1252 when no
 * line with letters outside ASCII is UTF-8. A file with both (UTF-8 lines and lines that are not
 * UTF-8) is an {@link InputError} naming the first line that is not. `open` gives the bytes afresh
 * each time: a UTF-8 file is read once, by the native decoder; any other is read a second time,
 * line by line.
 *
 * @example
 * const encoding = await detectEncoding(() => createReadStream('svar.csv'), 'svar.csv'); // 'windows-1252'
 */
export async function detectEncoding(
  open: () => AsyncIterable<Uint8Array>,
  source: string,
): Promise<InputEncoding> {
  if (await isUtf8(open())) {
    return 'utf-8';
  }
  const strict = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let pending: Uint8Array[] = [];
  let utf8Lines = 0;
  let firstInvalidLine: number | undefined;
  const checkLine = (bytes: Uint8Array): void => {
    if (!hasHighByte(bytes)) {
      return;
    }
    try {
      strict.decode(bytes);
      utf8Lines++;
    } catch {
      firstInvalidLine ??= line;
    }
  };
  for await (const chunk of open()) {
    let position = 0;
    for (let newline = chunk.indexOf(NEWLINE); newline >= 0; newline = chunk.indexOf(NEWLINE, position)) {
      pending.push(chunk.subarray(position, newline));
      checkLine(concat(pending));
      pending = [];
      line++;
      position = newline + 1;
    }
    if (position < chunk.length) {
      pending.push(chunk.subarray(position));
    }
  }
  if (pending.length > 0) {
    checkLine(concat(pending));
  }
  if (utf8Lines === 0) {
    return 'windows-1252';
  }
  throw new InputError(
    'encoding',
    source,
    firstInvalidLine,
    'this line is not UTF-8 text, while other lines are: the file mixes two character encodings. ' +
      'Save it again as UTF-8 (in Excel: "CSV UTF-8") and check the letters æ, ø and å on this line.',
  );
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
