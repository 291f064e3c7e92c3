/**
 * Editing a draft invoice: each editable field, the refusals (nothing changes), re-pulling time,
 * and races with another re-pull and with sending — on a fixture of its own.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, type DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { setClock } from "@/lib/domain/clock";
import { localDateTime } from "@/lib/domain/dates";
import { rejection, STAGGERS_MS, startApart } from "@/lib/testing/race";
import { addMember, createClientRow, createInvoiceRow, createProjectRow, createTaskRow, createTimeEntryRow, createUser, createWorkspace } from "@/prisma/seed/factories";
import { createCreditNote } from "./create-credit-note";
import { createInvoiceDraft } from "./create-invoice-draft";
import { getInvoice } from "./get-invoice";
import { sendInvoice } from "./send-invoice";
import { updateInvoiceDraft } from "./update-invoice-draft";
import { voidInvoice } from "./void-invoice";

/** Runs inside the edit's transaction right after it read the draft: a change that lands between its check and its write. */
const race = vi.hoisted(() => ({ afterRead: null as null | ((tx: DbTx, invoiceId: string) => Promise<void>) }));
vi.mock("./find-invoice", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./find-invoice")>();
  return {
    findInvoice: async (...args: Parameters<typeof actual.findInvoice>) => {
      const invoice = await actual.findInvoice(...args);
      await race.afterRead?.(args[0], invoice.id);
      return invoice;
    },
  };
});

const ZONE = "Europe/London";
const HOUR = 3_600;
const november = { from: "2026-11-01", to: "2026-11-30" };

let ada: Actor;
let mo: Actor;
let workspaceId: string;
let foreign: Actor;

beforeAll(async () => {
  setClock(() => new Date("2026-12-01T10:00:00Z"));
  const workspace = await createWorkspace(db, { timeZone: ZONE, currency: "EUR", paymentTermsDays: 30 });
  workspaceId = workspace.id;
  const owner = await createUser(db);
  const member = await createUser(db);
  ada = { userId: owner.id, membershipId: (await addMember(db, workspace.id, owner.id, "owner")).id, workspaceId, role: "owner" };
  mo = { userId: member.id, membershipId: (await addMember(db, workspace.id, member.id, "member")).id, workspaceId, role: "member" };
  const elsewhere = await createWorkspace(db);
  const stranger = await createUser(db);
  foreign = { userId: stranger.id, membershipId: (await addMember(db, elsewhere.id, stranger.id, "owner")).id, workspaceId: elsewhere.id, role: "owner" };
});

afterEach(() => {
  race.afterRead = null;
});

afterAll(() => setClock(null));

/** A client with two entries (3 and 24 Nov, 2 h and 1 h at €100/h) and a draft billing them: €300. */
async function draftWithTime(input: Record<string, unknown> = {}) {
  const client = await createClientRow(db, workspaceId, { email: "ap@client.example" });
  const project = await createProjectRow(db, workspaceId, client.id, { name: "Engine", hourlyRate: 10_000 });
  const entry = (date: string, seconds: number, hourlyRate = 10_000, taskId: string | null = null) =>
    createTimeEntryRow(db, { workspaceId, membershipId: ada.membershipId, projectId: project.id, taskId, startedAt: localDateTime(date, "09:00", ZONE), durationSeconds: seconds, hourlyRate });
  const entries = [await entry("2026-11-03", 2 * HOUR), await entry("2026-11-24", HOUR)];
  const draft = await createInvoiceDraft(ada, { clientId: client.id, ...november, ...input });
  return { client, project, entries, draft, entry };
}

const invoiceRow = (id: string) => db.invoice.findUniqueOrThrow({ where: { id }, include: { lines: true } });

describe("updateInvoiceDraft: editable fields", () => {
  it("stores the draft's work period, not the filter range", async () => {
    const { draft } = await draftWithTime();
    expect([draft.periodStart, draft.periodEnd]).toEqual(["2026-11-03", "2026-11-24"]);
  });

  it("changes the issue and due dates, notes and tax note", async () => {
    const { draft } = await draftWithTime();
    const edited = await updateInvoiceDraft(ada, { id: draft.id, issueDate: "2026-12-02", dueDate: "2026-12-16", notes: " Thanks! ", taxNote: " Reverse charge: VAT to be accounted for by the recipient. " });
    expect(edited).toMatchObject({ issueDate: "2026-12-02", dueDate: "2026-12-16", notes: "Thanks!", taxNote: "Reverse charge: VAT to be accounted for by the recipient.", number: draft.number, total: 30_000 });
  });

  it("accepts a draft due the day it is issued, and a one-day re-pull range", async () => {
    const { draft } = await draftWithTime();
    expect(await updateInvoiceDraft(ada, { id: draft.id, issueDate: "2026-12-05", dueDate: "2026-12-05" })).toMatchObject({ issueDate: "2026-12-05", dueDate: "2026-12-05" });
    expect(await updateInvoiceDraft(ada, { id: draft.id, refreshTime: { from: "2026-11-03", to: "2026-11-03" } })).toMatchObject({ subtotal: 20_000, periodStart: "2026-11-03", periodEnd: "2026-11-03" });
  });

  it("refuses an edit when the draft changes between its check and its write, and changes nothing", async () => {
    const { draft } = await draftWithTime();
    race.afterRead = async (tx, invoiceId) => {
      await tx.invoice.update({ where: { id: invoiceId }, data: { notes: "Edited elsewhere" } });
    };
    await expect(updateInvoiceDraft(ada, { id: draft.id, notes: "Mine" })).rejects.toMatchObject({
      code: "conflict",
      message: `${draft.label} changed a moment ago (sent, voided or edited); reload it and edit again.`,
    });
    race.afterRead = null;
    expect((await invoiceRow(draft.id)).notes).toBe("");
  });

  it("keeps what was not given", async () => {
    const { draft } = await draftWithTime({ notes: "Keep me", taxNote: "Exempt", taxes: [{ label: "VAT", rate: 2_000 }], discount: { rate: 1_000 } });
    const edited = await updateInvoiceDraft(ada, { id: draft.id, issueDate: "2026-12-01" });
    expect(edited).toMatchObject({ notes: "Keep me", taxNote: "Exempt", taxes: draft.taxes, discount: draft.discount, total: draft.total, dueDate: draft.dueDate });
  });

  it("replaces the taxes and recomputes the totals", async () => {
    const { draft } = await draftWithTime({ taxRate: 2_000 });
    expect(draft).toMatchObject({ taxes: [{ label: "Tax", rate: 2_000, amount: 6_000 }], total: 36_000 });
    const edited = await updateInvoiceDraft(ada, { id: draft.id, taxes: [{ label: "GST", rate: 500 }, { label: "PST", rate: 700 }] });
    expect(edited).toMatchObject({ taxes: [{ label: "GST", rate: 500, amount: 1_500 }, { label: "PST", rate: 700, amount: 2_100 }], taxRate: 1_200, taxAmount: 3_600, total: 33_600 });
    expect(await updateInvoiceDraft(ada, { id: draft.id, taxes: [] })).toMatchObject({ taxes: [], taxAmount: 0, total: 30_000 });
  });

  it("sets, changes and removes the discount, taxing what is left", async () => {
    const { draft } = await draftWithTime({ taxes: [{ label: "VAT", rate: 2_000 }] });
    // 30 000 − 10 % = 27 000; VAT 5 400.
    expect(await updateInvoiceDraft(ada, { id: draft.id, discount: { rate: 1_000 } })).toMatchObject({ discount: { label: "Discount", rate: 1_000 }, discountAmount: 3_000, taxAmount: 5_400, total: 32_400 });
    expect(await updateInvoiceDraft(ada, { id: draft.id, discount: { label: "Loyalty", amount: 5_000 } })).toMatchObject({ discount: { label: "Loyalty", amount: 5_000 }, discountAmount: 5_000, taxAmount: 5_000, total: 30_000 });
    expect(await updateInvoiceDraft(ada, { id: draft.id, discount: null })).toMatchObject({ discount: null, discountAmount: 0, taxAmount: 6_000, total: 36_000 });
  });

  it("renames lines by id", async () => {
    const { draft } = await draftWithTime();
    const [line] = draft.lines;
    const edited = await updateInvoiceDraft(ada, { id: draft.id, lines: [{ id: line!.id, description: "  Engine: November work  " }] });
    expect(edited.lines.map((l) => l.description)).toEqual(["Engine: November work"]);
    expect(edited.total).toBe(30_000);
  });
});

describe("updateInvoiceDraft: refusals change nothing", () => {
  it.each([
    { name: "a due date before the issue date", edit: { issueDate: "2026-12-10", dueDate: "2026-12-09" }, field: "dueDate", says: "on or after the issue date" },
    { name: "a due date before the stored issue date", edit: { dueDate: "2026-11-30" }, field: "dueDate", says: "on or after the issue date" },
    { name: "an issue date after the stored due date", edit: { issueDate: "2027-02-01" }, field: "dueDate", says: "on or after the issue date" },
    { name: "three taxes", edit: { taxes: [{ label: "A", rate: 1 }, { label: "B", rate: 1 }, { label: "C", rate: 1 }] }, field: "taxes", says: "at most 2" },
    { name: "two taxes with one label", edit: { taxes: [{ label: "VAT", rate: 1 }, { label: "VAT", rate: 2 }] }, field: "taxes", says: "its own label" },
    { name: "a tax over 100 %", edit: { taxes: [{ label: "VAT", rate: 10_001 }] }, field: "taxes.0.rate", says: "100%" },
    { name: "a discount larger than the subtotal", edit: { discount: { amount: 30_001 } }, field: "discount", says: "cannot exceed the subtotal" },
    { name: "a discount with a rate and an amount", edit: { discount: { rate: 1, amount: 1 } }, field: "discount", says: "either a rate or an amount" },
    { name: "a tax note over 500 characters", edit: { taxNote: "x".repeat(501) }, field: "taxNote", says: "at most 500" },
    { name: "an empty line description", edit: { lines: [{ id: "x", description: "  " }] }, field: "lines.0.description", says: "required" },
    { name: "one line described twice", edit: { lines: [{ id: "x", description: "First" }, { id: "x", description: "Second" }] }, field: "lines.1.id", says: "already given above" },
    { name: "a line description with a control character", edit: { lines: [{ id: "x", description: "Design\u0007 review" }] }, field: "lines.0.description", says: "control or text-direction" },
    { name: "only one end of a re-pull range", edit: { refreshTime: { from: "2026-11-01" } }, field: "refreshTime.from", says: "both from and to" },
    { name: "a re-pull range backwards", edit: { refreshTime: { from: "2026-11-30", to: "2026-11-01" } }, field: "refreshTime.from", says: "on or before" },
    { name: "notes over 2000 characters", edit: { notes: "x".repeat(2_001) }, field: "notes", says: "must be at most 2000 characters" },
    { name: "a line description over 500 characters", edit: { lines: [{ id: "x", description: "x".repeat(501) }] }, field: "lines.0.description", says: "must be at most 500 characters" },
    { name: "a grouping other than project or task", edit: { refreshTime: { grouping: "day" } }, field: "refreshTime.grouping", says: "must be project or task" },
    { name: "new line descriptions with a re-pull", edit: { lines: [{ id: "x", description: "y" }], refreshTime: {} }, field: "lines", says: "rebuilds the lines" },
  ])("refuses $name", async ({ edit, field, says }) => {
    const { draft } = await draftWithTime();
    const before = await invoiceRow(draft.id);
    await expect(updateInvoiceDraft(ada, { id: draft.id, ...edit } as never)).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { [field]: expect.stringContaining(says) } });
    expect(await invoiceRow(draft.id)).toEqual(before);
  });

  it("refuses a line of another invoice", async () => {
    const { draft } = await draftWithTime();
    const other = await draftWithTime();
    const before = await invoiceRow(draft.id);
    await expect(
      updateInvoiceDraft(ada, { id: draft.id, lines: [{ id: draft.lines[0]!.id, description: "Mine" }, { id: other.draft.lines[0]!.id, description: "Theirs" }] }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      message: `Line ${other.draft.lines[0]!.id} is not a line of ${draft.label}.`,
      fieldErrors: { "lines.1.id": `is not a line of ${draft.label}` },
    });
    expect(await invoiceRow(draft.id)).toEqual(before);
    expect((await invoiceRow(other.draft.id)).lines[0]?.description).toBe("Engine");
  });

  it("refuses a sent invoice and points to a credit note", async () => {
    const { draft } = await draftWithTime();
    await sendInvoice(ada, { id: draft.id });
    const before = await invoiceRow(draft.id);
    await expect(updateInvoiceDraft(ada, { id: draft.id, notes: "Too late" })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/already sent; only drafts can be edited.*credit note/),
    });
    expect(await invoiceRow(draft.id)).toEqual(before);
  });

  it("refuses a paid invoice and points to a credit note", async () => {
    const { draft } = await draftWithTime();
    await sendInvoice(ada, { id: draft.id });
    await db.invoice.update({ where: { id: draft.id }, data: { status: "paid", amountPaid: draft.total } });
    await expect(updateInvoiceDraft(ada, { id: draft.id, notes: "Too late" })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/already paid.*credit note/) });
  });

  it("refuses a void invoice", async () => {
    const { draft } = await draftWithTime();
    await voidInvoice(ada, { id: draft.id });
    await expect(updateInvoiceDraft(ada, { id: draft.id, notes: "Too late" })).rejects.toMatchObject({
      code: "conflict",
      message: `${draft.label} is void; it cannot be edited. Create a new invoice for its time instead.`,
    });
  });

  it("refuses a credit note, which is never edited", async () => {
    const { draft } = await draftWithTime();
    await sendInvoice(ada, { id: draft.id });
    const note = await createCreditNote(ada, { invoiceId: draft.id, lines: [{ description: "Goodwill", amount: 1_000 }] });
    const before = await invoiceRow(note.id);
    await expect(updateInvoiceDraft(ada, { id: note.id, notes: "Changed my mind" })).rejects.toMatchObject({
      code: "conflict",
      message: `${note.label} is a credit note; credit notes are not edited.`,
    });
    expect(await invoiceRow(note.id)).toEqual(before);
  });

  it("says which dates clash when the due date would come before the issue date", async () => {
    const { draft } = await draftWithTime();
    await expect(updateInvoiceDraft(ada, { id: draft.id, issueDate: "2026-12-10", dueDate: "2026-12-09" })).rejects.toMatchObject({
      message: "The due date (2026-12-09) is before the issue date (2026-12-10).",
    });
  });

  it("re-pulling a draft that has no period needs a range, and changes nothing", async () => {
    const client = await createClientRow(db, workspaceId);
    const bare = await createInvoiceRow(db, { workspaceId, clientId: client.id, number: 9_500, status: "draft", total: 0 });
    const before = await invoiceRow(bare.id);
    await expect(updateInvoiceDraft(ada, { id: bare.id, refreshTime: {} })).rejects.toMatchObject({
      code: "invalid_input",
      message: "INV-9500 has no period; give from and to.",
      fieldErrors: { "refreshTime.from": "is required: the draft has no period" },
    });
    expect(await invoiceRow(bare.id)).toEqual(before);
  });

  it("refuses another workspace's draft as not found", async () => {
    const { draft } = await draftWithTime();
    await expect(updateInvoiceDraft(foreign, { id: draft.id, notes: "Mine now" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a member, who cannot write invoices", async () => {
    const { draft } = await draftWithTime();
    await expect(updateInvoiceDraft(mo, { id: draft.id, notes: "Hi" })).rejects.toMatchObject({ code: "forbidden", message: "A member cannot edit invoices in this workspace." });
    expect((await invoiceRow(draft.id)).notes).toBe("");
  });
});

describe("updateInvoiceDraft: re-pulling time", () => {
  it("picks up new time in the draft's own period, keeps the number and replaces edited descriptions", async () => {
    const { draft, entry, entries } = await draftWithTime({ taxes: [{ label: "VAT", rate: 2_000 }] });
    await updateInvoiceDraft(ada, { id: draft.id, lines: [{ id: draft.lines[0]!.id, description: "Renamed" }] });
    const late = await entry("2026-11-10", HOUR, 15_000);
    // Outside the draft's period (3–24 Nov): not picked up without a range.
    const outside = await entry("2026-11-28", HOUR);
    const pulled = await updateInvoiceDraft(ada, { id: draft.id, refreshTime: {} });
    expect(pulled).toMatchObject({ number: draft.number, periodStart: "2026-11-03", periodEnd: "2026-11-24", subtotal: 45_000, taxAmount: 9_000, total: 54_000 });
    expect(pulled.lines.map((l) => [l.description, l.amount, l.entryCount])).toEqual([
      ["Engine (at €150.00/h)", 15_000, 1],
      ["Engine (at €100.00/h)", 30_000, 2],
    ]);
    const held = await db.timeEntry.findMany({ where: { invoiceLine: { invoiceId: draft.id } }, select: { id: true } });
    expect(held.map((e) => e.id).sort()).toEqual([entries[0]!.id, entries[1]!.id, late.id].sort());
    expect((await db.timeEntry.findUniqueOrThrow({ where: { id: outside.id } })).invoiceLineId).toBeNull();
    expect(await db.invoiceLine.count({ where: { invoiceId: draft.id } })).toBe(2);
  });

  it("releases time a narrower range drops, and sets the period to the work billed", async () => {
    const { draft, entries } = await draftWithTime();
    const pulled = await updateInvoiceDraft(ada, { id: draft.id, refreshTime: { from: "2026-11-01", to: "2026-11-15" } });
    expect(pulled).toMatchObject({ subtotal: 20_000, total: 20_000, periodStart: "2026-11-03", periodEnd: "2026-11-03" });
    expect((await db.timeEntry.findUniqueOrThrow({ where: { id: entries[1]!.id } })).invoiceLineId).toBeNull();
    // The released time can go on another invoice.
    const next = await createInvoiceDraft(ada, { clientId: draft.client.id, ...november });
    expect(next.total).toBe(10_000);
  });

  it("groups per task when asked", async () => {
    const { draft, project, entry } = await draftWithTime();
    const task = await createTaskRow(db, workspaceId, project.id, { name: "Boiler" });
    await entry("2026-11-05", HOUR, 10_000, task.id);
    const pulled = await updateInvoiceDraft(ada, { id: draft.id, refreshTime: { ...november, grouping: "task" } });
    expect(pulled.lines.map((l) => l.description)).toEqual(["Engine — Boiler", "Engine — General"]);
  });

  it("keeps a draft grouped per task grouped per task when re-pulled without a grouping, and per project one per project", async () => {
    const { draft, project, entry } = await draftWithTime();
    const task = await createTaskRow(db, workspaceId, project.id, { name: "Boiler" });
    await entry("2026-11-05", HOUR, 10_000, task.id);
    const perTask = await updateInvoiceDraft(ada, { id: draft.id, refreshTime: { ...november, grouping: "task" } });
    expect(perTask.lines.map((l) => l.description)).toEqual(["Engine — Boiler", "Engine — General"]);
    await entry("2026-11-06", HOUR, 10_000, task.id);
    const again = await updateInvoiceDraft(ada, { id: draft.id, refreshTime: {} });
    expect(again.lines.map((l) => [l.description, l.amount])).toEqual([
      ["Engine — Boiler", 20_000],
      ["Engine — General", 30_000],
    ]);
    const perProject = await updateInvoiceDraft(ada, { id: draft.id, refreshTime: { ...november, grouping: "project" } });
    expect(perProject.lines.map((l) => l.description)).toEqual(["Engine"]);
    // No task on any line now: a re-pull stays per project.
    expect((await updateInvoiceDraft(ada, { id: draft.id, refreshTime: {} })).lines.map((l) => [l.description, l.amount])).toEqual([["Engine", 50_000]]);
  });

  it("refuses a range with no time and changes nothing", async () => {
    const { draft } = await draftWithTime();
    const before = await invoiceRow(draft.id);
    await expect(updateInvoiceDraft(ada, { id: draft.id, refreshTime: { from: "2026-10-01", to: "2026-10-31" } })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("no unbilled billable time"),
    });
    expect(await invoiceRow(draft.id)).toEqual(before);
    expect(await db.timeEntry.count({ where: { invoiceLine: { invoiceId: draft.id } } })).toBe(2);
  });

  it("refuses time another draft holds: it is not this client's unbilled time", async () => {
    const { draft, client, project } = await draftWithTime();
    const other = await createTimeEntryRow(db, { workspaceId, membershipId: ada.membershipId, projectId: project.id, startedAt: localDateTime("2026-12-01", "09:00", ZONE), durationSeconds: HOUR, hourlyRate: 10_000 });
    const second = await createInvoiceDraft(ada, { clientId: client.id, from: "2026-12-01", to: "2026-12-01" });
    const pulled = await updateInvoiceDraft(ada, { id: draft.id, refreshTime: { from: "2026-11-01", to: "2026-12-31" } });
    expect(pulled.subtotal).toBe(30_000);
    expect((await db.timeEntry.findUniqueOrThrow({ where: { id: other.id }, include: { invoiceLine: true } })).invoiceLine?.invoiceId).toBe(second.id);
  });
});

describe("updateInvoiceDraft: races", () => {
  /** Every entry of the client is on at most one line, and every invoice's subtotal is its lines' sum. */
  async function expectConsistent(clientId: string, round: string) {
    const invoices = await db.invoice.findMany({ where: { clientId }, include: { lines: { include: { timeEntries: true } } } });
    for (const invoice of invoices) {
      expect(invoice.subtotal, round).toBe(invoice.lines.reduce((sum, line) => sum + line.amount, 0));
      for (const line of invoice.lines) expect(line.quantitySeconds, round).toBe(line.timeEntries.reduce((sum, e) => sum + e.durationSeconds, 0));
    }
  }

  it("two re-pulls at once: each lands whole or is refused, and the time is billed once", async () => {
    for (const delay of STAGGERS_MS) {
      const { draft, client, entry } = await draftWithTime();
      await entry("2026-11-12", HOUR);
      const [a, b] = await startApart(
        () => updateInvoiceDraft(ada, { id: draft.id, refreshTime: {} }),
        () => updateInvoiceDraft(ada, { id: draft.id, refreshTime: { from: "2026-11-01", to: "2026-11-11" } }),
        delay,
      );
      for (const refused of [rejection(a), rejection(b)].filter(Boolean)) expect(refused, `round ${delay} ms`).toMatchObject({ code: "conflict" });
      expect([a, b].some((r) => r.status === "fulfilled"), `round ${delay} ms`).toBe(true);
      await expectConsistent(client.id, `round ${delay} ms`);
      const stored = await getInvoice(ada, draft.id);
      // The last re-pull to commit decides: the whole period (€400) or 1–11 Nov (€200).
      expect([40_000, 20_000], `round ${delay} ms`).toContain(stored.subtotal);
    }
  });

  it("a re-pull and a send at once: the invoice is sent as it then stood, or the re-pull is refused", async () => {
    for (const delay of STAGGERS_MS) {
      const { draft, client, entry } = await draftWithTime();
      await entry("2026-11-12", HOUR);
      const [pull, send] = await startApart(
        () => updateInvoiceDraft(ada, { id: draft.id, refreshTime: {} }),
        () => sendInvoice(ada, { id: draft.id }),
        delay,
      );
      for (const refused of [rejection(pull), rejection(send)].filter(Boolean)) expect(refused, `round ${delay} ms`).toMatchObject({ code: "conflict" });
      await expectConsistent(client.id, `round ${delay} ms`);
      const stored = await getInvoice(ada, draft.id);
      if (send.status === "fulfilled") {
        expect(stored.status).toBe("sent");
        // The message sent carries the totals the invoice has.
        expect(stored.deliveries).toHaveLength(1);
        expect(stored.deliveries[0]?.subject, `round ${delay} ms`).toContain(stored.total === 40_000 ? "€400.00" : "€300.00");
        expect(stored.total).toBe(pull.status === "fulfilled" ? 40_000 : 30_000);
      } else {
        expect(pull.status).toBe("fulfilled");
        expect(stored).toMatchObject({ status: "draft", total: 40_000 });
      }
    }
  });
});
