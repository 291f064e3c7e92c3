/**
 * CSV for the audit log export: RFC 4180 fields (quoted when they hold a comma, quote, CR or
 * LF; quotes doubled; CRLF line ends) with the spreadsheet formula-injection guard — a field
 * starting with = + - @ TAB or CR is prefixed with an apostrophe (OWASP "CSV Injection"), since
 * details carry text other people typed (names, references, reasons).
 * (Kept small and local; the reports' CSV export has its own — the two can be merged.)
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvRow(values: readonly string[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
