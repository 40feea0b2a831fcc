import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { DomainError } from '../shared/domain-error.ts';
import { readTableFile } from '../shared/tabular-file.ts';

/** Fuzz cases run in this file (printed so the run shows them; issue 6 reports the total). */
let fuzzCases = 0;
const runs = (numRuns: number) => {
  fuzzCases += numRuns;
  return { numRuns };
};

/** A file either reads as a table or is refused with a typed error; it never crashes the import. */
async function readsOrRefuses(fileName: string, bytes: Uint8Array) {
  try {
    const table = await readTableFile(fileName, bytes, { maxUncompressedBytes: 2_000_000, maxEntries: 200 });
    expect(Array.isArray(table.headers)).toBe(true);
    expect(Array.isArray(table.rows)).toBe(true);
  } catch (error) {
    if (!(error instanceof DomainError)) {
      throw new Error(`untyped failure for ${fileName}: ${String(error)}`, { cause: error });
    }
  }
}

async function sampleWorkbook() {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Svar');
  sheet.addRow(['actor', 'organisation_number', 'q1', 'q2']);
  for (let index = 0; index < 20; index += 1) {
    sheet.addRow([`Organisasjon ${index}`, '974760673', `Svar ${index}`, index]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe(`${readTableFile.name} (fuzz)`, () => {
  it('never crashes on random bytes, whatever the file is called', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom('svar.csv', 'svar.xlsx', 'svar', 'svar.txt'),
        async (bytes, fileName) => readsOrRefuses(fileName, bytes),
      ),
      runs(300),
    );
  });

  it('never crashes on random bytes behind a ZIP signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (tail) => {
        const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]);
        await readsOrRefuses('svar.xlsx', bytes);
      }),
      runs(200),
    );
  });

  it('refuses or reads a truncated or corrupted XLSX, never crashes', async () => {
    const workbook = await sampleWorkbook();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: workbook.length }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        async (cut, flips) => {
          const bytes = workbook.slice(0, cut);
          for (const [position, value] of flips) if (bytes.length > 0) bytes[position % bytes.length] = value;
          await readsOrRefuses('svar.xlsx', bytes);
        },
      ),
      runs(200),
    );
  });

  it('reads any CSV text without crashing (random unicode, quotes, delimiters)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 2000 }), async (text) =>
        readsOrRefuses('svar.csv', new TextEncoder().encode(text)),
      ),
      runs(300),
    );
    console.log(`tabular-file fuzz: ${fuzzCases} cases`);
  });
});
