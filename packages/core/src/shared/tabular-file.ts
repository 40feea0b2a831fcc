import { parseCsvRows, type CsvDialect } from '@innspill/text-analysis';
import ExcelJS from 'exceljs';
import { decodeText, detectFileType } from './file-types.ts';
import { ImportFailedError, UnsupportedFileTypeError } from './file-format.errors.ts';
import type { ZipLimits } from './zip-archive.ts';

export interface Table {
  /** Header cells as written, trimmed. */
  headers: string[];
  /** Data rows (header excluded), each as long as the longest row; empty rows dropped. */
  rows: string[][];
  /**
   * Each data row's number as a spreadsheet shows it (1-based, the header row counted, empty rows
   * too), so a message about a row points at the row the user sees.
   */
  rowNumbers: number[];
}

/**
 * Parses CSV text (RFC 4180 quoting; the delimiter `,`, `;` or tab is guessed from the header
 * line, as Norwegian Excel writes `;`) with the engine's CSV reader. Returns all rows including the
 * header, blank lines as `['']` (so row i is spreadsheet row i + 1). Read as a spreadsheet reads
 * it: a stray or unclosed quote is text, and a lone CR ends a row.
 */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text, 'CSV file', SPREADSHEET_CSV);
}

/** How the import reads CSV: forgiving, as Excel and LibreOffice are. */
const SPREADSHEET_CSV: CsvDialect = {
  strayQuotes: 'text',
  isCarriageReturnLineEnd: true,
  keepsBlankLines: true,
};

/** A table from all rows of a file (row i is spreadsheet row i + 1): the first non-empty row is the header. */
function toTable(allRows: string[][]): Table {
  const nonEmpty = allRows.flatMap((row, index) =>
    row.some((cell) => cell.trim() !== '') ? [{ row, rowNumber: index + 1 }] : [],
  );
  const [header, ...dataRows] = nonEmpty;
  const headerCells = header?.row ?? [];
  const width = Math.max(headerCells.length, ...dataRows.map(({ row }) => row.length));
  const pad = (row: string[]) => Array.from({ length: width }, (_, index) => row[index] ?? '');
  return {
    headers: pad(headerCells).map((cell) => cell.trim()),
    rows: dataRows.map(({ row }) => pad(row)),
    rowNumbers: dataRows.map(({ rowNumber }) => rowNumber),
  };
}

/**
 * Reads the first sheet of an XLSX workbook as text cells (numbers, dates and formula results as shown).
 * A workbook whose parts do not parse (broken XML inside a sound zip) is refused with a message.
 */
async function readXlsx(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportFailedError(
      `"${fileName}" is a damaged XLSX workbook and cannot be read (${(error as Error).message}). ` +
        'Open it in Excel or LibreOffice and save it again, or save it as CSV.',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(row.getCell(column).text ?? '');
    // Placed by its number, so rows missing from the sheet's XML still count.
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  });
  return rows;
}

/**
 * Reads a CSV (UTF-8 or Windows-1252) or XLSX file into a table, checking the type by content.
 * XLSX files are inflated under the zip cap first.
 */
export async function readTableFile(
  fileName: string,
  bytes: Uint8Array,
  zipLimits?: ZipLimits,
): Promise<Table> {
  const type = await detectFileType(fileName, bytes, zipLimits);
  if (type === 'xlsx') return toTable(await readXlsx(fileName, bytes));
  if (type === 'txt') return toTable(parseCsv(decodeText(bytes)));
  throw new UnsupportedFileTypeError(fileName, 'CSV or XLSX');
}
