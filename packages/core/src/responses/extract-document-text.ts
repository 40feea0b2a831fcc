import mammoth from 'mammoth';
import { decodeText, type DocumentType } from '../shared/file-types.ts';
import { readZipArchive, type ZipLimits } from '../shared/zip-archive.ts';
import { extractPdfTextIsolated, defaultPdfLimits, type PdfLimits } from './extract-pdf-text.ts';
import { TextExtractionError } from './extraction-failure.ts';

/**
 * Extracts the plain text of a PDF, DOCX, ODT or TXT document. Throws a `TextExtractionError`
 * (code and English message) for encrypted or broken files, or `UnsafeArchiveError` for a broken
 * zip container; the caller records why and keeps the file.
 */
export async function extractDocumentText(
  type: DocumentType,
  fileName: string,
  bytes: Uint8Array,
  zipLimits?: ZipLimits,
  pdfLimits: PdfLimits = defaultPdfLimits,
): Promise<string> {
  switch (type) {
    case 'txt':
      return decodeText(bytes);
    case 'pdf':
      return extractPdfTextIsolated(bytes, pdfLimits);
    case 'docx': {
      await readZipArchive(fileName, bytes, zipLimits);
      try {
        const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
        return result.value;
      } catch (error) {
        // mammoth throws plain errors ("Could not find main document part…") for a broken DOCX.
        throw new TextExtractionError('damaged', `The DOCX file is damaged: ${(error as Error).message}`);
      }
    }
    case 'odt': {
      const entries = await readZipArchive(fileName, bytes, zipLimits);
      const content = entries.get('content.xml');
      if (!content) throw new TextExtractionError('damaged', 'The ODT file has no content.');
      return odtXmlToText(content.toString('utf8'));
    }
  }
}

/** Paragraphs and headings of an ODF content.xml as text, one per line, with entities decoded. */
export function odtXmlToText(xml: string): string {
  return xml
    .replace(/<text:(?:p|h)\b[^>]*\/>/g, '\n')
    .replace(/<\/text:(?:p|h)>/g, '\n\n')
    .replace(/<text:line-break\/>/g, '\n')
    .replace(/<text:tab\/>/g, '\t')
    .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_match, spaces: string | undefined) =>
      ' '.repeat(Number(spaces ?? 1)),
    )
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
