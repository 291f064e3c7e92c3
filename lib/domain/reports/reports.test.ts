import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { loadDemoData } from "@/lib/testing/demo-data";
import { getBillingHubSummary } from "./get-billing-hub-summary";
import { GROUPINGS_BY_KIND, REPORT_GROUPINGS, REPORT_KINDS, runReport } from "./run-report";

let ada: Actor;
const range = { from: "2000-01-01", to: "2099-12-31" };

beforeAll(async () => {
  const demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
});

describe("reports", () => {
  it.each(["project", "client", "member"] as const)("time by %s adds up to every tracked second", async (groupBy) => {
    const report = await runReport(ada, { kind: "time", groupBy, ...range });
    const tracked = await db.timeEntry.aggregate({ where: { workspaceId: ada.workspaceId }, _sum: { durationSeconds: true } });
    expect(report.totals.trackedSeconds).toBe(tracked._sum.durationSeconds);
    expect(report.rows.reduce((s, r) => s + r.trackedSeconds, 0)).toBe(report.totals.trackedSeconds);
    expect(report.totals.billableSeconds).toBeGreaterThan(0);
  });

  it("agrees with the Billing Hub on unbilled work", async () => {
    const report = await runReport(ada, { kind: "unbilled", groupBy: "client", ...range });
    const hub = await getBillingHubSummary(ada);
    expect(report.totals.amount).toBe(hub.unbilled.amount);
    expect(report.rows.map((r) => [r.label, r.amount]).sort()).toEqual(hub.unbilledByClient.map((c) => [c.client.name, c.amount]).sort());
  });

  it("reports revenue: invoiced from sent and paid invoices, collected from payments", async () => {
    const report = await runReport(ada, { kind: "revenue", groupBy: "client", ...range });
    const issued = await db.invoice.aggregate({ where: { workspaceId: ada.workspaceId, status: { in: ["sent", "paid"] } }, _sum: { subtotal: true } });
    const paid = await db.payment.aggregate({ where: { workspaceId: ada.workspaceId }, _sum: { amount: true } });
    expect(report.totals.invoiced).toBe(issued._sum.subtotal);
    expect(report.totals.invoiced).toBeGreaterThan(0);
    expect(report.totals.collected).toBe(paid._sum.amount);
    expect(report.rows.map((r) => r.label)).toEqual(["Babbage & Co"]);
    const byProject = await runReport(ada, { kind: "revenue", groupBy: "project", ...range });
    expect(byProject.totals.invoiced).toBe(issued._sum.subtotal);
  });

  it("counts a discounted invoice at what it charges before tax, by client and by project alike", async () => {
    const before = await runReport(ada, { kind: "revenue", groupBy: "client", ...range });
    const sent = await db.invoice.findFirstOrThrow({ where: { workspaceId: ada.workspaceId, status: { in: ["sent", "paid"] }, kind: "invoice" } });
    // A 10 % discount (rounded as invoiceTotals does; the exact figure does not matter here).
    const discountAmount = Math.round(sent.subtotal / 10);
    await db.invoice.update({ where: { id: sent.id }, data: { discount: { label: "Loyalty", rate: 1000 }, discountAmount } });
    try {
      const byClient = await runReport(ada, { kind: "revenue", groupBy: "client", ...range });
      const byProject = await runReport(ada, { kind: "revenue", groupBy: "project", ...range });
      expect(byClient.totals.invoiced).toBe(before.totals.invoiced - discountAmount);
      expect(byProject.totals.invoiced).toBe(byClient.totals.invoiced);
      expect(byProject.rows.find((r) => r.key === "discounts")).toMatchObject({ label: "Discounts (not per project)", invoiced: -discountAmount });
    } finally {
      await db.invoice.update({ where: { id: sent.id }, data: { discount: Prisma.DbNull, discountAmount: 0 } });
    }
  });

  it("collects by project, splitting each payment over its invoice's lines, what it collects by client", async () => {
    const byClient = await runReport(ada, { kind: "revenue", groupBy: "client", ...range });
    const byProject = await runReport(ada, { kind: "revenue", groupBy: "project", ...range });
    expect(byClient.totals.collected).toBeGreaterThan(0);
    expect(byProject.totals.collected).toBe(byClient.totals.collected);
    expect(byProject.rows.reduce((s, r) => s + r.collected, 0)).toBe(byProject.totals.collected);
    expect(byProject.rows.filter((r) => r.collected > 0).length).toBeGreaterThan(0);
  });

  it("splits a payment over two projects in proportion to their lines, to the cent", async () => {
    const invoice = await db.invoice.findFirstOrThrow({
      where: { workspaceId: ada.workspaceId, status: { in: ["sent", "paid"] }, kind: "invoice", payments: { some: {} } },
      include: { lines: true, payments: true },
    });
    const [first, second] = await db.project.findMany({ where: { workspaceId: ada.workspaceId }, take: 2, orderBy: { name: "asc" } });
    if (!first || !second) throw new Error("the demo has two projects");
    const paid = invoice.payments.reduce((s, p) => s + p.amount, 0);
    const collected = (report: Awaited<ReturnType<typeof runReport>>, key: string) => report.rows.find((r) => r.key === key)?.collected ?? 0;
    // The invoice's own lines weigh nothing for the test (put back after), so only the two new lines share its payments.
    await db.invoiceLine.updateMany({ where: { invoiceId: invoice.id }, data: { amount: 0 } });
    try {
      const unweighted = await runReport(ada, { kind: "revenue", groupBy: "project", ...range });
      expect(collected(unweighted, "-")).toBeGreaterThanOrEqual(paid); // no positive line: the payment is "Other"
      await db.invoiceLine.createMany({
        data: [
          { invoiceId: invoice.id, projectId: first.id, description: "Split A", quantitySeconds: 0, unitRate: 0, amount: 20001, position: 900 },
          { invoiceId: invoice.id, projectId: second.id, description: "Split B", quantitySeconds: 0, unitRate: 0, amount: 10000, position: 901 },
        ],
      });
      const split = await runReport(ada, { kind: "revenue", groupBy: "project", ...range });
      const a = collected(split, first.id) - collected(unweighted, first.id);
      const b = collected(split, second.id) - collected(unweighted, second.id);
      expect(a + b).toBe(paid);
      expect(Math.abs(a - (paid * 20001) / 30001)).toBeLessThan(1); // its exact share, to the cent
      expect(split.totals.collected).toBe(unweighted.totals.collected);
    } finally {
      await db.invoiceLine.deleteMany({ where: { invoiceId: invoice.id, position: { in: [900, 901] } } });
      for (const line of invoice.lines) await db.invoiceLine.update({ where: { id: line.id }, data: { amount: line.amount } });
    }
  });

  it.each(REPORT_KINDS.flatMap((kind) => REPORT_GROUPINGS.map((groupBy) => ({ kind, groupBy }))))(
    "runs $kind by $groupBy exactly when it is offered",
    async ({ kind, groupBy }) => {
      const offered = (GROUPINGS_BY_KIND[kind] as readonly string[]).includes(groupBy);
      const run = runReport(ada, { kind, groupBy, ...range });
      if (offered) await expect(run).resolves.toMatchObject({ kind, groupBy });
      else await expect(run).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { groupBy: `${kind} reports group by project or client` } });
    },
  );

  it("charts every tracked second of a time report once, stacked by its grouping", async () => {
    const report = await runReport(ada, { kind: "time", groupBy: "member", ...range });
    if (report.chart.kind !== "time") throw new Error("a time chart");
    expect(report.chart.unit).toBe("year"); // the range spans decades
    const charted = report.chart.series.reduce((s, x) => s + x.values.reduce((a, b) => a + b, 0), 0);
    expect(charted).toBe(report.totals.trackedSeconds);
    expect(report.chart.series.map((s) => s.key)).toEqual(report.rows.map((r) => r.key));
  });

  it("charts revenue per year (the range spans a decade) adding up to the report's totals", async () => {
    const report = await runReport(ada, { kind: "revenue", groupBy: "client", from: "2020-01-01", to: "2030-12-31" });
    if (report.chart.kind !== "revenue") throw new Error("a revenue chart");
    expect(report.chart.unit).toBe("year");
    expect(report.chart.invoiced.reduce((a, b) => a + b, 0)).toBe(report.totals.invoiced);
    expect(report.chart.collected.reduce((a, b) => a + b, 0)).toBe(report.totals.collected);
  });

  it.each([
    { name: "revenue by member", input: { kind: "revenue", groupBy: "member" }, field: "groupBy" },
    { name: "an unknown kind", input: { kind: "profit" }, field: "kind" },
    { name: "a reversed range", input: { kind: "time", from: "2026-02-01", to: "2026-01-01" }, field: "from", says: "must be on or before to" },
    // Nine thousand years charted 9,000 yearly bars (a 13 MB page); the calendar holds a century.
    { name: "a range from the year 1000", input: { kind: "time", from: "1000-01-01", to: "2099-12-30" }, field: "from", says: "must be a date from 2000-01-01 to 2099-12-31" },
    // The day after 9999-12-31 is in year 10000, where nothing matched.
    { name: "a range to the year 9999", input: { kind: "revenue", to: "9999-12-31" }, field: "to", says: "must be a date from 2000-01-01 to 2099-12-31" },
  ])("refuses $name", async ({ input, field, says }) => {
    await expect(runReport(ada, { ...range, ...input } as never)).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { [field]: says ?? expect.any(String) } });
  });

  it.each(REPORT_KINDS)("charts the whole calendar in at most a hundred bars (%s)", async (kind) => {
    const report = await runReport(ada, { kind, groupBy: "client", ...range });
    expect(report.chart.unit).toBe("year");
    expect(report.chart.buckets).toHaveLength(100);
  });
});

describe("Billing Hub", () => {
  it("shows the demo's overdue sent invoice, the draft and this month's payments", async () => {
    const hub = await getBillingHubSummary(ada);
    expect(hub.overdue.count).toBe(1);
    expect(hub.outstanding.count).toBe(1);
    expect(hub.overdue.amount).toBe(hub.outstanding.amount);
    expect(hub.drafts.count).toBe(1);
    expect(hub.unbilledByClient.map((c) => c.client.name).sort()).toEqual(["Babbage & Co", "Menabrea Press"]);
  });
});
