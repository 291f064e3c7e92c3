import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, type DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { setClock } from "@/lib/domain/clock";
import type { InvoiceStatus } from "@/lib/generated/prisma/enums";
import {
  addMember,
  createClientRow,
  createInvoiceRow,
  createProjectRow,
  createTimeEntryRow,
  createUser,
  createWorkspace,
} from "@/prisma/seed/factories";
import { getInvoice } from "./get-invoice";
import { voidInvoice } from "./void-invoice";

/** Runs right after voiding has read the invoice: stands in for a concurrent writer. */
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

const NOW = new Date("2026-03-10T12:00:00Z");

let owner: Actor;
let member: Actor;
let clientId: string;
let projectId: string;
let nextNumber = 1;

beforeAll(async () => {
  setClock(() => NOW);
  const workspace = await createWorkspace(db);
  const ada = await createUser(db);
  const charles = await createUser(db);
  const adaMembership = await addMember(db, workspace.id, ada.id, "owner");
  const charlesMembership = await addMember(db, workspace.id, charles.id, "member");
  owner = { userId: ada.id, membershipId: adaMembership.id, workspaceId: workspace.id, role: "owner" };
  member = { userId: charles.id, membershipId: charlesMembership.id, workspaceId: workspace.id, role: "member" };
  clientId = (await createClientRow(db, workspace.id)).id;
  projectId = (await createProjectRow(db, workspace.id, clientId)).id;
});

afterEach(() => {
  race.afterRead = null;
});

afterAll(() => setClock(null));

/** An invoice billing one 2-hour entry at €100/h. */
async function invoice(data: { status?: InvoiceStatus; amountPaid?: number } = {}) {
  const row = await createInvoiceRow(db, { workspaceId: owner.workspaceId, clientId, number: nextNumber++, ...data });
  const line = await db.invoiceLine.create({
    data: { invoiceId: row.id, position: 1, description: "Work", projectId, quantitySeconds: 7_200, unitRate: 10_000, amount: 20_000 },
  });
  const entry = await createTimeEntryRow(db, {
    workspaceId: owner.workspaceId,
    membershipId: owner.membershipId,
    projectId,
    startedAt: new Date("2026-03-02T09:00:00Z"),
    durationSeconds: 7_200,
    hourlyRate: 10_000,
  });
  await db.timeEntry.update({ where: { id: entry.id }, data: { invoiceLineId: line.id } });
  return { id: row.id, number: row.number, label: `INV-${String(row.number).padStart(4, "0")}`, entryId: entry.id };
}

const billedOn = async (entryId: string) => (await db.timeEntry.findUniqueOrThrow({ where: { id: entryId } })).invoiceLineId;

describe("voidInvoice", () => {
  it.each(["draft", "sent"] as const)("voids a %s invoice, keeps its number and frees only its own time", async (status) => {
    const other = await invoice({ status });
    const target = await invoice({ status });
    const voided = await voidInvoice(owner, { id: target.id });
    expect(voided).toMatchObject({ id: target.id, status: "void", number: target.number, balanceDue: 0, voidedAt: NOW });
    expect(await billedOn(target.entryId)).toBeNull();
    expect(await getInvoice(owner, other.id)).toMatchObject({ status, voidedAt: null });
    expect(await billedOn(other.entryId)).not.toBeNull();
  });

  it("refuses to void an invoice already void", async () => {
    const { id, label } = await invoice();
    await voidInvoice(owner, { id });
    await expect(voidInvoice(owner, { id })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining(`${label} is already void`) });
  });

  it.each([
    { name: "a sent invoice with a partial payment", status: "sent" as const, amountPaid: 1_000 },
    { name: "a paid invoice", status: "paid" as const, amountPaid: 20_000 },
    // The status alone is enough, whatever the amount says.
    { name: "an invoice marked paid", status: "paid" as const, amountPaid: 0 },
  ])("refuses to void $name and keeps its time billed", async ({ status, amountPaid }) => {
    const { id, label, entryId } = await invoice({ status, amountPaid });
    await expect(voidInvoice(owner, { id })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining(`${label} has payments recorded`),
    });
    expect(await getInvoice(owner, id)).toMatchObject({ status, voidedAt: null });
    expect(await billedOn(entryId)).not.toBeNull();
  });

  it("refuses a member, who may not void invoices", async () => {
    const { id } = await invoice();
    await expect(voidInvoice(member, { id })).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("cannot void invoices") });
    expect((await getInvoice(owner, id)).status).toBe("sent");
  });

  it("refuses to void when a payment lands between its check and its write", async () => {
    const { id, label, entryId } = await invoice();
    race.afterRead = async (tx, invoiceId) => {
      await tx.invoice.update({ where: { id: invoiceId }, data: { amountPaid: { increment: 1_000 } } });
    };
    await expect(voidInvoice(owner, { id })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining(`${label} changed a moment ago`),
    });
    race.afterRead = null;
    expect(await getInvoice(owner, id)).toMatchObject({ status: "sent", amountPaid: 0, voidedAt: null });
    expect(await billedOn(entryId)).not.toBeNull();
  });
});
