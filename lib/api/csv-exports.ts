/**
 * What each list's `Accept: text/csv` streams: its REST query, named back to the domain's
 * filters; a refusal names the fields as the JSON list does ("query.member_id").
 */
import type { Actor } from "@/lib/domain/actor";
import { exportInvoices, type ExportInvoicesInput } from "@/lib/domain/invoices/export-invoices";
import { exportReport } from "@/lib/domain/reports/export-report";
import type { RunReportInput } from "@/lib/domain/reports/run-report";
import { exportTimeEntries } from "@/lib/domain/time-entries/export-time-entries";
import { operationFieldName } from "@/lib/operations/field-names";
import { requestFields } from "./request-fields";

type Query = Record<string, unknown>;
const optional = <T>(value: unknown) => value as T | undefined;

/** GET /api/v1/time-entries's filters (member_id, tag_id repeatable), as list_time_entries reads them. */
export function exportTimeEntriesCsv(actor: Actor, q: Query) {
  return requestFields("query", exportTimeEntries(actor, {
    from: optional<string>(q.from),
    to: optional<string>(q.to),
    projectId: optional<string>(q.project_id),
    clientId: optional<string>(q.client_id),
    membershipId: optional<string>(q.member_id),
    billable: optional<boolean>(q.billable),
    invoiced: optional<boolean>(q.invoiced),
    tagIds: optional<string[]>(q.tag_id),
  }), (domainKey) => operationFieldName({ fieldNames: { membershipId: "member_id", tagIds: "tag_id" } }, domainKey));
}

export function exportInvoicesCsv(actor: Actor, q: Query) {
  return requestFields("query", exportInvoices(actor, { status: optional<ExportInvoicesInput["status"]>(q.status), kind: optional<ExportInvoicesInput["kind"]>(q.kind), clientId: optional<string>(q.client_id) }));
}

export function exportReportCsv(actor: Actor, q: Query) {
  return requestFields("query", exportReport(actor, { kind: q.kind as RunReportInput["kind"], groupBy: optional<RunReportInput["groupBy"]>(q.group_by), from: q.from as string, to: q.to as string }));
}
