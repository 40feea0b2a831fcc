import { PDFDocument, StandardFonts } from 'pdf-lib';

/** Helpers for the plain-form HTTP tests: form bodies as a browser sends them, and page scraping. */

/** The value of a hidden field of a rendered page. */
export const hidden = (page: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]+)"`).exec(page)?.[1] ?? '';

/** An urlencoded form body. */
export function urlencoded(fields: [string, string][]) {
  return {
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
}

/** A multipart form body with an optional file in the `file` field. */
export function multipart(fields: [string, string][], file?: { name: string; bytes: Uint8Array }) {
  const boundary = `----plainform${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A small real PDF with one line of text. */
export async function makePdf(text: string) {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  page.drawText(text, { x: 40, y: 700, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return pdf.save();
}

/** The receipt code shown on a receipt page. */
export function receiptCodeOf(page: string) {
  return /data-testid="receipt-code">([0-9A-Z-]+)</.exec(page)?.[1];
}
