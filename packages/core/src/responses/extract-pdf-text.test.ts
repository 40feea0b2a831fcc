import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { extractPdfTextIsolated } from './extract-pdf-text.ts';
import { extractDocumentText } from './extract-document-text.ts';
import { TextExtractionError } from './extraction-failure.ts';
import { makeEncryptedPdf } from '../testing/index.ts';

async function makePdf(text: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage();
  page.drawText(text, { x: 50, y: 700, size: 12, font: await document.embedFont(StandardFonts.Helvetica) });
  return document.save();
}

describe(extractPdfTextIsolated.name, () => {
  it('reads a PDF in a worker thread, æøå included', async () => {
    const text = await extractPdfTextIsolated(
      await makePdf('Innspill om digital kompetanse for lærere i høyere utdanning'),
      {
        timeoutMs: 60_000,
        maxHeapMb: 256,
      },
    );
    expect(text).toContain('digital kompetanse for lærere i høyere utdanning');
  });

  it('gives up on a PDF that takes longer than the limit, with a message a person can act on', async () => {
    const failure = extractPdfTextIsolated(await makePdf('slow'), { timeoutMs: 1, maxHeapMb: 256 });
    await expect(failure).rejects.toThrow(/took longer than 0 s/);
    await expect(failure).rejects.toMatchObject({ failure: 'timed_out' });
  });

  it('says a password-protected PDF is encrypted, as a code and in English', async () => {
    const failure = extractDocumentText('pdf', 'kryptert.pdf', makeEncryptedPdf());
    await expect(failure).rejects.toBeInstanceOf(TextExtractionError);
    await expect(failure).rejects.toMatchObject({
      failure: 'encrypted',
      message: 'The PDF is encrypted (password-protected); its text cannot be read.',
    });
  });

  it('reports a damaged PDF without taking the caller down', async () => {
    const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage garbage');
    await expect(extractDocumentText('pdf', 'broken.pdf', broken)).rejects.toMatchObject({
      failure: 'damaged',
      message: 'The PDF is damaged or not a valid PDF.',
    });
  });
});
