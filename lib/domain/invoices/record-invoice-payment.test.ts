/**
 * Recording payments, on a small fixture of its own (the demo seed records a payment itself,
 * so a test file that seeds it could not tell a broken recorder from a broken seed).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, type DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { setClock } from "@/lib/domain/clock";
import type { InvoiceStatus } from "@/lib/generated/prisma/enums";
import { addMember, createClientRow, createInvoiceRow, createUser, createWorkspace } from "@/prisma/seed/factories";
import { getInvoice } from "./get-invoice";
import { recordInvoicePayment } from "./record-invoice-payment";

/** Runs right after the recorder has read the invoice: stands in for a concurrent writer. */
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

// 23:30 UTC on 10 March is already 11 March in Auckland (UTC+13).
const NOW = new Date("2026-03-10T23:30:00Z");
const TODAY = "2026-03-11";

let owner: Actor;
let member: Actor;
let clientId: string;
let nextNumber = 1;

beforeAll(async () => {
  setClock(() => NOW);
  const workspace = await createWorkspace(db, { timeZone: "Pacific/Auckland", currency: "EUR" });
  const ada = await createUser(db, { name: "Ada Lovelace" });
  const charles = await createUser(db, { name: "Charles Babbage" });
  const adaMembership = await addMember(db, workspace.id, ada.id, "owner");
  const charlesMembership = await addMember(db, workspace.id, charles.id, "member");
  owner = { userId: ada.id, membershipId: adaMembership.id, workspaceId: workspace.id, role: "owner" };
  member = { userId: charles.id, membershipId: charlesMembership.id, workspaceId: workspace.id, role: "member" };
  clientId = (await createClientRow(db, workspace.id)).id;
});

afterEach(() => {
  race.afterRead = null;
});

afterAll(() => setClock(null));

/** A €200.00 invoice (unless told otherwise), sent and unpaid. */
async function invoice(data: { status?: InvoiceStatus; total?: number; amountPaid?: number; currency?: string } = {}) {
  const row = await createInvoiceRow(db, { workspaceId: owner.workspaceId, clientId, number: nextNumber++, ...data });
  return { id: row.id, label: `INV-${String(row.number).padStart(4, "0")}` };
}

async function expectUnchanged(invoiceId: string, amountPaid = 0) {
  const after = await getInvoice(owner, invoiceId);
  expect(after.amountPaid).toBe(amountPaid);
  expect(await db.payment.count({ where: { invoiceId } })).toBe(after.payments.length);
  return after;
}

describe("recordInvoicePayment", () => {
  it("records a partial payment and leaves the rest due", async () => {
    const { id } = await invoice();
    const partial = await recordInvoicePayment(owner, { invoiceId: id, amount: 5_000, method: "card", reference: "  Visa 4242  " });
    expect(partial).toMatchObject({ id, status: "sent", amountPaid: 5_000, balanceDue: 15_000, paidAt: null });
    expect(partial.payments).toEqual([
      { id: expect.any(String), amount: 5_000, paidOn: TODAY, method: "card", reference: "Visa 4242", recordedBy: "Ada Lovelace" },
    ]);
  });

  it("defaults to a bank transfer with no reference, paid today in the workspace's time zone", async () => {
    const { id } = await invoice();
    const { payments } = await recordInvoicePayment(owner, { invoiceId: id, amount: 1_000 });
    expect(payments).toMatchObject([{ paidOn: TODAY, method: "bank_transfer", reference: "" }]);
  });

  it("marks the invoice paid, as of the local day of the payment, when a payment settles the balance exactly", async () => {
    const { id } = await invoice({ amountPaid: 5_000 });
    const paid = await recordInvoicePayment(owner, { invoiceId: id, amount: 15_000, paidOn: "2026-03-09" });
    expect(paid).toMatchObject({ status: "paid", amountPaid: 20_000, balanceDue: 0 });
    // Midnight starting 9 March in Auckland.
    expect(paid.paidAt).toEqual(new Date("2026-03-08T11:00:00Z"));
  });

  it("refuses, after a partial payment, more than the balance still due", async () => {
    const { id, label } = await invoice();
    await recordInvoicePayment(owner, { invoiceId: id, amount: 5_000 });
    await expect(recordInvoicePayment(owner, { invoiceId: id, amount: 15_001 })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining(`balance due on ${label} is €150.00, not €150.01`),
      fieldErrors: { amount: "must be at most €150.00" },
    });
    const after = await expectUnchanged(id, 5_000);
    expect(after.status).toBe("sent");
  });

  it("states the balance in the invoice's currency", async () => {
    const { id } = await invoice({ total: 10_000, currency: "GBP" });
    await expect(recordInvoicePayment(owner, { invoiceId: id, amount: 10_001 })).rejects.toMatchObject({
      fieldErrors: { amount: "must be at most £100.00" },
    });
  });

  it.each([
    { status: "draft" as const, amountPaid: 0, reason: "is still a draft" },
    { status: "void" as const, amountPaid: 0, reason: "is void" },
    { status: "paid" as const, amountPaid: 20_000, reason: "is already paid" },
  ])("refuses a payment on a $status invoice", async ({ status, amountPaid, reason }) => {
    const { id, label } = await invoice({ status, amountPaid });
    await expect(recordInvoicePayment(owner, { invoiceId: id, amount: 100 })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining(`${label} ${reason}`),
    });
    const after = await expectUnchanged(id, amountPaid);
    expect(after.status).toBe(status);
  });

  it("refuses a payment dated after today in the workspace's calendar", async () => {
    const { id } = await invoice();
    await expect(recordInvoicePayment(owner, { invoiceId: id, amount: 100, paidOn: "2026-03-12" })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("future"),
      fieldErrors: { paidOn: "is in the future" },
    });
    await expectUnchanged(id);
    // Already 11 March in Auckland, though still 10 March in UTC.
    expect((await recordInvoicePayment(owner, { invoiceId: id, amount: 100, paidOn: TODAY })).payments).toMatchObject([{ paidOn: TODAY }]);
  });

  it.each([
    { name: "a zero amount", input: { amount: 0 }, field: "amount", says: "more than zero" },
    { name: "a fraction of a cent", input: { amount: 10.5 }, field: "amount", says: "whole number of cents" },
    { name: "an unknown method", input: { amount: 100, method: "barter" }, field: "method", says: "bank_transfer, card, cash, check or other" },
    { name: "a reference over 200 characters", input: { amount: 100, reference: "x".repeat(201) }, field: "reference", says: "at most 200" },
    { name: "an impossible date", input: { amount: 100, paidOn: "2026-02-30" }, field: "paidOn", says: "YYYY-MM-DD" },
  ])("refuses $name and records nothing", async ({ input, field, says }) => {
    const { id } = await invoice();
    await expect(recordInvoicePayment(owner, { invoiceId: id, ...input } as never)).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { [field]: expect.stringContaining(says) },
    });
    await expectUnchanged(id);
  });

  it("refuses a member, who may not record payments", async () => {
    const { id } = await invoice();
    await expect(recordInvoicePayment(member, { invoiceId: id, amount: 100 })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("cannot record payments"),
    });
    await expectUnchanged(id);
  });

  it("records only one of two simultaneous payments that together would overpay", async () => {
    const { id } = await invoice();
    const results = await Promise.allSettled([
      recordInvoicePayment(owner, { invoiceId: id, amount: 15_000 }),
      recordInvoicePayment(owner, { invoiceId: id, amount: 15_000 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // One writer at a time (SQLite): the second sees the first and would overpay. Truly
    // interleaved (PostgreSQL): the conditional update's guard catches the second.
    const refusal = (results.find((r) => r.status === "rejected") as PromiseRejectedResult | undefined)?.reason;
    expect(["invalid_input", "conflict"]).toContain(refusal?.code);
    const after = await expectUnchanged(id, 15_000);
    expect(after.payments.map((p) => p.amount)).toEqual([15_000]);
  });

  it("refuses a payment when another lands between its balance check and its write", async () => {
    const { id, label } = await invoice();
    race.afterRead = async (tx, invoiceId) => {
      await tx.invoice.update({ where: { id: invoiceId }, data: { amountPaid: { increment: 5_000 } } });
    };
    // Recorded on the stale balance, this would overwrite the other payment's 50.00.
    await expect(recordInvoicePayment(owner, { invoiceId: id, amount: 15_000 })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining(`Another payment on ${label}`),
    });
    race.afterRead = null;
    await expectUnchanged(id);
  });
});
