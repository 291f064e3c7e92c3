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
import { createInvoiceDraft } from "./create-invoice-draft";
import { findBillableCandidates } from "./find-billable-candidates";
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
let foreignProjectId: string;
/** A project of another client of the same workspace. */
let otherClientsProjectId: string;
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
  foreignProjectId = (await createProjectRow(db, elsewhere.id, foreignClientId)).id;
  const otherClient = await createClientRow(db, workspace.id, { name: "Analytical Society" });
  const otherClientsProject = await createProjectRow(db, workspace.id, otherClient.id, { name: "Engine" });
  otherClientsProjectId = otherClientsProject.id;
  // Unbilled time of the other client: its project must not pass as "no time" either.
  await entry(otherClientsProject.id, null, "2026-03-04", HOUR, 10_000);
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
      // The work's first and last dates, not the range's.
      periodStart: "2026-03-02",
      periodEnd: "2026-03-05",
      grouping: "project",
      taxRate: 2_000,
      // The legacy tax rate is one tax labelled Tax.
      taxes: [{ label: "Tax", rate: 2_000, amount: 9_400 }],
      discount: null,
      taxNote: "",
      notes: "Thank you.",
      totals: { subtotal: 47_000, discountAmount: 0, taxAmount: 9_400, total: 56_400 },
    });
    expect(plan.entries.map((e) => e.id)).toEqual(entryIds);
    expect(plan.lines.map((l) => [l.description, l.amount])).toEqual([
      ["App", 12_000],
      ["Website", 35_000],
    ]);
  });

  it("adds no tax and no notes unless asked", async () => {
    const plan = await previewInvoice(ada, { clientId: client.id, ...march });
    expect(plan).toMatchObject({ taxRate: 0, taxes: [], discount: null, taxNote: "", notes: "", totals: { subtotal: 47_000, discountAmount: 0, taxAmount: 0, total: 47_000 } });
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
      message: "clientId: no client with this id in this workspace",
      fieldErrors: { clientId: "no client with this id in this workspace" },
    });
  });

  // An id that names no project of the client would filter everything out: refused, never "no unbilled time".
  const PROJECT_REFUSALS = [
    { name: "an unknown project", ids: () => ["zzz"], says: () => "no project with this id in this workspace: zzz" },
    // Another workspace's project reads exactly like one that exists nowhere.
    { name: "another workspace's project", ids: () => [foreignProjectId], says: () => `no project with this id in this workspace: ${foreignProjectId}` },
    { name: "another client's project", ids: () => [appId, otherClientsProjectId], says: () => `is not a project of this client: ${otherClientsProjectId}` },
    { name: "an unknown project beside a real one", ids: () => [appId, "zzz"], says: () => "no project with this id in this workspace: zzz" },
  ];

  it.each(PROJECT_REFUSALS)("refuses $name in the preview, at projectIds", async ({ ids, says }) => {
    await expect(previewInvoice(ada, { clientId: client.id, ...march, projectIds: ids() })).rejects.toMatchObject({
      code: "invalid_input",
      message: `projectIds: ${says()}`,
      fieldErrors: { projectIds: says() },
    });
  });

  it.each(PROJECT_REFUSALS)("refuses $name when looking for billable time, at projectIds", async ({ ids, says }) => {
    await expect(findBillableCandidates(ada, { clientId: client.id, ...march, projectIds: ids() })).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { projectIds: says() },
    });
  });

  it.each(PROJECT_REFUSALS)("refuses $name in a draft, and creates nothing", async ({ ids, says }) => {
    const before = await db.workspace.findUniqueOrThrow({ where: { id: ada.workspaceId }, select: { nextInvoiceNumber: true } });
    await expect(createInvoiceDraft(ada, { clientId: client.id, ...march, projectIds: ids() })).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { projectIds: says() },
    });
    expect(await db.workspace.findUniqueOrThrow({ where: { id: ada.workspaceId }, select: { nextInvoiceNumber: true } })).toEqual(before);
    expect(await db.invoice.count({ where: { workspaceId: ada.workspaceId } })).toBe(0);
  });

  it("refuses another workspace's client and an unknown one alike when looking for billable time", async () => {
    for (const clientId of [foreignClientId, "zzz"]) {
      await expect(findBillableCandidates(ada, { clientId, ...march })).rejects.toMatchObject({
        code: "invalid_input",
        message: "clientId: no client with this id in this workspace",
        fieldErrors: { clientId: "no client with this id in this workspace" },
      });
    }
  });

  it("refuses chosen entries of another client, and of another workspace, at entryIds", async () => {
    const otherClients = await db.timeEntry.findFirstOrThrow({ where: { projectId: otherClientsProjectId } });
    for (const chosen of [[otherClients.id], ["zzz"]]) {
      await expect(previewInvoice(ada, { clientId: client.id, entryIds: [entryIds[0], ...chosen] })).rejects.toMatchObject({
        code: "invalid_input",
        fieldErrors: { entryIds: "contains entries that cannot be billed" },
      });
    }
  });

  it.each([
    { name: "neither a range nor entries", input: {}, field: "from", says: "date range" },
    { name: "a start date alone", input: { from: "2026-03-01" }, field: "from", says: "date range" },
    { name: "a start after the end", input: { from: "2026-03-02", to: "2026-03-01" }, field: "from", says: "on or before" },
    { name: "no chosen entries", input: { entryIds: [] }, field: "entryIds", says: "at least one entry" },
    { name: "a due date before the issue date", input: { ...march, issueDate: "2026-03-02", dueDate: "2026-03-01" }, field: "dueDate", says: "on or after the issue date" },
    { name: "a negative tax rate", input: { ...march, taxRate: -1 }, field: "taxRate", says: "negative" },
    { name: "a tax rate over 100 %", input: { ...march, taxRate: 10_001 }, field: "taxRate", says: "100%" },
    { name: "both taxes and a tax rate", input: { ...march, taxRate: 2_000, taxes: [{ label: "VAT", rate: 2_000 }] }, field: "taxRate", says: "either named taxes or the single tax rate" },
    { name: "three taxes", input: { ...march, taxes: [{ label: "A", rate: 1 }, { label: "B", rate: 1 }, { label: "C", rate: 1 }] }, field: "taxes", says: "at most 2 taxes" },
    { name: "a tax without a label", input: { ...march, taxes: [{ label: "   ", rate: 2_000 }] }, field: "taxes.0.label", says: "required" },
    { name: "a tax label over 40 characters", input: { ...march, taxes: [{ label: "x".repeat(41), rate: 2_000 }] }, field: "taxes.0.label", says: "at most 40" },
    { name: "two taxes with one label", input: { ...march, taxes: [{ label: "VAT", rate: 2_000 }, { label: " vat ", rate: 500 }] }, field: "taxes", says: "its own label" },
    { name: "a negative named tax", input: { ...march, taxes: [{ label: "VAT", rate: -1 }] }, field: "taxes.0.rate", says: "negative" },
    { name: "a named tax over 100 %", input: { ...march, taxes: [{ label: "VAT", rate: 10_001 }] }, field: "taxes.0.rate", says: "100%" },
    { name: "a fractional tax rate", input: { ...march, taxes: [{ label: "VAT", rate: 20.5 }] }, field: "taxes.0.rate", says: "basis points" },
    { name: "a discount with a rate and an amount", input: { ...march, discount: { rate: 1_000, amount: 500 } }, field: "discount", says: "either a rate or an amount" },
    { name: "a discount with neither", input: { ...march, discount: { label: "Loyalty" } }, field: "discount", says: "either a rate or an amount" },
    { name: "a discount rate over 100 %", input: { ...march, discount: { rate: 10_001 } }, field: "discount.rate", says: "100%" },
    { name: "a negative discount amount", input: { ...march, discount: { amount: -1 } }, field: "discount.amount", says: "negative" },
    { name: "a discount label over 40 characters", input: { ...march, discount: { label: "x".repeat(41), amount: 1 } }, field: "discount.label", says: "at most 40" },
    { name: "a discount larger than the subtotal", input: { ...march, discount: { amount: 47_001 } }, field: "discount", says: "cannot exceed the subtotal" },
    { name: "a tax note over 500 characters", input: { ...march, taxNote: "x".repeat(501) }, field: "taxNote", says: "at most 500" },
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
    expect(plan.totals).toEqual({ subtotal: 47_000, discountAmount: 0, taxes: [{ label: "Tax", rate: 10_000, amount: 47_000 }], taxAmount: 47_000, total: 94_000 });
  });

  it("plans named taxes on the subtotal less a percentage discount, with a tax note", async () => {
    const plan = await previewInvoice(ada, {
      clientId: client.id,
      ...march,
      taxes: [{ label: " GST ", rate: 500 }, { label: "PST", rate: 700 }],
      discount: { rate: 1_000 },
      taxNote: "  PST exempt for resale.  ",
    });
    // 47 000 − 10 % = 42 300; GST 2 115; PST 2 961.
    expect(plan).toMatchObject({
      taxRate: 1_200,
      taxes: [{ label: "GST", rate: 500, amount: 2_115 }, { label: "PST", rate: 700, amount: 2_961 }],
      discount: { label: "Discount", rate: 1_000 },
      taxNote: "PST exempt for resale.",
      totals: { subtotal: 47_000, discountAmount: 4_700, taxAmount: 5_076, total: 47_376 },
    });
  });

  it("takes a fixed discount as large as the subtotal, with its own label", async () => {
    const plan = await previewInvoice(ada, { clientId: client.id, ...march, taxes: [{ label: "VAT", rate: 2_000 }], discount: { label: "Goodwill", amount: 47_000 } });
    expect(plan).toMatchObject({ discount: { label: "Goodwill", amount: 47_000 }, totals: { discountAmount: 47_000, taxAmount: 0, total: 0 } });
  });

  it("prints the work's period, not the filter's: 6 entries between 3 and 24 Nov under a 1 Nov 2025 – 30 Nov 2026 filter", async () => {
    const babbage = await createClientRow(db, ada.workspaceId, { name: "Babbage & Co" });
    const engine = await createProjectRow(db, ada.workspaceId, babbage.id, { name: "Engine" });
    for (const day of ["03", "07", "11", "14", "20", "24"]) {
      await createTimeEntryRow(db, {
        workspaceId: ada.workspaceId,
        membershipId: ada.membershipId,
        projectId: engine.id,
        // 23:30 on the 24th in Auckland is still the 24th there (10:30 UTC).
        startedAt: localDateTime(`2026-11-${day}`, day === "24" ? "23:30" : "09:00", ZONE),
        durationSeconds: HOUR,
        hourlyRate: 10_000,
      });
    }
    const plan = await previewInvoice(ada, { clientId: babbage.id, from: "2025-11-01", to: "2026-11-30" });
    expect(plan.entries).toHaveLength(6);
    expect([plan.periodStart, plan.periodEnd]).toEqual(["2026-11-03", "2026-11-24"]);
  });
});
