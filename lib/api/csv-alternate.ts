/**
 * CSV for the REST API's lists: the same path with `Accept: text/csv` (RFC 9110 §12.5.1, as
 * GET /api/v1/invoices/{id} answers a PDF) streams every row the filters match — the list's
 * own query parameters but `cursor` and `limit`, its scope and role, and the same rows a caller
 * may see (a member, their own time). The OpenAPI document lists text/csv beside JSON.
 */
import { z } from "zod";
import type { Actor } from "@/lib/domain/actor";
import type { CsvExport } from "@/lib/domain/csv/csv";
import { CSV_MEDIA_TYPE } from "@/lib/http/csv-response";
import type { ApiEndpoint } from "./endpoint";

const PAGING = new Set(["cursor", "limit"]);

/** `list` answering `Accept: text/csv` too; `produce` gets the validated query (REST names). */
export function withCsv(list: ApiEndpoint, produce: (actor: Actor, query: Record<string, unknown>) => Promise<CsvExport>): ApiEndpoint {
  const shape = Object.fromEntries(Object.entries(list.query?.shape ?? {}).filter(([name]) => !PAGING.has(name)));
  const paged = Object.keys(list.query?.shape ?? {}).some((name) => PAGING.has(name));
  const csv: ApiEndpoint = {
    ...list,
    operationId: `${list.operationId}Csv`,
    description: `With Accept: ${CSV_MEDIA_TYPE} it answers CSV (RFC 4180, UTF-8, a header row, CRLF) for download instead: ${paged ? "every row the filters match, streamed, so cursor and limit do not apply" : "the same rows and a Total row"}; text starting with = + - @ is prefixed with ' so spreadsheets do not run it.`,
    query: z.strictObject(shape),
    mediaType: CSV_MEDIA_TYPE,
    alternate: undefined,
    handle: () => Promise.reject(new Error("a CSV endpoint streams")),
    stream: (ctx, input) => produce(ctx.actor, input.query),
  };
  return { ...list, alternate: csv };
}
