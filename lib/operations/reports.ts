/** Reports: totals of time and money over a date range, and the billing overview. */
import { z } from "zod";
import { getBillingHubSummary as getBillingHubSummaryInDomain } from "@/lib/domain/reports/get-billing-hub-summary";
import { describeGroupingsByKind, REPORT_GROUPINGS, REPORT_KINDS, runReport as runReportInDomain, sayGroupings } from "@/lib/domain/reports/run-report";
import { domainNamed } from "@/lib/integrations/wire";
import { BillingHubSummaryOut, ReportOut } from "@/lib/integrations/wire-schemas";
import { date } from "./fields";
import { defineOperation } from "./operation";

export const runReport = defineOperation({
  name: "run_report",
  title: "Run a report",
  description:
    `Totals between two dates (YYYY-MM-DD, inclusive, workspace time zone), one row per project, client or member. kind time: tracked and billable seconds and billable amount; unbilled: the same for billable time not yet invoiced; revenue: invoiced (net of tax, sent or paid invoices issued in the range less credit notes issued in the range) and collected (payments received) — group_by per kind: ${describeGroupingsByKind()} (another is refused). By project, each payment is split over its invoice's lines in proportion to their amounts, exactly, so collected adds up to the same total as by client. Amounts are minor units. Members get time reports of their own time; unbilled and revenue need an owner or admin.`,
  scope: "reports:read", permission: "reports:read_own", effect: "read",
  input: z.object({
    kind: z.enum(REPORT_KINDS).describe(sayGroupings(REPORT_KINDS)),
    group_by: z.enum(REPORT_GROUPINGS).default("project").describe(`Row per ${sayGroupings(REPORT_GROUPINGS)} (default project); ${describeGroupingsByKind()}`),
    from: date("First day"),
    to: date("Last day, inclusive"),
  }),
  output: ReportOut,
  run: ({ actor }, input) => runReportInDomain(actor, domainNamed(input)),
});

export const getBillingHubSummary = defineOperation({
  name: "get_billing_hub_summary",
  title: "Billing overview",
  description:
    "The workspace's money at a glance: unbilled billable work (total and per client, priced after rules), drafts, outstanding (sent invoices' balance due, net of payments and credit notes), overdue invoices, payments received this month, and refunds due (invoices credited after they were paid). Amounts are minor units (cents) of the workspace currency. To invoice a client's unbilled work, use find_billable_candidates then create_invoice_draft.",
  scope: "billing:read", permission: "billing:read", effect: "read",
  input: z.object({}),
  output: BillingHubSummaryOut,
  run: ({ actor }) => getBillingHubSummaryInDomain(actor),
});
