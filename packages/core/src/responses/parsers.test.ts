import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { parseCsv, readTableFile } from '../shared/tabular-file.ts';
import { csvCell, toCsv } from './csv-writer.ts';
import { segmentText, splitSentences } from './segment-text.ts';
import { decodeText, detectFileType } from '../shared/file-types.ts';
import { readZipArchive } from '../shared/zip-archive.ts';
import { extractDocumentText } from './extract-document-text.ts';

const cellText = fc.string({ unit: fc.constantFrom('a', 'æ', 'ø', 'å', ' ', ',', ';', '"', '\n', 'x', '1') });

describe(parseCsv.name, () => {
  it('reads back what toCsv writes, for any cells without a formula prefix (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            cellText.filter((text) => !/^[=+\-@\t\r]/.test(text)),
            { minLength: 2, maxLength: 4 },
          ),
          { minLength: 1, maxLength: 5 },
        ),
        (rows) => {
          const width = rows[0]!.length;
          const table = [
            Array.from({ length: width }, (_, index) => `h${index}`),
            ...rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? '')),
          ];
          const parsed = parseCsv(toCsv(table).replace(/^\ufeff/, ''));
          expect(parsed).toEqual(table);
        },
      ),
    );
  });

  it('guesses ; as the delimiter (Norwegian Excel) and keeps quoted newlines', () => {
    expect(parseCsv('a;b\r\n"x;\ny";2\r\n')).toEqual([
      ['a', 'b'],
      ['x;\ny', '2'],
    ]);
  });
});

describe(csvCell.name, () => {
  it('neutralises formula injection', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+47 22 00 00 00')).toBe("'+47 22 00 00 00");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('plain')).toBe('plain');
  });
});

describe(decodeText.name, () => {
  it('reads UTF-8 with BOM and falls back to Windows-1252 for æøå', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa6]))).toBe('hæ');
    expect(decodeText(new Uint8Array(Buffer.from('Bærum, Tromsø, Ålesund', 'latin1')))).toBe(
      'Bærum, Tromsø, Ålesund',
    );
  });
});

describe(readTableFile.name, () => {
  it('reads an XLSX sheet by content, whatever its name', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Svar');
    sheet.addRow(['actor', 'q1']);
    sheet.addRow(['Høgskolen i Østfold', 'Mer samarbeid']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const table = await readTableFile('svar.csv', bytes);
    expect(table).toEqual({
      headers: ['actor', 'q1'],
      rows: [['Høgskolen i Østfold', 'Mer samarbeid']],
      rowNumbers: [2],
    });
  });

  it('numbers each row as the spreadsheet shows it, counting empty rows (CSV and XLSX)', async () => {
    const csv = 'actor;q1\n;;\nHiØ;"To\nlinjer"\n\nNTNU;Mer\n';
    const fromCsv = await readTableFile('svar.csv', new TextEncoder().encode(csv));
    expect(fromCsv.rows.map((row) => row[0])).toEqual(['HiØ', 'NTNU']);
    expect(fromCsv.rowNumbers).toEqual([3, 5]);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Svar');
    sheet.getCell('A2').value = 'actor';
    sheet.getCell('B2').value = 'q1';
    sheet.getCell('A3').value = 'HiØ';
    sheet.getCell('A7').value = 'NTNU';
    const fromXlsx = await readTableFile('svar.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(fromXlsx.headers).toEqual(['actor', 'q1']);
    expect(fromXlsx.rowNumbers).toEqual([3, 7]);
  });

  it('refuses a workbook whose XML is broken with a typed message, not a crash', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Svar').addRow(['actor', 'q1']);
    const entries = await readZipArchive('ok.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    const workbookXml = (entries.get('xl/workbook.xml') as Buffer).toString('utf8');
    // The XML error the fuzz test found: an attribute without a value.
    entries.set('xl/workbook.xml', Buffer.from(workbookXml.replace('<sheets>', '<sheets broken>')));
    await expect(readTableFile('svar.xlsx', storedZip(entries))).rejects.toMatchObject({
      code: 'import_failed',
      message: expect.stringMatching(/svar\.xlsx.*damaged.*CSV/s),
    });
  });

  it('refuses a zip bomb before inflating it all', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('A').addRow(['x'.repeat(200_000)]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(
      readTableFile('bomb.xlsx', bytes, { maxUncompressedBytes: 50_000, maxEntries: 100 }),
    ).rejects.toMatchObject({ code: 'unsafe_archive' });
  });
});

describe(detectFileType.name, () => {
  it('tells DOCX, PDF, text and binary junk apart by content', async () => {
    const docx = new Uint8Array(
      await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Hei')] }] })),
    );
    expect(await detectFileType('x.pdf', docx)).toBe('docx');
    expect(await detectFileType('x.docx', new TextEncoder().encode('%PDF-1.4 …'))).toBe('pdf');
    expect(await detectFileType('x.exe', new TextEncoder().encode('Et brev.'))).toBe('txt');
    expect(await detectFileType('x.txt', new Uint8Array([0x4d, 0x5a, 0, 0, 1]))).toBeUndefined();
    expect(await extractDocumentText('docx', 'x.docx', docx)).toContain('Hei');
    await expect(
      readZipArchive('broken.docx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])),
    ).rejects.toMatchObject({ code: 'unsafe_archive' });
  });
});

describe(segmentText.name, () => {
  it('splits paragraphs and list items, and long paragraphs by sentence', () => {
    expect(segmentText('Innledning her.\nfortsetter.\n\n- Første punkt\n* Andre punkt\n2) Tredje')).toEqual([
      'Innledning her. fortsetter.',
      'Første punkt',
      'Andre punkt',
      'Tredje',
    ]);
    const long = Array.from(
      { length: 12 },
      (_, index) => `Setning nummer ${index + 1} handler om digitalisering i sektoren.`,
    ).join(' ');
    expect(segmentText(long)).toHaveLength(12);
    expect(splitSentences('Dr. Hansen kom. Så gikk han!')).toEqual(['Dr. Hansen kom.', 'Så gikk han!']);
  });

  it('never loses or invents a word (property)', () => {
    const word = fc.stringMatching(/^[a-zæøåA-ZÆØÅ0-9.,!?]{1,8}$/);
    const separator = fc.constantFrom(' ', '\n', '\n\n', '\n- ', '. ', '\n1. ');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, separator), { maxLength: 60 }), (parts) => {
        const text = parts.map(([w, s]) => w + s).join('');
        const words = (value: string) =>
          value
            .split(/\s+/)
            .filter((token) => token && !/^(?:[-*•–·▪●]|\d{1,3}[.)]|[a-zA-Z][.)])$/.test(token));
        expect(words(segmentText(text).join(' '))).toEqual(words(text));
      }),
    );
  });
});

/** A zip of the given entries, stored without compression (enough for a hand-made test file). */
function storedZip(entries: ReadonlyMap<string, Buffer>): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(content);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(content.length, 18);
    header.writeUInt32LE(content.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    local.push(header, nameBytes, content);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(content.length, 20);
    entry.writeUInt32LE(content.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + content.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, directory, end]));
}
