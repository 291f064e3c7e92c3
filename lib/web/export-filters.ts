/**
 * The web exports' query strings, read into the domain's filters, and the domain's refusals
 * named back in the query's words. The links carry what the page shows (the time page's week and
 * member, the report's kind, grouping and range, the invoice list's filters); anything malformed
 * is passed on for the domain to refuse with its own message (a 400), never silently dropped,
 * and a parameter the export does not read is refused rather than ignored. A refusal names the
 * parameter as the URL spells it (`member`, `project`, `tag`), never the domain's field
 * (`membershipId`), and says what it takes.
 */
import type { Actor } from "@/lib/domain/actor";
import { exportAuditEvents } from "@/lib/domain/audit/export-audit-events";
import { invalidInput, isDomainError, renameFieldErrors, summarizeFieldErrors } from "@/lib/domain/errors";
import { exportInvoices, type ExportInvoicesInput } from "@/lib/domain/invoices/export-invoices";
import { exportReport } from "@/lib/domain/reports/export-report";
import type { RunReportInput } from "@/lib/domain/reports/run-report";
import { exportTimeEntries, type ExportTimeEntriesInput } from "@/lib/domain/time-entries/export-time-entries";

/** The time page's "everyone" member filter. */
export const ALL_MEMBERS = "all";

/** An id parameter left empty (`member=`): what it takes instead. */
const ID_TAKES: Record<string, string> = {
  member: `must be a member id or "${ALL_MEMBERS}"`,
  project: "must be a project id",
  client: "must be a client id",
  tag: "must be a tag id",
};

/** The domain's field names, as each web export's query spells them. */
const TIME_QUERY_NAMES = { membershipId: "member", projectId: "project", clientId: "client", tagIds: "tag" } as const;
const INVOICE_QUERY_NAMES = { clientId: "client" } as const;

const text = (query: URLSearchParams, name: string) => query.get(name) ?? undefined;

function flag(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null || value === "") return undefined;
  // Anything else is passed on: the domain refuses it as "must be true or false".
  return value === "true" ? true : value === "false" ? false : (value as never);
}

/**
 * Refuses, all at once, parameters an export does not read (a typo such as `projct=` would
 * otherwise export everything), id parameters given empty, and a parameter that takes one value
 * given twice (only `tag` repeats).
 * @throws invalid_input naming each parameter
 */
function checkQuery(query: URLSearchParams, known: readonly string[], ids: readonly string[] = []): void {
  const fieldErrors: Record<string, string> = {};
  for (const name of new Set(query.keys())) {
    if (!known.includes(name)) fieldErrors[name] = `is not a parameter of this export (it takes ${known.join(", ")})`;
    else if (ids.includes(name) && query.getAll(name).some((value) => value.trim() === "")) fieldErrors[name] = ID_TAKES[name] ?? "must be an id";
    else if (name !== "tag" && query.getAll(name).length > 1) fieldErrors[name] = "is given more than once; give it once";
  }
  if (Object.keys(fieldErrors).length) throw invalidInput(summarizeFieldErrors(fieldErrors), fieldErrors);
}

/**
 * The domain's refusal with its fields renamed to the query's (`tagIds.1` → `tag`), through the
 * renaming REST and MCP use (renameFieldErrors).
 */
async function inQueryWords<T>(call: () => Promise<T>, names: Readonly<Record<string, string>>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw renameFieldErrors(error, (key) => names[key.split(".")[0] ?? key] ?? key);
  }
}

const TIME_PARAMETERS = ["from", "to", "member", "project", "client", "billable", "invoiced", "tag"] as const;

/**
 * `?from&to&member&project&client&billable&invoiced&tag…`: member is a member id, or "all" or
 * left out for every entry the actor may see (a member: their own) — the rows REST's
 * `GET /api/v1/time-entries` with `Accept: text/csv` answers for the same query. The time page's
 * link always names the member it shows.
 */
export function timeExportFilters(query: URLSearchParams): ExportTimeEntriesInput {
  checkQuery(query, TIME_PARAMETERS, ["member", "project", "client", "tag"]);
  const member = text(query, "member");
  const tags = query.getAll("tag");
  return {
    from: text(query, "from"),
    to: text(query, "to"),
    membershipId: member === ALL_MEMBERS ? undefined : member,
    projectId: text(query, "project"),
    clientId: text(query, "client"),
    billable: flag(query, "billable"),
    invoiced: flag(query, "invoiced"),
    ...(tags.length ? { tagIds: tags } : {}),
  };
}

/** The time export of `/w/{slug}/time/export.csv`, refusals named by the query's parameters. */
export async function exportTimeEntriesForQuery(actor: Actor, query: URLSearchParams) {
  return inQueryWords(() => exportTimeEntries(actor, timeExportFilters(query)), TIME_QUERY_NAMES);
}

const REPORT_PARAMETERS = ["kind", "groupBy", "from", "to"] as const;

/** `?kind&groupBy&from&to`, as the report page's form submits them; from and to are required. */
export function reportExportInput(query: URLSearchParams): RunReportInput {
  checkQuery(query, REPORT_PARAMETERS);
  const missing = Object.fromEntries((["from", "to"] as const).filter((name) => !query.get(name)).map((name) => [name, "is required (a date written YYYY-MM-DD)"]));
  if (Object.keys(missing).length) throw invalidInput(summarizeFieldErrors(missing), missing);
  return { kind: text(query, "kind") as RunReportInput["kind"], groupBy: text(query, "groupBy") as RunReportInput["groupBy"], from: text(query, "from") ?? "", to: text(query, "to") ?? "" };
}

/** The report of `/w/{slug}/reports/export.csv` (its fields are the query's names already). */
export async function exportReportForQuery(actor: Actor, query: URLSearchParams) {
  return exportReport(actor, reportExportInput(query));
}

const INVOICE_PARAMETERS = ["status", "kind", "client"] as const;

/** `?status&kind&client`, the invoice list's filters. */
export function invoiceExportFilters(query: URLSearchParams): ExportInvoicesInput {
  checkQuery(query, INVOICE_PARAMETERS, ["client"]);
  return { status: text(query, "status") as ExportInvoicesInput["status"], kind: text(query, "kind") as ExportInvoicesInput["kind"], clientId: text(query, "client") };
}

/** The invoice list of `/w/{slug}/invoices/export.csv`, refusals named by the query's parameters. */
export async function exportInvoicesForQuery(actor: Actor, query: URLSearchParams) {
  return inQueryWords(() => exportInvoices(actor, invoiceExportFilters(query)), INVOICE_QUERY_NAMES);
}

const AUDIT_PARAMETERS = ["who", "what", "from", "to"] as const;

/**
 * The audit log of `/w/{slug}/settings/audit-log/export?who&what&from&to`, as the page's filter
 * form submits them: an empty value means any (the form's "Anyone", "Everything").
 */
export async function exportAuditEventsForQuery(actor: Actor, query: URLSearchParams) {
  checkQuery(query, AUDIT_PARAMETERS);
  const get = (name: string) => query.get(name)?.trim() || undefined;
  return exportAuditEvents(actor, { who: get("who"), what: get("what"), from: get("from"), to: get("to") });
}

/**
 * `?size=a4|letter` of an invoice's PDF download (left out: the workspace's paper size); any other
 * parameter is refused, as the exports refuse them (`sise=letter` would otherwise answer A4).
 * @throws invalid_input naming `size` or the unknown parameter
 */
export function invoicePdfOptions(query: URLSearchParams): { paperSize: "a4" | "letter" | undefined } {
  checkQuery(query, ["size"]);
  const size = query.get("size") ?? undefined;
  if (size !== undefined && size !== "a4" && size !== "letter") throw invalidInput("size: must be a4 or letter", { size: "must be a4 or letter" });
  return { paperSize: size };
}
