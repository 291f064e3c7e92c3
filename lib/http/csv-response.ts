/**
 * A CSV export as an HTTP response: streamed (csvStream reads a page from the database only
 * as the client takes the previous one), so no Content-Length; named for download (RFC 6266).
 * The web app's downloads start with a UTF-8 byte order mark (for spreadsheets); the REST API's
 * answers do not (for scripts).
 */
import { csvStream, type CsvExport } from "@/lib/domain/csv/csv";
import { attachmentDisposition } from "./attachment";

/** RFC 4180 §3's media type, with header=present (RFC 4180 §3) and UTF-8 (RFC 7111 uses the same). */
export const CSV_MEDIA_TYPE = "text/csv";

/** The REST API's CSV answer (Accept: text/csv): plain RFC 4180, no byte order mark. */
export function csvResponse(csv: CsvExport, headers: Record<string, string> = {}): Response {
  return new Response(csvStream(csv), {
    status: 200,
    headers: {
      "Content-Type": `${CSV_MEDIA_TYPE}; charset=utf-8; header=present`,
      "Content-Disposition": attachmentDisposition(csv.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...headers,
    },
  });
}

/**
 * The export as a web download (lib/auth/workspace-download.ts): streamed the same way, after a
 * UTF-8 byte order mark, so a spreadsheet opened on the file reads accented names as UTF-8.
 */
export function csvDownload(csv: CsvExport): { fileName: string; mediaType: string; data: ReadableStream<Uint8Array> } {
  return { fileName: csv.fileName, mediaType: `${CSV_MEDIA_TYPE}; charset=utf-8; header=present`, data: csvStream(csv, { byteOrderMark: true }) };
}
