/**
 * One CSV cell, RFC 4180 quoted when needed. Cells starting with `=`, `+`, `-`, `@`, tab or CR
 * are prefixed with `'` so a spreadsheet never runs them as formulas (CSV injection).
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document (comma-separated, CRLF line ends, UTF-8 BOM so Excel reads æøå). */
export function toCsv(rows: unknown[][]): string {
  return `\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
