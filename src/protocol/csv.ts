/**
 * Writing CSV (RFC 4180: comma-separated, CRLF line ends, quotes only where needed). Pure, so the app,
 * tests and the server write files the same way. Reading is `parseCsv` in oneroster.ts.
 */

export interface CsvOptions {
  /**
   * Prefix text a spreadsheet would run as a formula (=, +, -, @, tab, CR) with an apostrophe. On for files
   * people open in a spreadsheet; off for machine exchange (OneRoster), where the value must stay exact.
   */
  readonly defuse?: boolean;
}

/** One field: quoted when it holds a comma, quote or line break; formula-looking text defused by default. */
export function csvField(value: string, options: CsvOptions = {}): string {
  const safe = options.defuse !== false && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text, each line ending in CRLF (the last one too). */
export function toCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  return rows.map((row) => row.map((value) => csvField(value, options)).join(',') + '\r\n').join('');
}

/** The byte-order mark spreadsheets (Excel) need to read a CSV file as UTF-8. */
export const UTF8_BOM = '\ufeff';
