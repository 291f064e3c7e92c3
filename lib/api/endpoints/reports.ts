import { z } from "zod";
import { getBillingHubSummary } from "@/lib/domain/reports/get-billing-hub-summary";
import { runReport } from "@/lib/domain/reports/run-report";
import { defineEndpoint } from "../endpoint";
import { BillingHubSummaryOut, ReportOut } from "../wire-schemas";
import { requestFields } from "./domain-fields";
import { isoDate } from "./params";

export const runReportEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/reports",
  operationId: "runReport",
  summary: "Run a report",
  description:
    "Totals between two dates, one row per project, client or member. kind time: tracked and billable seconds and billable amount; unbilled: the same for billable time not yet invoiced; revenue: invoiced (net of tax) and collected — by project or client only. Members get time reports of their own time; unbilled and revenue need an owner or admin.",
  tag: "Reports",
  scope: "reports:read",
  permission: "reports:read_own",
  access: "read",
  query: z.strictObject({
    kind: z.enum(["time", "unbilled", "revenue"]).describe("time, unbilled or revenue"),
    group_by: z.enum(["project", "client", "member"]).optional().describe("Row per project (default), client or member"),
    from: isoDate("First day"),
    to: isoDate("Last day, inclusive"),
  }),
  response: ReportOut,
  handle: ({ actor }, { query }) => requestFields("query", runReport(actor, { kind: query.kind, groupBy: query.group_by, from: query.from, to: query.to })),
});

export const billingHubEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/billing-hub",
  operationId: "getBillingHub",
  summary: "Billing overview",
  description: "Unbilled billable work (total and per client, priced after rules), drafts, outstanding, overdue invoices, and payments received this month.",
  tag: "Reports",
  scope: "billing:read",
  permission: "billing:read",
  access: "read",
  query: z.strictObject({}),
  response: BillingHubSummaryOut,
  handle: ({ actor }) => getBillingHubSummary(actor),
});
