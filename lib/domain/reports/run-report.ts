import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, can, type Actor } from "@/lib/domain/actor";
import { billTimeEntry } from "@/lib/domain/billing/billable-time";
import { loadBillingRules } from "@/lib/domain/billing/load-billing-rules";
import { DATES_OUT_OF_ORDER, datesInOrder, IsoDate, localDateOf, localDateRange } from "@/lib/domain/dates";
import { parseInput } from "@/lib/domain/errors";
import { timeEntryWhere } from "@/lib/domain/time-entries/list-time-entries";
import { memberLabel } from "@/lib/domain/workspaces/list-members";
import { loadWorkspace } from "@/lib/domain/workspaces/load-workspace";
import { allocateProportionally } from "./allocate-proportionally";
import { revenuePerMonth, timePerPeriod, type ReportChart } from "./report-charts";

export const REPORT_KINDS = ["time", "unbilled", "revenue"] as const;
export const REPORT_GROUPINGS = ["project", "client", "member"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/**
 * The groupings each kind of report runs with: the one declaration the runner checks and the
 * web form, REST and MCP offer, so none offers what the runner refuses. Revenue is invoiced
 * and collected per client or project; invoices do not belong to members.
 */
export const GROUPINGS_BY_KIND = {
  time: ["project", "client", "member"],
  unbilled: ["project", "client", "member"],
  revenue: ["project", "client"],
} as const satisfies Record<ReportKind, readonly ReportGrouping[]>;

export function groupingsFor(kind: ReportKind): readonly ReportGrouping[] {
  return GROUPINGS_BY_KIND[kind];
}

/** "project, client or member" */
export function sayGroupings(groupings: readonly string[]): string {
  return groupings.length > 1 ? `${groupings.slice(0, -1).join(", ")} or ${groupings.at(-1)}` : (groupings[0] ?? "");
}

/** "time and unbilled: project, client or member; revenue: project or client", from GROUPINGS_BY_KIND. */
export function describeGroupingsByKind(): string {
  const byList = new Map<string, string[]>();
  for (const kind of REPORT_KINDS) {
    const list = sayGroupings(groupingsFor(kind));
    byList.set(list, [...(byList.get(list) ?? []), kind]);
  }
  return [...byList].map(([list, kinds]) => `${kinds.join(" and ")}: ${list}`).join("; ");
}

export const RunReportInput = z
  .object({
    kind: z.enum(REPORT_KINDS, {
      error: (issue) => (issue.input === undefined || issue.input === "" ? `is required (${sayGroupings(REPORT_KINDS)})` : `must be ${sayGroupings(REPORT_KINDS)}`),
    }),
    groupBy: z.enum(REPORT_GROUPINGS, { error: `must be ${sayGroupings(REPORT_GROUPINGS)}` }).default("project"),
    from: IsoDate,
    to: IsoDate,
  })
  .refine(datesInOrder, DATES_OUT_OF_ORDER)
  .superRefine((v, ctx) => {
    const offered = groupingsFor(v.kind);
    if (!(offered as readonly string[]).includes(v.groupBy)) {
      ctx.addIssue({ code: "custom", message: `${v.kind} reports group by ${sayGroupings(offered)}`, path: ["groupBy"] });
    }
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
   * amounts, no project) and invoice discounts (taken off a whole invoice) are rows of their own,
   * and each payment is split over its invoice's lines in proportion to their amounts
   * (allocateProportionally: exact, the parts add up to the payment), each part collected for
   * its line's project ("Other" for a line without one). So collected adds up to the same
   * total by project as by client.
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
  /** What the page charts: time per day (or month) stacked by the grouping, or revenue per month. */
  chart: ReportChart;
}

/** Time by project, client or member; unbilled work; revenue. Rows are sorted by size. */
export async function runReport(actor: Actor, input: RunReportInput): Promise<Report> {
  assertCan(actor, "reports:read_own", "run reports");
  const data = parseInput(RunReportInput, input);
  if (data.kind !== "time") assertCan(actor, "billing:read", `run ${data.kind} reports`);
  const workspace = await loadWorkspace(actor);
  const { rows, chart } = data.kind === "revenue" ? await revenueRows(actor, data, workspace.timeZone) : await timeRows(actor, data, workspace.timeZone);
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
    chart: chart(rows),
  };
}

/** The rows, and the chart to draw once they are in order. */
interface Grouped {
  rows: ReportRow[];
  chart: (rows: ReportRow[]) => ReportChart;
}

/** localDateOf, remembered per quarter hour (every zone's offset is a multiple of 15 minutes). */
function localDates(timeZone: string): (instant: Date) => string {
  const seen = new Map<number, string>();
  return (instant) => {
    const slot = Math.floor(instant.getTime() / 900_000);
    let date = seen.get(slot);
    if (date === undefined) seen.set(slot, (date = localDateOf(instant, timeZone)));
    return date;
  };
}

type Data = z.output<typeof RunReportInput>;

function emptyRow(key: string, label: string): ReportRow {
  return { key, label, trackedSeconds: 0, billableSeconds: 0, amount: 0, invoiced: 0, collected: 0 };
}

async function timeRows(actor: Actor, data: Data, timeZone: string): Promise<Grouped> {
  const where = await timeEntryWhere(actor, {
    from: data.from,
    to: data.to,
    ...(data.kind === "unbilled" ? { billable: true, invoiced: false } : {}),
  });
  const [entries, rules] = await Promise.all([
    db.timeEntry.findMany({
      where,
      select: {
        startedAt: true,
        durationSeconds: true,
        hourlyRate: true,
        billable: true,
        membershipId: true,
        membership: { select: { status: true, user: { select: { name: true } } } },
        project: { select: { id: true, name: true, client: { select: { id: true, name: true } } } },
      },
    }),
    loadBillingRules(actor.workspaceId),
  ]);
  const groups = new Map<string, ReportRow>();
  const dateOf = localDates(timeZone);
  const points: { date: string; key: string; seconds: number }[] = [];
  for (const entry of entries) {
    const [key, label] =
      data.groupBy === "project"
        ? [entry.project.id, `${entry.project.name} (${entry.project.client.name})`]
        : data.groupBy === "client"
          ? [entry.project.client.id, entry.project.client.name]
          : [entry.membershipId, memberLabel({ name: entry.membership.user.name, status: entry.membership.status })];
    const row = groups.get(key) ?? emptyRow(key, label);
    groups.set(key, row);
    row.trackedSeconds += entry.durationSeconds;
    points.push({ date: dateOf(entry.startedAt), key, seconds: entry.durationSeconds });
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
  return { rows: [...groups.values()], chart: (rows) => timePerPeriod(points, rows, data) };
}

async function revenueRows(actor: Actor, data: Data, timeZone: string): Promise<Grouped> {
  const { start, end } = localDateRange(data.from, data.to, timeZone);
  const issued = { workspaceId: actor.workspaceId, status: { in: ["sent", "paid"] as ("sent" | "paid")[] }, issueDate: { gte: start, lt: end } };
  const groups = new Map<string, ReportRow>();
  const rowFor = (key: string, label: string) => {
    const row = groups.get(key) ?? emptyRow(key, label);
    groups.set(key, row);
    return row;
  };
  const byProject = data.groupBy === "project";
  const [invoices, payments] = await Promise.all([
    db.invoice.findMany({ where: issued, select: { subtotal: true, discountAmount: true, issueDate: true, client: { select: { id: true, name: true } } } }),
    db.payment.findMany({
      where: { workspaceId: actor.workspaceId, paidOn: { gte: start, lt: end } },
      select: {
        amount: true,
        paidOn: true,
        invoice: {
          select: {
            client: { select: { id: true, name: true } },
            // By project, a payment is split over its invoice's lines (see ReportRow).
            lines: { select: { amount: true, project: { select: { id: true, name: true } } }, orderBy: { position: "asc" } },
          },
        },
      },
    }),
  ]);
  const chart = () =>
    revenuePerMonth(
      invoices.map((i) => ({ date: localDateOf(i.issueDate, timeZone), amount: i.subtotal - i.discountAmount })),
      payments.map((p) => ({ date: localDateOf(p.paidOn, timeZone), amount: p.amount })),
      data,
    );

  if (byProject) {
    const lines = await db.invoiceLine.findMany({
      where: { invoice: issued },
      select: { amount: true, project: { select: { id: true, name: true } }, invoice: { select: { kind: true } } },
    });
    for (const line of lines) {
      const row = line.project ? rowFor(line.project.id, line.project.name) : line.invoice.kind === "credit_note" ? rowFor("credit-notes", "Credit notes (not per project)") : rowFor("-", "Other");
      row.invoiced += line.amount;
    }
    // A discount is taken off a whole invoice, not a project: one row, so the totals match the report by client.
    for (const invoice of invoices) if (invoice.discountAmount !== 0) rowFor("discounts", "Discounts (not per project)").invoiced -= invoice.discountAmount;
    for (const payment of payments) {
      const { lines } = payment.invoice;
      const shares = allocateProportionally(payment.amount, lines.map((l) => l.amount));
      if (!shares) {
        rowFor("-", "Other").collected += payment.amount;
        continue;
      }
      lines.forEach((line, i) => {
        const share = shares[i] ?? 0;
        if (share !== 0) (line.project ? rowFor(line.project.id, line.project.name) : rowFor("-", "Other")).collected += share;
      });
    }
    return { rows: [...groups.values()], chart };
  }

  for (const invoice of invoices) rowFor(invoice.client.id, invoice.client.name).invoiced += invoice.subtotal - invoice.discountAmount;
  for (const payment of payments) rowFor(payment.invoice.client.id, payment.invoice.client.name).collected += payment.amount;
  return { rows: [...groups.values()], chart };
}
