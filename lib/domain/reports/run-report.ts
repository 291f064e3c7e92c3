import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, can, type Actor } from "@/lib/domain/actor";
import { billTimeEntry } from "@/lib/domain/billing/billable-time";
import { loadBillingRules } from "@/lib/domain/billing/load-billing-rules";
import { IsoDate, localDateRange } from "@/lib/domain/dates";
import { parseInput } from "@/lib/domain/errors";
import { timeEntryWhere } from "@/lib/domain/time-entries/list-time-entries";
import { loadWorkspace } from "@/lib/domain/workspaces/load-workspace";

export const REPORT_KINDS = ["time", "unbilled", "revenue"] as const;
export const REPORT_GROUPINGS = ["project", "client", "member"] as const;

export const RunReportInput = z
  .object({
    kind: z.enum(REPORT_KINDS, { error: "must be time, unbilled or revenue" }),
    groupBy: z.enum(REPORT_GROUPINGS, { error: "must be project, client or member" }).default("project"),
    from: IsoDate,
    to: IsoDate,
  })
  .refine((v) => v.from <= v.to, { message: "must be on or before to", path: ["from"] })
  .refine((v) => v.kind !== "revenue" || v.groupBy !== "member", {
    message: "revenue can be grouped by client or project",
    path: ["groupBy"],
  });
export type RunReportInput = z.input<typeof RunReportInput>;

export interface ReportRow {
  key: string;
  label: string;
  /** time/unbilled: tracked and billable seconds and the billable amount after rules. */
  trackedSeconds: number;
  billableSeconds: number;
  amount: number;
  /**
   * revenue: invoiced (what sent or paid invoices issued in range charge before tax — subtotal less
   * discount — less the credit notes issued in range, whose amounts are negative) and collected
   * (payments received in range; a removed payment is gone). By project, a partial credit (fixed
   * amounts, no project) and invoice discounts (taken off a whole invoice) are rows of their own.
   */
  invoiced: number;
  collected: number;
}

export interface Report {
  kind: (typeof REPORT_KINDS)[number];
  groupBy: (typeof REPORT_GROUPINGS)[number];
  from: string;
  to: string;
  currency: string;
  /** True when a member's report only covers their own time. */
  ownTimeOnly: boolean;
  rows: ReportRow[];
  totals: Omit<ReportRow, "key" | "label">;
}

/** Time by project, client or member; unbilled work; revenue. Rows are sorted by size. */
export async function runReport(actor: Actor, input: RunReportInput): Promise<Report> {
  assertCan(actor, "reports:read_own", "run reports");
  const data = parseInput(RunReportInput, input);
  if (data.kind !== "time") assertCan(actor, "billing:read", `run ${data.kind} reports`);
  const workspace = await loadWorkspace(actor);
  const rows = data.kind === "revenue" ? await revenueRows(actor, data, workspace.timeZone) : await timeRows(actor, data);
  rows.sort((a, b) => b.amount + b.invoiced - (a.amount + a.invoiced) || b.trackedSeconds - a.trackedSeconds || a.label.localeCompare(b.label));
  const totals = { trackedSeconds: 0, billableSeconds: 0, amount: 0, invoiced: 0, collected: 0 };
  for (const row of rows) for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += row[key];
  return {
    kind: data.kind,
    groupBy: data.groupBy,
    from: data.from,
    to: data.to,
    currency: workspace.currency,
    ownTimeOnly: !can(actor, "time:read_all"),
    rows,
    totals,
  };
}

type Data = z.output<typeof RunReportInput>;

function emptyRow(key: string, label: string): ReportRow {
  return { key, label, trackedSeconds: 0, billableSeconds: 0, amount: 0, invoiced: 0, collected: 0 };
}

async function timeRows(actor: Actor, data: Data): Promise<ReportRow[]> {
  const where = await timeEntryWhere(actor, {
    from: data.from,
    to: data.to,
    ...(data.kind === "unbilled" ? { billable: true, invoiced: false } : {}),
  });
  const [entries, rules] = await Promise.all([
    db.timeEntry.findMany({
      where,
      select: {
        durationSeconds: true,
        hourlyRate: true,
        billable: true,
        membershipId: true,
        membership: { select: { user: { select: { name: true } } } },
        project: { select: { id: true, name: true, client: { select: { id: true, name: true } } } },
      },
    }),
    loadBillingRules(actor.workspaceId),
  ]);
  const groups = new Map<string, ReportRow>();
  for (const entry of entries) {
    const [key, label] =
      data.groupBy === "project"
        ? [entry.project.id, `${entry.project.name} (${entry.project.client.name})`]
        : data.groupBy === "client"
          ? [entry.project.client.id, entry.project.client.name]
          : [entry.membershipId, entry.membership.user.name];
    const row = groups.get(key) ?? emptyRow(key, label);
    groups.set(key, row);
    row.trackedSeconds += entry.durationSeconds;
    if (entry.billable) {
      const billed = billTimeEntry(
        entry,
        { clientId: entry.project.client.id, projectId: entry.project.id, membershipId: entry.membershipId },
        rules,
      );
      row.billableSeconds += billed.billableSeconds;
      row.amount += billed.amount;
    }
  }
  return [...groups.values()];
}

async function revenueRows(actor: Actor, data: Data, timeZone: string): Promise<ReportRow[]> {
  const { start, end } = localDateRange(data.from, data.to, timeZone);
  const issued = { workspaceId: actor.workspaceId, status: { in: ["sent", "paid"] as ("sent" | "paid")[] }, issueDate: { gte: start, lt: end } };
  const groups = new Map<string, ReportRow>();
  const rowFor = (key: string, label: string) => {
    const row = groups.get(key) ?? emptyRow(key, label);
    groups.set(key, row);
    return row;
  };

  if (data.groupBy === "project") {
    const lines = await db.invoiceLine.findMany({
      where: { invoice: issued },
      select: { amount: true, project: { select: { id: true, name: true } }, invoice: { select: { kind: true } } },
    });
    for (const line of lines) {
      const row = line.project ? rowFor(line.project.id, line.project.name) : line.invoice.kind === "credit_note" ? rowFor("credit-notes", "Credit notes (not per project)") : rowFor("-", "Other");
      row.invoiced += line.amount;
    }
    // A discount is taken off a whole invoice, not a project: one row, so the totals match the report by client.
    const discounted = await db.invoice.findMany({ where: { ...issued, discountAmount: { not: 0 } }, select: { discountAmount: true } });
    for (const invoice of discounted) rowFor("discounts", "Discounts (not per project)").invoiced -= invoice.discountAmount;
    return [...groups.values()];
  }

  const [invoices, payments] = await Promise.all([
    db.invoice.findMany({ where: issued, select: { subtotal: true, discountAmount: true, client: { select: { id: true, name: true } } } }),
    db.payment.findMany({
      where: { workspaceId: actor.workspaceId, paidOn: { gte: start, lt: end } },
      select: { amount: true, invoice: { select: { client: { select: { id: true, name: true } } } } },
    }),
  ]);
  for (const invoice of invoices) rowFor(invoice.client.id, invoice.client.name).invoiced += invoice.subtotal - invoice.discountAmount;
  for (const payment of payments) rowFor(payment.invoice.client.id, payment.invoice.client.name).collected += payment.amount;
  return [...groups.values()];
}
