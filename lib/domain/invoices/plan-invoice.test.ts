/**
 * Planning an invoice (what the preview shows and a draft stores), on a small fixture of its
 * own: the demo seed creates drafts itself, so a file that seeds it could not tell a broken
 * planner from a broken seed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { setClock } from "@/lib/domain/clock";
import { localDateTime } from "@/lib/domain/dates";
import {
  addMember,
  createClientRow,
  createProjectRow,
  createTaskRow,
  createTimeEntryRow,
  createUser,
  createWorkspace,
} from "@/prisma/seed/factories";
import { previewInvoice } from "./preview-invoice";

const ZONE = "Pacific/Auckland";
// 23:30 UTC on 10 March is already 11 March in Auckland (UTC+13).
const NOW = new Date("2026-03-10T23:30:00Z");
const HOUR = 3_600;
const march = { from: "2026-03-01", to: "2026-03-31" };

let ada: Actor;
let client: { id: string; name: string; email: string | null };
let appId: string;
let foreignClientId: string;
/** Oldest first: Website/Design on 2 March, Website/Build on 3 March, App on 5 March (Auckland dates). */
let entryIds: [string, string, string];

beforeAll(async () => {
  setClock(() => NOW);
  const workspace = await createWorkspace(db, { timeZone: ZONE, currency: "GBP", paymentTermsDays: 14 });
  await db.workspace.update({ where: { id: workspace.id }, data: { nextInvoiceNumber: 42 } });
  const user = await createUser(db);
  const membership = await addMember(db, workspace.id, user.id, "owner");
  ada = { userId: user.id, membershipId: membership.id, workspaceId: workspace.id, role: "owner" };

  client = await createClientRow(db, workspace.id, { name: "Menabrea Press", email: "ap@menabrea.example" });
  const website = await createProjectRow(db, workspace.id, client.id, { name: "Website" });
  const app = await createProjectRow(db, workspace.id, client.id, { name: "App" });
  appId = app.id;
  const design = await createTaskRow(db, workspace.id, website.id, { name: "Design" });
  const build = await createTaskRow(db, workspace.id, website.id, { name: "Build" });
  const entry = (projectId: string, taskId: string | null, date: string, seconds: number, hourlyRate: number) =>
    createTimeEntryRow(db, {
      workspaceId: workspace.id,
      membershipId: membership.id,
      projectId,
      taskId,
      // 09:00 in Auckland is the previous day in UTC.
      startedAt: localDateTime(date, "09:00", ZONE),
      durationSeconds: seconds,
      hourlyRate,
    });
  entryIds = [
    (await entry(website.id, design.id, "2026-03-02", 2 * HOUR, 10_000)).id,
    (await entry(website.id, build.id, "2026-03-03", 1.5 * HOUR, 10_000)).id,
    (await entry(app.id, null, "2026-03-05", HOUR, 12_000)).id,
  ];

  const elsewhere = await createWorkspace(db);
  foreignClientId = (await createClientRow(db, elsewhere.id)).id;
});

afterAll(() => setClock(null));

describe("planInvoice", () => {
  it("plans a client's unbilled time in a date range: label, currency, dates, lines and totals", async () => {
    const plan = await previewInvoice(ada, { clientId: client.id, ...march, taxRate: 2_000, notes: "  Thank you.  " });
    expect(plan).toMatchObject({
      client: { id: client.id, name: "Menabrea Press", email: "ap@menabrea.example" },
      nextLabel: "INV-0042",
      currency: "GBP",
      // Today in Auckland, due after the workspace's 14-day terms.
      issueDate: "2026-03-11",
      dueDate: "2026-03-25",
      periodStart: "2026-03-01",
      periodEnd: "2026-03-31",
      grouping: "project",
      taxRate: 2_000,
      notes: "Thank you.",
      totals: { subtotal: 47_000, taxAmount: 9_400, total: 56_400 },
    });
    expect(plan.entries.map((e) => e.id)).toEqual(entryIds);
    expect(plan.lines.map((l) => [l.description, l.amount])).toEqual([
      ["App", 12_000],
      ["Website", 35_000],
    ]);
  });

  it("adds no tax and no notes unless asked", async () => {
    const plan = await previewInvoice(ada, { clientId: client.id, ...march });
    expect(plan).toMatchObject({ taxRate: 0, notes: "", totals: { subtotal: 47_000, taxAmount: 0, total: 47_000 } });
  });

  it("groups lines by task when asked", async () => {
    const plan = await previewInvoice(ada, { clientId: client.id, ...march, grouping: "task" });
    expect(plan.grouping).toBe("task");
    expect(plan.lines.map((l) => l.description)).toEqual(["App — General", "Website — Build", "Website — Design"]);
  });

  it.each([
    { name: "a date range", input: march },
    // A range given alongside chosen entries is ignored.
    { name: "a range that misses them", input: { from: "2026-01-01", to: "2026-01-31" } },
    { name: "only a start date", input: { from: "2026-01-01" } },
  ])("bills exactly the chosen entries, with the period they span, whatever $name says", async ({ input }) => {
    const plan = await previewInvoice(ada, { clientId: client.id, ...input, entryIds });
    expect(plan.entries.map((e) => e.id)).toEqual(entryIds);
    // The first entry started at 20:00 UTC on 1 March: 2 March in Auckland.
    expect([plan.periodStart, plan.periodEnd]).toEqual(["2026-03-02", "2026-03-05"]);
  });

  it("bills a one-day range", async () => {
    const plan = await previewInvoice(ada, { clientId: client.id, from: "2026-03-03", to: "2026-03-03" });
    expect(plan.entries.map((e) => e.id)).toEqual([entryIds[1]]);
    expect([plan.periodStart, plan.periodEnd]).toEqual(["2026-03-03", "2026-03-03"]);
  });

  it("bills only the chosen projects", async () => {
    const plan = await previewInvoice(ada, { clientId: client.id, ...march, projectIds: [appId] });
    expect(plan.entries.map((e) => e.id)).toEqual([entryIds[2]]);
  });

  it.each([
    { name: "an issue date and a due date on the same day", dates: { issueDate: "2026-03-01", dueDate: "2026-03-01" }, expected: ["2026-03-01", "2026-03-01"] },
    { name: "only an issue date", dates: { issueDate: "2026-04-01" }, expected: ["2026-04-01", "2026-04-15"] },
    { name: "only a due date", dates: { dueDate: "2026-03-12" }, expected: ["2026-03-11", "2026-03-12"] },
  ])("takes $name", async ({ dates, expected }) => {
    const plan = await previewInvoice(ada, { clientId: client.id, ...march, ...dates });
    expect([plan.issueDate, plan.dueDate]).toEqual(expected);
  });

  it("names the dates when the range holds no unbilled time", async () => {
    await expect(previewInvoice(ada, { clientId: client.id, from: "2026-01-01", to: "2026-01-31" })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("Menabrea Press has no unbilled billable time between 1 Jan 2026 and 31 Jan 2026"),
      fieldErrors: { from: expect.stringContaining("no unbilled billable time") },
    });
  });

  it("refuses a client of another workspace", async () => {
    await expect(previewInvoice(ada, { clientId: foreignClientId, ...march })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("client from this workspace"),
      fieldErrors: { clientId: expect.stringContaining("not a client in this workspace") },
    });
  });

  it.each([
    { name: "neither a range nor entries", input: {}, field: "from", says: "date range" },
    { name: "a start date alone", input: { from: "2026-03-01" }, field: "from", says: "date range" },
    { name: "a start after the end", input: { from: "2026-03-02", to: "2026-03-01" }, field: "from", says: "on or before" },
    { name: "no chosen entries", input: { entryIds: [] }, field: "entryIds", says: "at least one entry" },
    { name: "a due date before the issue date", input: { ...march, issueDate: "2026-03-02", dueDate: "2026-03-01" }, field: "dueDate", says: "on or after the issue date" },
    { name: "a negative tax rate", input: { ...march, taxRate: -1 }, field: "taxRate", says: "negative" },
    { name: "a tax rate over 100 %", input: { ...march, taxRate: 10_001 }, field: "taxRate", says: "100%" },
    { name: "an unknown grouping", input: { ...march, grouping: "member" }, field: "grouping", says: "project or task" },
    { name: "notes over 2000 characters", input: { ...march, notes: "x".repeat(2_001) }, field: "notes", says: "at most 2000" },
  ])("refuses $name", async ({ input, field, says }) => {
    await expect(previewInvoice(ada, { clientId: client.id, ...input } as never)).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { [field]: expect.stringContaining(says) },
    });
  });

  it("accepts a tax rate of exactly 100 %", async () => {
    const plan = await previewInvoice(ada, { clientId: client.id, ...march, taxRate: 10_000 });
    expect(plan.totals).toEqual({ subtotal: 47_000, taxAmount: 47_000, total: 94_000 });
  });
});
