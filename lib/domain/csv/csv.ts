/**
 * CSV as RFC 4180 writes it, for the exports (time entries, reports, invoices). No CSV library
 * is installed, and writing is small: a field with a comma, a double quote, CR or LF is quoted,
 * its quotes doubled; records end with CRLF.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell starting with = + - @
 * (or a tab or CR before them) as a formula, so a description such as `=HYPERLINK(…)` typed by
 * one member could run on whoever opens the export. Text starting with one of those characters
 * is written with a leading apostrophe, which spreadsheets show as text. Numbers we write
 * (`CsvNumber`, e.g. a negative amount "-12.50") are not text and are left alone.
 */

/** A number written as given ("-12.50"), never guarded: only our own figures are CsvNumbers. */
export class CsvNumber {
  constructor(readonly text: string) {
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError(`not a number: ${text}`);
  }
}

export type CsvValue = string | number | boolean | CsvNumber | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: numbers and booleans as written, null as empty, text guarded and quoted when needed. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof CsvNumber) return value.text;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** Minor units as a decimal: 123456 → "1234.56", -5 → "-0.05" (every supported currency has two decimals). */
export function csvMoney(minorUnits: number): CsvNumber {
  const abs = Math.abs(minorUnits);
  return new CsvNumber(`${minorUnits < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`);
}

/**
 * An export, checked and ready to stream: the caller's permission and filters were checked
 * when it was made, so a refusal is answered before the first byte. `pages` reads the rows a
 * bounded page at a time, from the database, only as they are pulled.
 */
export interface CsvExport {
  /** "time-entries-2026-03-01-2026-03-31.csv" */
  fileName: string;
  header: readonly string[];
  pages: AsyncIterable<readonly (readonly CsvValue[])[]>;
}

/** How many rows an export reads from the database at a time. */
export const CSV_PAGE_SIZE = 500;

/** UTF-8's byte order mark, EF BB BF. */
export const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

export interface CsvStreamOptions {
  /**
   * Start with UTF-8's byte order mark: a file downloaded for a spreadsheet needs it (Excel reads
   * a CSV without one in the system's legacy code page, garbling "Zoë"). Off for API answers,
   * which scripts parse as RFC 4180 text, where a BOM would end up in the first header name.
   */
  byteOrderMark?: boolean;
}

/**
 * The export as a byte stream: the header (after the BOM when asked for), then one chunk per
 * page, each read only when the consumer pulls (backpressure), so memory holds one page whatever
 * the export's size. Cancelling the stream (the client went away) stops the paging.
 */
export function csvStream(csv: CsvExport, options: CsvStreamOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = csv.pages[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          // A copy: the consumer owns each chunk it reads, and the shared mark must stay intact.
          if (options.byteOrderMark) controller.enqueue(UTF8_BOM.slice());
          controller.enqueue(encoder.encode(csvRecord(csv.header)));
          return;
        }
        const next = await pages.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map(csvRecord).join("")));
      },
      async cancel() {
        await pages.return?.();
      },
    },
    // One chunk queued ahead at most: the next page is read only when this one is taken.
    { highWaterMark: 1 },
  );
}
