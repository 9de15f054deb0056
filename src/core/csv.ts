/**
 * CSV (RFC 4180) for exports that open safely in spreadsheets: every field is quoted when needed,
 * and a field that a spreadsheet would run as a formula (starting with = + - @, tab or carriage
 * return) is prefixed with an apostrophe, since exported traits and names are untrusted text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects took the JSON path above: only primitives reach String()
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (no line break) from a row of values. */
export function csvRow(values: readonly unknown[]): string {
  return values.map(csvField).join(',');
}

/** A whole CSV document with CRLF line breaks, header first. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [csvRow(header), ...rows.map(csvRow)].join('\r\n') + '\r\n';
}
