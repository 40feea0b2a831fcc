import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CSV_DELIMITERS, CsvRowParser, parseCsvRows, type CsvDelimiter, type CsvDialect } from './csv.ts';
import { decodeText, detectTextEncoding } from './encoding.ts';
import { InputError } from './input-error.ts';

/** The analysis input's reading (strict) and the app import's (forgiving, blank lines kept). */
const DIALECTS: readonly CsvDialect[] = [
  {},
  { strayQuotes: 'text', isCarriageReturnLineEnd: true, keepsBlankLines: true },
];

/** One cell, quoted when it holds a quote, a line end, any delimiter or a BOM, or is empty. */
function writeCell(value: string): string {
  return /["\r\n,;\t\ufeff]/.test(value) || value.length === 0 ? `"${value.replace(/"/g, '""')}"` : value;
}

function writeCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter, eol: string): string {
  return rows.map((row) => row.map(writeCell).join(delimiter)).join(eol) + eol;
}

/** Rectangular tables (a header and data rows of one width) of the given cells. */
function tables(cell: fc.Arbitrary<string>): fc.Arbitrary<string[][]> {
  return fc
    .integer({ min: 1, max: 5 })
    .chain((width) =>
      fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
    );
}

function parseInChunks(text: string, size: number, dialect: CsvDialect): string[][] {
  const parser = new CsvRowParser('gen.csv', dialect);
  const rows = [];
  for (let i = 0; i < text.length; i += size) {
    rows.push(...parser.write(text.slice(i, i + size)));
  }
  rows.push(...parser.end());
  return rows.map((row) => row.fields);
}

/** Windows-1252 bytes of ASCII and the Norwegian letters (none of them a UTF-8 continuation byte). */
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

describe(CsvRowParser.name, () => {
  it('reads back any cells it is given, for each delimiter, dialect, line end and chunking (property)', () => {
    fc.assert(
      fc.property(
        tables(fc.string({ unit: 'grapheme', maxLength: 12 })),
        fc.constantFrom(...CSV_DELIMITERS),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(...DIALECTS),
        (rows, delimiter, eol, size, dialect) => {
          const text = writeCsv(rows, delimiter, eol);
          expect(parseInChunks(text, size, dialect)).toEqual(rows);
          expect(parseCsvRows(text, 'gen.csv', { ...dialect, delimiter })).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads back Windows-1252 text through the encoding detector (property)', () => {
    fc.assert(
      fc.property(
        tables(fc.stringMatching(/^[a-zA-Z0-9 ,;"\n.æøåÆØÅé]{0,12}$/)),
        fc.constantFrom(...CSV_DELIMITERS),
        fc.constantFrom(...DIALECTS),
        (rows, delimiter, dialect) => {
          const text = writeCsv(rows, delimiter, '\r\n');
          const bytes = encodeWindows1252(text);
          const isAscii = !/[^\u0000-\u007f]/.test(text);
          expect(detectTextEncoding(bytes, 'gen.csv')).toBe(isAscii ? 'utf-8' : 'windows-1252');
          expect(parseCsvRows(decodeText(bytes, 'gen.csv'), 'gen.csv', dialect)).toEqual(rows);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses stray quotes by default and keeps them as text in the forgiving dialect', () => {
    const text = 'a,b\nsa "hei",x\n"lukket"etter,"aldri lukket\n';
    expect(() => parseCsvRows(text, 's.csv')).toThrow(InputError);
    expect(parseCsvRows(text, 's.csv', { strayQuotes: 'text' })).toEqual([
      ['a', 'b'],
      ['sa "hei"', 'x'],
      ['lukketetter', 'aldri lukket\n'],
    ]);
  });

  it('skips blank lines and drops lone CRs by default; the forgiving dialect keeps both as row ends', () => {
    const text = 'a;b\n\n1;2\r3;4\n';
    expect(parseCsvRows(text, 'b.csv')).toEqual([
      ['a', 'b'],
      ['1', '23', '4'],
    ]);
    expect(parseCsvRows(text, 'b.csv', { isCarriageReturnLineEnd: true, keepsBlankLines: true })).toEqual([
      ['a', 'b'],
      [''],
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});

describe(decodeText.name, () => {
  it('refuses a file mixing UTF-8 and Windows-1252 lines by default, or reads it all as Windows-1252', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Tromsø\n'), 0x42, 0xe6, 0x72]);
    expect(() => decodeText(bytes, 'mixed.csv')).toThrow(/mixed\.csv:2: .*mixes two character encodings/);
    expect(decodeText(bytes, 'mixed.csv', { mixed: 'windows-1252' })).toBe('TromsÃ¸\nBær');
  });
});
