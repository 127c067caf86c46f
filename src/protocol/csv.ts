/**
 * CSV both ways (RFC 4180: comma-separated, CRLF line ends, quotes only where needed). Pure, so the app,
 * tests and the server read and write files the same way.
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

export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  /** The line on which the unterminated quoted field starts. */
  constructor(readonly line: number) {
    super(`a quoted field starting on line ${line} never ends`);
  }
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  const input = text.replace(/^\ufeff/, '');
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line += 1;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line += 1;
    } else field += c;
  }
  if (quoted) throw new CsvSyntaxError(quoteLine);
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}
