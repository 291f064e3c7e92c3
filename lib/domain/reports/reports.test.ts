import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { loadDemoData } from "@/lib/testing/demo-data";
import { getBillingHubSummary } from "./get-billing-hub-summary";
import { runReport } from "./run-report";

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

  it.each([
    { name: "revenue by member", input: { kind: "revenue", groupBy: "member" }, field: "groupBy" },
    { name: "an unknown kind", input: { kind: "profit" }, field: "kind" },
    { name: "a reversed range", input: { kind: "time", from: "2026-02-01", to: "2026-01-01" }, field: "from" },
  ])("refuses $name", async ({ input, field }) => {
    await expect(runReport(ada, { ...range, ...input } as never)).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { [field]: expect.any(String) } });
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
