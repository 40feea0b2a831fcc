import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeChunks, detectEncoding } from './encoding.ts';
import { InputError, readCsv } from './readers.ts';

/** Windows-1252 bytes of the few non-ASCII letters the generated texts use. */
const WINDOWS_1252: Readonly<Record<string, number>> = {
  æ: 0xe6,
  ø: 0xf8,
  å: 0xe5,
  Æ: 0xc6,
  Ø: 0xd8,
  Å: 0xc5,
  é: 0xe9,
};

function encodeWindows1252(text: string): Uint8Array {
  return Uint8Array.from(Array.from(text), (ch) => WINDOWS_1252[ch] ?? ch.charCodeAt(0));
}

function chunksOf(bytes: Uint8Array, size: number): () => AsyncIterable<Uint8Array> {
  return async function* () {
    for (let i = 0; i < bytes.length; i += size) {
      yield bytes.subarray(i, i + size);
    }
  };
}

async function decodeAll(bytes: Uint8Array, size: number, encoding: 'utf-8' | 'windows-1252') {
  let text = '';
  for await (const part of decodeChunks(chunksOf(bytes, size)(), encoding)) {
    text += part;
  }
  return text;
}

/** Lines of ASCII letters, spaces and Norwegian letters; at least one letter outside ASCII. */
const norwegianLines = fc
  .array(fc.stringMatching(/^[a-zA-Z ,.æøåÆØÅé]{1,30}$/), { minLength: 1, maxLength: 8 })
  .filter((lines) => lines.some((line) => /[æøåÆØÅé]/.test(line)));

describe('detectEncoding', () => {
  it('reads any UTF-8 text as UTF-8 and decodes it unchanged, however the bytes are split', async () => {
    await fc.assert(
      fc.asyncProperty(
        // (a leading byte-order mark is dropped when decoding, as it should be)
        fc.string({ unit: 'grapheme', maxLength: 80 }).filter((text) => !text.startsWith('\ufeff')),
        fc.integer({ min: 1, max: 9 }),
        async (text, size) => {
          const bytes = new TextEncoder().encode(text);
          expect(await detectEncoding(chunksOf(bytes, size), 'x.csv')).toBe('utf-8');
          expect(await decodeAll(bytes, size, 'utf-8')).toBe(text);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads Windows-1252 (older Excel CSV) as Windows-1252, keeping æ, ø and å', async () => {
    await fc.assert(
      fc.asyncProperty(norwegianLines, fc.integer({ min: 1, max: 9 }), async (lines, size) => {
        const text = `${lines.join('\r\n')}\r\n`;
        const bytes = encodeWindows1252(text);
        expect(await detectEncoding(chunksOf(bytes, size), 'x.csv')).toBe('windows-1252');
        expect(await decodeAll(bytes, size, 'windows-1252')).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a file that mixes UTF-8 and Windows-1252 lines, naming the first line that is not UTF-8', async () => {
    await fc.assert(
      fc.asyncProperty(
        norwegianLines,
        fc.nat({ max: 5 }),
        fc.integer({ min: 1, max: 9 }),
        async (lines, asciiLines, size) => {
          // ASCII lines first, then a UTF-8 line with æøå, then the Windows-1252 lines.
          const utf8 = new TextEncoder().encode(`${'plain text\n'.repeat(asciiLines)}Blåbær\n`);
          const windows = encodeWindows1252(`${lines.join('\n')}\n`);
          const bytes = new Uint8Array(utf8.length + windows.length);
          bytes.set(utf8);
          bytes.set(windows, utf8.length);
          const firstWindowsLine = asciiLines + 2 + lines.findIndex((line) => /[æøåÆØÅé]/.test(line));
          const error = await detectEncoding(chunksOf(bytes, size), 'mixed.csv').catch(
            (caught: unknown) => caught,
          );
          expect(error).toBeInstanceOf(InputError);
          expect(error).toMatchObject({ code: 'encoding', line: firstWindowsLine });
          expect((error as Error).message).toMatch(new RegExp(`^mixed\\.csv:${firstWindowsLine}: .*UTF-8`));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('takes ASCII as UTF-8 and an empty file as UTF-8', async () => {
    expect(await detectEncoding(chunksOf(new TextEncoder().encode('id,text\n1,hei\n'), 4), 'a.csv')).toBe(
      'utf-8',
    );
    expect(await detectEncoding(chunksOf(new Uint8Array(0), 4), 'e.csv')).toBe('utf-8');
  });

  it('passes on a read error instead of taking it for another encoding', async () => {
    const failing = () =>
      (async function* () {
        yield new Uint8Array([0x61]);
        throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
      })();
    await expect(detectEncoding(failing, 'broken.csv')).rejects.toThrow('EIO');
  });

  it('lets a Windows-1252 semicolon CSV be read record by record', async () => {
    const bytes = encodeWindows1252('id;text\r\n1;Vi må få bedre skoleveier\r\n2;Æ og Ø\r\n');
    const encoding = await detectEncoding(chunksOf(bytes, 5), 'gammel.csv');
    const records = [];
    for await (const record of readCsv(decodeChunks(chunksOf(bytes, 5)(), encoding), 'gammel.csv')) {
      records.push([record.id, record.text]);
    }
    expect(records).toEqual([
      ['1', 'Vi må få bedre skoleveier'],
      ['2', 'Æ og Ø'],
    ]);
  });
});
