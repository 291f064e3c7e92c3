import { z } from "zod";
import { formatDuration } from "@/lib/domain/durations";
import { formatMoney } from "@/lib/domain/money";
import { runReport as runReportInDomain } from "@/lib/domain/reports/run-report";
import { defineTool, READ_ONLY } from "../tool";
import { ReportOut } from "@/lib/integrations/wire-schemas";
import { dateArg } from "./args";

export const runReport = defineTool({
  name: "run_report",
  title: "Run a report",
  description:
    "Totals between two dates (YYYY-MM-DD, inclusive, workspace time zone), one row per project, client or member. kind time: tracked and billable seconds and billable amount; unbilled: the same for billable time not yet invoiced; revenue: invoiced (net of tax, sent or paid invoices issued in the range) and collected (payments received) — revenue groups by project or client only. Amounts are minor units. Members get time reports of their own time; unbilled and revenue need an owner or admin.",
  scope: "reports:read",
  permission: "reports:read_own",
  access: "read",
  input: z.object({
    kind: z.enum(["time", "unbilled", "revenue"]).describe("time, unbilled or revenue"),
    group_by: z.enum(["project", "client", "member"]).default("project").describe("Row per project (default), client or member"),
    from: dateArg("First day"),
    to: dateArg("Last day, inclusive"),
  }),
  output: ReportOut,
  annotations: READ_ONLY,
  run: ({ actor }, input) => runReportInDomain(actor, { kind: input.kind, groupBy: input.group_by, from: input.from, to: input.to }),
  render: (r) => {
    const figures = (f: { tracked_seconds: number; billable_seconds: number; amount: number; invoiced: number; collected: number }) =>
      r.kind === "revenue"
        ? `invoiced ${formatMoney(f.invoiced, r.currency)}, collected ${formatMoney(f.collected, r.currency)}`
        : `${formatDuration(f.tracked_seconds)} tracked, ${formatDuration(f.billable_seconds)} billable, ${formatMoney(f.amount, r.currency)}`;
    const title = `${r.kind} report by ${r.group_by}, ${r.from} to ${r.to}${r.own_time_only ? " (your own time)" : ""}`;
    return [title, ...r.rows.map((row) => `${row.label}: ${figures(row)}`), `Total: ${figures(r.totals)}`].join("\n");
  },
});
