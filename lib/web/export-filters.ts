/**
 * The web exports' query strings, read into the domain's filters. The links carry what the
 * page shows (the time page's week and member, the report's kind, grouping and range, the
 * invoice list's filters); anything malformed is passed on for the domain to refuse with its
 * own message (a 400), never silently dropped.
 */
import type { Actor } from "@/lib/domain/actor";
import type { ExportInvoicesInput } from "@/lib/domain/invoices/export-invoices";
import type { RunReportInput } from "@/lib/domain/reports/run-report";
import type { ExportTimeEntriesInput } from "@/lib/domain/time-entries/export-time-entries";

/** The time page's "everyone" member filter. */
export const ALL_MEMBERS = "all";

const text = (query: URLSearchParams, name: string) => query.get(name) ?? undefined;

function flag(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null || value === "") return undefined;
  return value === "true" ? true : value === "false" ? false : (value as never);
}

/**
 * `?from&to&member&project&client&billable&invoiced&tag…`: member is a member id, "all"
 * (everyone the actor may see), or left out for the actor's own time, as on the time page.
 */
export function timeExportFilters(query: URLSearchParams, actor: Actor): ExportTimeEntriesInput {
  const member = text(query, "member");
  const tags = query.getAll("tag");
  return {
    from: text(query, "from"),
    to: text(query, "to"),
    membershipId: member === ALL_MEMBERS ? undefined : (member ?? actor.membershipId),
    projectId: text(query, "project"),
    clientId: text(query, "client"),
    billable: flag(query, "billable"),
    invoiced: flag(query, "invoiced"),
    ...(tags.length ? { tagIds: tags } : {}),
  };
}

/** `?kind&groupBy&from&to`, as the report page's form submits them. */
export function reportExportInput(query: URLSearchParams): RunReportInput {
  return { kind: text(query, "kind") as RunReportInput["kind"], groupBy: text(query, "groupBy") as RunReportInput["groupBy"], from: text(query, "from") ?? "", to: text(query, "to") ?? "" };
}

/** `?status&kind&client`, the invoice list's filters. */
export function invoiceExportFilters(query: URLSearchParams): ExportInvoicesInput {
  return { status: text(query, "status") as ExportInvoicesInput["status"], kind: text(query, "kind") as ExportInvoicesInput["kind"], clientId: text(query, "client") };
}
