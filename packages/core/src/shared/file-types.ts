import { decodeText as decodeTextAs } from '@innspill/text-analysis';
import { isZip, readZipArchive, type ZipLimits } from './zip-archive.ts';

export type DocumentType = 'pdf' | 'docx' | 'odt' | 'txt';
export type SpreadsheetType = 'xlsx' | 'csv';

export const mediaTypes: Record<DocumentType | SpreadsheetType | 'zip', string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
};

/**
 * Says what a file is by its content (magic bytes and, for zip containers, their entries), never by
 * its name. Zip containers are fully inflated under the cap first, so a zip bomb is refused here.
 * Returns undefined for anything else (images, executables, binary junk).
 */
export async function detectFileType(
  fileName: string,
  bytes: Uint8Array,
  zipLimits?: ZipLimits,
): Promise<DocumentType | 'xlsx' | 'zip' | undefined> {
  if (bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return 'pdf';
  if (isZip(bytes)) {
    const entries = await readZipArchive(fileName, bytes, zipLimits);
    if (entries.has('word/document.xml')) return 'docx';
    if (entries.has('xl/workbook.xml')) return 'xlsx';
    if (entries.get('mimetype')?.toString('ascii').trim() === 'application/vnd.oasis.opendocument.text') {
      return 'odt';
    }
    return 'zip';
  }
  return looksLikeText(bytes) ? 'txt' : undefined;
}

/** Plain text: no NUL bytes and few control characters, in UTF-8 or Windows-1252. */
export function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls += 1;
  }
  return controls <= sample.length / 100;
}

/**
 * Decodes text files: UTF-8 (BOM stripped) when valid, otherwise Windows-1252 (old Excel CSVs with
 * æøå), by the engine's detector. A file mixing the two is read as Windows-1252, as the import always
 * has (the analysis input refuses it instead).
 */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextAs(bytes, 'text file', { mixed: 'windows-1252' });
}
