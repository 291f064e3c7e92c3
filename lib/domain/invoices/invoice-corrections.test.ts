/**
 * Corrections once money moved: removing a payment, credit notes, and the figures every other
 * view derives from them (Billing Hub, revenue report, list filters) after each step.
 * Each test builds a workspace of its own where it checks workspace-wide totals.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, type DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { describeAuditEvent } from "@/lib/domain/audit/describe-audit-event";
import { setClock } from "@/lib/domain/clock";
import { DomainError } from "@/lib/domain/errors";
import { getBillingHubSummary } from "@/lib/domain/reports/get-billing-hub-summary";
import { runReport } from "@/lib/domain/reports/run-report";
import { rejection, STAGGERS_MS, startApart } from "@/lib/testing/race";
import { addMember, createClientRow, createInvoiceRow, createProjectRow, createTimeEntryRow, createUser, createWorkspace } from "@/prisma/seed/factories";
import { checkCreditNote, createCreditNote } from "./create-credit-note";
import { createInvoiceDraft } from "./create-invoice-draft";
import { getInvoice } from "./get-invoice";
import { listInvoices } from "./list-invoices";
import type { InvoicePlanInput } from "./plan-invoice";
import { recordInvoicePayment } from "./record-invoice-payment";
import { checkInvoicePaymentRemoval, removeInvoicePayment } from "./remove-invoice-payment";
import { sendInvoice } from "./send-invoice";
import { voidInvoice } from "./void-invoice";

/** Runs inside the writer's transaction right after it read the invoice: a change that lands between its check and its write. */
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
const TODAY = "2026-03-10";

interface World {
  workspaceId: string;
  owner: Actor;
  admin: Actor;
  member: Actor;
}

let world: World;
let elsewhere: World;

/** A workspace (UTC, EUR) with an owner, an admin and a member. */
async function makeWorld(): Promise<World> {
  const workspace = await createWorkspace(db);
  const actors = await Promise.all(
    (["owner", "admin", "member"] as const).map(async (role) => {
      const user = await createUser(db, { name: `${role} person` });
      const membership = await addMember(db, workspace.id, user.id, role);
      return { userId: user.id, membershipId: membership.id, workspaceId: workspace.id, role } satisfies Actor;
    }),
  );
  const [owner, admin, member] = actors as [Actor, Actor, Actor];
  return { workspaceId: workspace.id, owner, admin, member };
}

/**
 * A sent invoice billing two one-hour entries at €100.00/h with 20 % tax: subtotal €200.00,
 * tax €40.00, total €240.00; issued 15 Jan 2026, due 14 Feb 2026 (so overdue today).
 */
async function sentInvoice(w: World = world, options: { send?: boolean; draft?: Partial<InvoicePlanInput> } = {}) {
  const client = await createClientRow(db, w.workspaceId, { email: "accounts@client.example", address: "1 Dorset Street" });
  const project = await createProjectRow(db, w.workspaceId, client.id, { hourlyRate: 10_000 });
  const entries = await Promise.all(
    [2, 3].map((day) =>
      createTimeEntryRow(db, {
        workspaceId: w.workspaceId,
        membershipId: w.member.membershipId,
        projectId: project.id,
        startedAt: new Date(`2026-01-0${day}T09:00:00Z`),
        durationSeconds: 3_600,
        hourlyRate: 10_000,
      }),
    ),
  );
  const draft = await createInvoiceDraft(w.owner, {
    clientId: client.id,
    entryIds: entries.map((e) => e.id),
    taxRate: 2_000,
    issueDate: "2026-01-15",
    dueDate: "2026-02-14",
    ...options.draft,
  } as InvoicePlanInput);
  const invoice = options.send === false ? draft : await sendInvoice(w.owner, { id: draft.id });
  return { client, project, entries, invoice };
}

/** Invoice numbers for rows made directly (invoices sent before addresses were frozen), clear of the sent ones. */
let rowNumber = 7_000;
const nextRowNumber = () => ++rowNumber;

const unbilledCount = (entryIds: string[]) => db.timeEntry.count({ where: { id: { in: entryIds }, invoiceLineId: null } });

/** JSON filters differ between the engines: the events of a type, filtered in the test. */
const auditEvents = (type: string) => db.auditEvent.findMany({ where: { type, workspaceId: world.workspaceId } });
const detailOf = (event: { detail: unknown }) => event.detail as Record<string, unknown>;

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

beforeAll(async () => {
  setClock(() => NOW);
  world = await makeWorld();
  elsewhere = await makeWorld();
});

afterEach(() => {
  race.afterRead = null;
});

afterAll(() => setClock(null));

describe("removeInvoicePayment", () => {
  it("removes a payment that paid an invoice in full: sent again, paid date cleared, balance back, audit log names amount, date and invoice", async () => {
    const { invoice } = await sentInvoice();
    const paid = await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 24_000, paidOn: "2026-03-03", reference: "BACS 1" });
    expect(paid).toMatchObject({ status: "paid", balanceDue: 0 });
    const [payment] = paid.payments;

    const after = await removeInvoicePayment(world.owner, { invoiceId: invoice.id, paymentId: payment!.id, reason: "Recorded on the wrong invoice" });
    expect(after).toMatchObject({ status: "sent", amountPaid: 0, balanceDue: 24_000, paidAt: null, payments: [] });
    expect(await db.payment.count({ where: { id: payment!.id } })).toBe(0);

    const event = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: world.workspaceId, type: "payment.removed" }, orderBy: { createdAt: "desc" } });
    expect(event.userId).toBe(world.owner.userId);
    expect(describeAuditEvent(event.type, event.detail)).toEqual({
      what: "Payment removed from an invoice",
      detail: `€240.00 paid on 3 Mar 2026 (BACS 1) removed from ${invoice.label} — Recorded on the wrong invoice`,
    });
  });

  it("keeps an invoice paid when the payments left still cover it, dated by the latest of them", async () => {
    const { invoice } = await sentInvoice();
    await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 4_000, paidOn: "2026-03-01" });
    await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 20_000, paidOn: "2026-03-05" });
    // A credit of €10.00 + tax after the payments: €12.00 paid beyond what is owed.
    await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "Goodwill", amount: 1_000 }] });
    const before = await getInvoice(world.owner, invoice.id);
    expect(before).toMatchObject({ status: "paid", amountCredited: 1_200, refundDue: 1_200 });

    const small = before.payments.find((p) => p.amount === 4_000)!;
    const after = await removeInvoicePayment(world.admin, { invoiceId: invoice.id, paymentId: small.id });
    // 20,000 paid + 1,200 credited < 24,000: no longer covered.
    expect(after).toMatchObject({ status: "sent", amountPaid: 20_000, balanceDue: 2_800, refundDue: 0, paidAt: null });
  });

  it("keeps an invoice paid, dated by the latest payment left, when the latest one is removed", async () => {
    const { invoice } = await sentInvoice();
    await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 20_000, paidOn: "2026-03-01" });
    await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 4_000, paidOn: "2026-03-05" });
    await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "Goodwill", amount: 4_000 }] });
    const before = await getInvoice(world.owner, invoice.id);
    expect(before).toMatchObject({ status: "paid", paidAt: new Date("2026-03-05T00:00:00Z"), refundDue: 4_800 });

    const latest = before.payments.find((p) => p.paidOn === "2026-03-05")!;
    // 20,000 paid + 4,800 credited still covers 24,000: paid as of the payment left.
    const after = await removeInvoicePayment(world.owner, { invoiceId: invoice.id, paymentId: latest.id });
    expect(after).toMatchObject({ status: "paid", amountPaid: 20_000, balanceDue: 0, refundDue: 800, paidAt: new Date("2026-03-01T00:00:00Z") });
    expect(after.payments.map((p) => p.id)).not.toContain(latest.id);
  });

  it("dates a still-paid invoice by the latest payment left, not the first recorded nor another invoice's", async () => {
    const { invoice: other } = await sentInvoice();
    await recordInvoicePayment(world.owner, { invoiceId: other.id, amount: 1_000, paidOn: "2026-03-09" });
    const { invoice } = await sentInvoice();
    await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 8_000, paidOn: "2026-03-02" });
    await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 12_000, paidOn: "2026-03-04" });
    const { payments } = await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 4_000, paidOn: "2026-03-03" });
    await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "Goodwill", amount: 4_000 }] });
    const small = payments.find((p) => p.amount === 4_000)!;
    // 8,000 + 12,000 paid + 4,800 credited still covers 24,000.
    expect(await removeInvoicePayment(world.owner, { invoiceId: invoice.id, paymentId: small.id })).toMatchObject({
      status: "paid",
      amountPaid: 20_000,
      paidAt: new Date("2026-03-04T00:00:00Z"),
    });
  });

  it("records a removal without a reason with an empty one", async () => {
    const w = await makeWorld();
    const { invoice } = await sentInvoice(w);
    const { payments } = await recordInvoicePayment(w.owner, { invoiceId: invoice.id, amount: 1_000, paidOn: "2026-03-02" });
    await removeInvoicePayment(w.owner, { invoiceId: invoice.id, paymentId: payments[0]!.id });
    const [event] = await db.auditEvent.findMany({ where: { type: "payment.removed", workspaceId: w.workspaceId } });
    expect(event!.detail).toEqual({ invoice: invoice.label, amount: "€10.00", paidOn: "2026-03-02", reference: "", reason: "" });
  });

  it("dry run: says which payment would go and what is then paid, removing nothing", async () => {
    const { invoice, client } = await sentInvoice();
    await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 3_000, paidOn: "2026-03-01" });
    const { payments } = await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 5_000, paidOn: "2026-03-04" });
    const second = payments.find((p) => p.amount === 5_000)!;
    expect(await checkInvoicePaymentRemoval(world.admin, { invoiceId: invoice.id, paymentId: second.id })).toEqual({
      label: invoice.label,
      clientName: client.name,
      currency: "EUR",
      amount: 5_000,
      paidOn: "2026-03-04",
      amountPaidAfter: 3_000,
    });
    expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ amountPaid: 8_000, payments: [{ amount: 3_000 }, { amount: 5_000 }] });
  });

  it("dry run: refuses as removing would", async () => {
    const { invoice } = await sentInvoice();
    const { invoice: other } = await sentInvoice();
    const { payments } = await recordInvoicePayment(world.owner, { invoiceId: other.id, amount: 1_000 });
    expect(await refusal(checkInvoicePaymentRemoval(world.member, { invoiceId: other.id, paymentId: payments[0]!.id }))).toMatchObject({
      code: "forbidden",
      message: "A member cannot remove payments in this workspace.",
    });
    expect(await refusal(checkInvoicePaymentRemoval(world.owner, { invoiceId: invoice.id, paymentId: payments[0]!.id }))).toMatchObject({ code: "not_found" });
    expect(await refusal(checkInvoicePaymentRemoval(world.owner, { invoiceId: other.id, paymentId: "" }))).toMatchObject({ code: "invalid_input" });
    const note = await createCreditNote(world.owner, { invoiceId: other.id, lines: [{ description: "A", amount: 100 }] });
    expect(await refusal(checkInvoicePaymentRemoval(world.owner, { invoiceId: note.id, paymentId: payments[0]!.id }))).toMatchObject({
      code: "conflict",
      message: `${note.label} is a credit note; it has no payments to remove.`,
    });
  });

  it("refuses a removal when the invoice changes between its check and its write, and changes nothing", async () => {
    const { invoice } = await sentInvoice();
    const { payments } = await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 5_000 });
    race.afterRead = async (tx, invoiceId) => {
      await tx.invoice.update({ where: { id: invoiceId }, data: { amountCredited: { increment: 100 } } });
    };
    expect(await refusal(removeInvoicePayment(world.owner, { invoiceId: invoice.id, paymentId: payments[0]!.id }))).toMatchObject({
      code: "conflict",
      message: `The payments on ${invoice.label} changed a moment ago; reload and try again.`,
    });
    race.afterRead = null;
    expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ amountPaid: 5_000, amountCredited: 0, payments: [{ id: payments[0]!.id }] });
  });

  it("lets an admin remove a payment", async () => {
    const { invoice } = await sentInvoice();
    const { payments } = await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 1_000 });
    expect(await removeInvoicePayment(world.admin, { invoiceId: invoice.id, paymentId: payments[0]!.id })).toMatchObject({ amountPaid: 0 });
  });

  it("refuses a member, and changes nothing", async () => {
    const { invoice } = await sentInvoice();
    const { payments } = await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 1_000 });
    const error = await refusal(removeInvoicePayment(world.member, { invoiceId: invoice.id, paymentId: payments[0]!.id }));
    expect(error).toMatchObject({ code: "forbidden", message: "A member cannot remove payments in this workspace." });
    expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ amountPaid: 1_000, payments: [{ id: payments[0]!.id }] });
  });

  it("does not find a payment of another invoice, nor another workspace's invoice", async () => {
    const { invoice } = await sentInvoice();
    const { invoice: other } = await sentInvoice();
    const { payments } = await recordInvoicePayment(world.owner, { invoiceId: other.id, amount: 1_000 });
    expect(await refusal(removeInvoicePayment(world.owner, { invoiceId: invoice.id, paymentId: payments[0]!.id }))).toMatchObject({
      code: "not_found",
      message: "Payment was not found in this workspace.",
    });
    expect(await refusal(removeInvoicePayment(elsewhere.owner, { invoiceId: other.id, paymentId: payments[0]!.id }))).toMatchObject({ code: "not_found" });
    expect(await getInvoice(world.owner, other.id)).toMatchObject({ amountPaid: 1_000 });
  });

  it("refuses a void invoice and a credit note", async () => {
    const client = await createClientRow(db, world.workspaceId);
    const voided = await createInvoiceRow(db, { workspaceId: world.workspaceId, clientId: client.id, number: 9_001, status: "void", amountPaid: 500 });
    const payment = await db.payment.create({
      data: { workspaceId: world.workspaceId, invoiceId: voided.id, amount: 500, paidOn: NOW, recordedById: world.owner.membershipId },
    });
    expect(await refusal(removeInvoicePayment(world.owner, { invoiceId: voided.id, paymentId: payment.id }))).toMatchObject({
      code: "conflict",
      message: "INV-9001 is void; its payments can no longer be changed.",
    });

    const { invoice } = await sentInvoice();
    const note = await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "Goodwill", amount: 100 }] });
    expect(await refusal(removeInvoicePayment(world.owner, { invoiceId: note.id, paymentId: payment.id }))).toMatchObject({
      code: "conflict",
      message: `${note.label} is a credit note; it has no payments to remove.`,
    });
  });

  it.each([
    ["no payment id", { paymentId: "" }, "paymentId"],
    ["a reason too long", { reason: "x".repeat(501) }, "reason"],
  ])("refuses %s and changes nothing", async (_, bad, field) => {
    const { invoice } = await sentInvoice();
    const { payments } = await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 1_000 });
    const error = await refusal(removeInvoicePayment(world.owner, { invoiceId: invoice.id, paymentId: payments[0]!.id, ...bad }));
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fieldErrors)).toEqual([field]);
    expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ amountPaid: 1_000 });
  });

  it("removes a payment once when two removals race", async () => {
    for (const delay of STAGGERS_MS) {
      const { invoice } = await sentInvoice();
      const { payments } = await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 5_000 });
      const remove = () => removeInvoicePayment(world.owner, { invoiceId: invoice.id, paymentId: payments[0]!.id });
      const results = await startApart(remove, remove, delay);
      expect(results.filter((r) => r.status === "fulfilled"), `round ${delay} ms`).toHaveLength(1);
      expect(results.map(rejection).find(Boolean), `round ${delay} ms`).toMatchObject({ code: expect.stringMatching(/conflict|not_found/) });
      expect(await getInvoice(world.owner, invoice.id), `round ${delay} ms`).toMatchObject({ amountPaid: 0, balanceDue: 24_000, payments: [] });
      expect((await auditEvents("payment.removed")).filter((e) => detailOf(e).invoice === invoice.label), `round ${delay} ms`).toHaveLength(1);
    }
  });

  it("keeps amount paid equal to the payments when a removal races a new payment", async () => {
    for (const delay of STAGGERS_MS) {
      const { invoice } = await sentInvoice();
      const { payments } = await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 5_000 });
      await startApart(
        () => removeInvoicePayment(world.owner, { invoiceId: invoice.id, paymentId: payments[0]!.id }),
        () => recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 19_000 }),
        delay,
      );
      const after = await getInvoice(world.owner, invoice.id);
      const sum = after.payments.reduce((total, p) => total + p.amount, 0);
      expect(after.amountPaid, `round ${delay} ms`).toBe(sum);
      expect(after.status, `round ${delay} ms`).toBe(sum === 24_000 ? "paid" : "sent");
    }
  });
});

describe("createCreditNote", () => {
  it("credits a sent invoice in full: lines and taxes negated, own number, references the original, issued and delivered at once, time released", async () => {
    const { invoice, entries, client } = await sentInvoice();
    await db.client.update({ where: { id: client.id }, data: { address: "Moved since" } });
    const note = await createCreditNote(world.owner, { invoiceId: invoice.id, reason: "Cancelled by agreement" });

    expect(note).toMatchObject({
      kind: "credit_note",
      label: expect.stringMatching(/^CN-\d{4}$/),
      status: "sent",
      issueDate: TODAY,
      dueDate: TODAY,
      subtotal: -20_000,
      taxAmount: -4_000,
      total: -24_000,
      taxes: [{ label: "Tax", rate: 2_000, amount: -4_000 }],
      balanceDue: 0,
      overdue: false,
      notes: "Cancelled by agreement",
      creditedInvoice: { id: invoice.id, label: invoice.label },
      buyer: { name: client.name, address: "Moved since", email: "accounts@client.example" },
    });
    expect(note.lines.map((l) => [l.description, l.quantitySeconds, l.unitRate, l.amount])).toEqual(
      invoice.lines.map((l) => [l.description, -l.quantitySeconds, l.unitRate, -l.amount]),
    );
    expect(note.deliveries).toEqual([
      expect.objectContaining({ kind: "credit_note", toAddress: "accounts@client.example", subject: expect.stringContaining(`Credit note ${note.label}`) }),
    ]);
    expect(note.deliveries[0]!.body).toContain(`It credits invoice ${invoice.label} of 15 January 2026.`);
    expect(note.deliveries[0]!.body).toContain("Total credited: -€240.00");

    const original = await getInvoice(world.owner, invoice.id);
    expect(original).toMatchObject({ status: "sent", amountCredited: 24_000, balanceDue: 0, refundDue: 0, overdue: false });
    expect(original.creditNotes).toEqual([{ id: note.id, label: note.label, total: -24_000, status: "sent" }]);
    expect(await unbilledCount(entries.map((e) => e.id))).toBe(2);
  });

  it("credits part of an invoice: fixed amounts before tax, the invoice's tax rate added, time still billed", async () => {
    const { invoice, entries } = await sentInvoice();
    const note = await createCreditNote(world.owner, {
      invoiceId: invoice.id,
      lines: [
        { description: "Late delivery", amount: 2_500 },
        { description: "Typo fixes not charged", amount: 1_001 },
      ],
    });
    expect(note).toMatchObject({ subtotal: -3_501, taxes: [{ label: "Tax", rate: 2_000, amount: -700 }], taxAmount: -700, total: -4_201 });
    expect(note.lines.map((l) => [l.position, l.description, l.amount, l.quantitySeconds, l.unitRate, l.project, l.task])).toEqual([
      [1, "Late delivery", -2_500, 0, 0, null, null],
      [2, "Typo fixes not charged", -1_001, 0, 0, null, null],
    ]);
    expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ amountCredited: 4_201, balanceDue: 24_000 - 4_201 });
    expect(await unbilledCount(entries.map((e) => e.id))).toBe(0);
  });

  it("numbers credit notes in their own sequence", async () => {
    const w = await makeWorld();
    const { invoice } = await sentInvoice(w);
    const first = await createCreditNote(w.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 100 }] });
    const second = await createCreditNote(w.owner, { invoiceId: invoice.id, lines: [{ description: "B", amount: 100 }] });
    expect([invoice.label, first.label, second.label]).toEqual(["INV-0001", "CN-0001", "CN-0002"]);
  });

  it("releases the time when partial credits add up to the whole invoice, unless asked not to", async () => {
    const { invoice, entries } = await sentInvoice();
    await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "Half", amount: 10_000 }] });
    await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "Rest", amount: 10_000 }], releaseTime: false });
    expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ amountCredited: 24_000, balanceDue: 0 });
    expect(await unbilledCount(entries.map((e) => e.id))).toBe(0);

    const { invoice: again, entries: more } = await sentInvoice();
    await createCreditNote(world.owner, { invoiceId: again.id, lines: [{ description: "Half", amount: 10_000 }] });
    await createCreditNote(world.owner, { invoiceId: again.id, lines: [{ description: "Rest", amount: 10_000 }] });
    expect(await unbilledCount(more.map((e) => e.id))).toBe(2);
  });

  it("turns what was paid into a refund due when a paid invoice is credited in full", async () => {
    const { invoice } = await sentInvoice();
    await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 24_000 });
    await createCreditNote(world.admin, { invoiceId: invoice.id });
    expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ status: "paid", amountPaid: 24_000, amountCredited: 24_000, balanceDue: 0, refundDue: 24_000 });
  });

  it("settles a part-paid invoice when a credit note covers the rest", async () => {
    const { invoice } = await sentInvoice();
    await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 12_000, paidOn: "2026-03-02" });
    await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "Rest waived", amount: 10_000 }] });
    expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ status: "paid", balanceDue: 0, refundDue: 0, paidAt: new Date("2026-03-02T00:00:00Z") });
  });

  it("keeps a paid invoice's paid date when it is credited, and a part-paid one that stays owing unpaid", async () => {
    const { invoice } = await sentInvoice();
    // Settled by a payment dated before the earlier-recorded one: paid as of the settling payment.
    await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 4_000, paidOn: "2026-03-05" });
    await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 20_000, paidOn: "2026-03-01" });
    expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ status: "paid", paidAt: new Date("2026-03-01T00:00:00Z") });
    await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "Goodwill", amount: 1_000 }] });
    expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ status: "paid", refundDue: 1_200, paidAt: new Date("2026-03-01T00:00:00Z") });

    const { invoice: partPaid } = await sentInvoice();
    await recordInvoicePayment(world.owner, { invoiceId: partPaid.id, amount: 5_000, paidOn: "2026-03-02" });
    await createCreditNote(world.owner, { invoiceId: partPaid.id, lines: [{ description: "Goodwill", amount: 1_000 }] });
    expect(await getInvoice(world.owner, partPaid.id)).toMatchObject({ status: "sent", balanceDue: 24_000 - 5_000 - 1_200, paidAt: null });
  });

  it("dates an invoice a credit note settles by its latest payment, whatever order the payments were recorded in", async () => {
    const { invoice: other } = await sentInvoice();
    await recordInvoicePayment(world.owner, { invoiceId: other.id, amount: 1_000, paidOn: "2026-03-09" });
    const { invoice } = await sentInvoice();
    await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 7_000, paidOn: "2026-03-02" });
    await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 5_000, paidOn: "2026-03-04" });
    await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "Rest waived", amount: 10_000 }] });
    expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ status: "paid", balanceDue: 0, paidAt: new Date("2026-03-04T00:00:00Z") });
  });

  it("copies only the credited invoice's lines, in their order, and releases only its time", async () => {
    const { invoice: other, entries: otherEntries } = await sentInvoice();
    const client = await createClientRow(db, world.workspaceId, { email: "ap@client.example" });
    const row = await createInvoiceRow(db, { workspaceId: world.workspaceId, clientId: client.id, number: nextRowNumber(), total: 3_000 });
    // Stored out of order: the second line first.
    await db.invoiceLine.create({ data: { invoiceId: row.id, position: 2, description: "Second", quantitySeconds: 3_600, unitRate: 2_000, amount: 2_000 } });
    await db.invoiceLine.create({ data: { invoiceId: row.id, position: 1, description: "First", quantitySeconds: 3_600, unitRate: 1_000, amount: 1_000 } });
    const note = await createCreditNote(world.owner, { invoiceId: row.id });
    expect(note.lines.map((l) => [l.position, l.description, l.amount])).toEqual([
      [1, "First", -1_000],
      [2, "Second", -2_000],
    ]);
    expect(await unbilledCount(otherEntries.map((e) => e.id))).toBe(0);
    expect(await getInvoice(world.owner, other.id)).toMatchObject({ amountCredited: 0, lines: other.lines });
  });

  it("refuses a credit note when the invoice changes between its check and its write, and changes nothing", async () => {
    const { invoice, entries } = await sentInvoice();
    const next = (await db.workspace.findUniqueOrThrow({ where: { id: world.workspaceId } })).nextCreditNoteNumber;
    race.afterRead = async (tx, invoiceId) => {
      await tx.invoice.update({ where: { id: invoiceId }, data: { amountPaid: { increment: 1_000 } } });
    };
    expect(await refusal(createCreditNote(world.owner, { invoiceId: invoice.id }))).toMatchObject({
      code: "conflict",
      message: `${invoice.label} changed a moment ago (a payment or another credit note); reload and try again.`,
    });
    race.afterRead = null;
    expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ amountPaid: 0, amountCredited: 0, creditNotes: [] });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: world.workspaceId } })).nextCreditNoteNumber).toBe(next);
    expect(await unbilledCount(entries.map((e) => e.id))).toBe(0);
  });

  it("records the credit note in the audit log", async () => {
    const { invoice } = await sentInvoice();
    const note = await createCreditNote(world.owner, { invoiceId: invoice.id });
    const event = (await auditEvents("credit_note.issued")).find((e) => detailOf(e).creditNote === note.label)!;
    expect(describeAuditEvent(event.type, event.detail).detail).toBe(`${note.label} credits €240.00 of ${invoice.label} (in full)`);
  });

  it("copies a discount, the tax note and the work period when crediting in full", async () => {
    const { invoice } = await sentInvoice(world, { draft: { taxRate: undefined, taxes: [{ label: "VAT", rate: 2_000 }], discount: { label: "Loyalty", rate: 1_000 }, taxNote: "Reverse charge" } });
    // 20 000 − 10 % = 18 000; VAT 20 % of 18 000 = 3 600; total 21 600.
    expect(invoice).toMatchObject({ subtotal: 20_000, discountAmount: 2_000, taxAmount: 3_600, total: 21_600, periodStart: "2026-01-02", periodEnd: "2026-01-03" });
    const note = await createCreditNote(world.owner, { invoiceId: invoice.id });
    expect(note).toMatchObject({
      subtotal: -20_000,
      discount: { label: "Loyalty", rate: 1_000 },
      discountAmount: -2_000,
      taxes: [{ label: "VAT", rate: 2_000, amount: -3_600 }],
      taxAmount: -3_600,
      total: -21_600,
      taxNote: "Reverse charge",
      notes: "",
      periodStart: "2026-01-02",
      periodEnd: "2026-01-03",
    });
    expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ amountCredited: 21_600, balanceDue: 0 });
  });

  it("credits an invoice without a discount with none, and a partial credit with none", async () => {
    const { invoice } = await sentInvoice();
    expect(await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 100 }] })).toMatchObject({ discount: null, discountAmount: 0 });
    const { invoice: other } = await sentInvoice();
    expect(await createCreditNote(world.owner, { invoiceId: other.id })).toMatchObject({ discount: null, discountAmount: 0 });
  });

  it("sends the credit note, word for word, under the seller's legal name", async () => {
    const w = await makeWorld();
    await db.workspace.update({ where: { id: w.workspaceId }, data: { legalName: "Acme Consulting Ltd" } });
    const { invoice, client } = await sentInvoice(w);
    const note = await createCreditNote(w.owner, {
      invoiceId: invoice.id,
      lines: [
        { description: "Late delivery", amount: 2_500 },
        { description: "Typo fixes not charged", amount: 1_001 },
      ],
      reason: "As agreed on the phone.",
    });
    expect(note.deliveries).toHaveLength(1);
    const [delivery] = note.deliveries;
    expect(delivery!.subject).toBe("Credit note CN-0001 from Acme Consulting Ltd for invoice INV-0001 — -€42.01");
    expect(delivery!.body).toBe(
      [
        `Dear ${client.name},`,
        "",
        "Please find credit note CN-0001 from Acme Consulting Ltd below. It credits invoice INV-0001 of 15 January 2026.",
        "",
        "Credit note CN-0001",
        "Issued: 10 March 2026",
        "Credits: invoice INV-0001",
        "",
        "  Late delivery: -€25.00",
        "  Typo fixes not charged: -€10.01",
        "",
        "Subtotal: -€35.01",
        "Tax (20.00%): -€7.00",
        "Total credited: -€42.01",
        "",
        "As agreed on the phone.",
        "",
        "— Acme Consulting Ltd",
      ].join("\n"),
    );
    const event = (await db.auditEvent.findMany({ where: { type: "credit_note.issued", workspaceId: w.workspaceId } }))[0]!;
    expect(event.detail).toEqual({ creditNote: "CN-0001", invoice: "INV-0001", amount: "€42.01", full: false });
    expect(event.userId).toBe(w.owner.userId);
  });

  it("sends a credit note without a reason under the workspace's name when it has no legal name", async () => {
    const w = await makeWorld();
    const name = (await db.workspace.findUniqueOrThrow({ where: { id: w.workspaceId } })).name;
    const { invoice } = await sentInvoice(w);
    const note = await createCreditNote(w.owner, { invoiceId: invoice.id, lines: [{ description: "Goodwill", amount: 1_000 }] });
    const body = note.deliveries[0]!.body.split("\n");
    // No reason: the totals are followed by the signature alone.
    expect(body.slice(-5)).toEqual(["Subtotal: -€10.00", "Tax (20.00%): -€2.00", "Total credited: -€12.00", "", `— ${name}`]);
    expect(body[2]).toBe(`Please find credit note CN-0001 from ${name} below. It credits invoice INV-0001 of 15 January 2026.`);
    expect(note.deliveries[0]!.subject).toBe(`Credit note CN-0001 from ${name} for invoice INV-0001 — -€12.00`);
  });

  describe("where the credit note goes", () => {
    it("to the address the invoice went to, even after the client's changed", async () => {
      const { invoice, client } = await sentInvoice();
      await db.client.update({ where: { id: client.id }, data: { email: "new@client.example", invoiceEmail: "billing@client.example" } });
      const note = await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 100 }] });
      expect(note.deliveries.map((d) => d.toAddress)).toEqual(["accounts@client.example"]);
    });

    it("to the address given, over any other", async () => {
      const { invoice } = await sentInvoice();
      const note = await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 100 }], to: "cfo@client.example" });
      expect(note.deliveries.map((d) => d.toAddress)).toEqual(["cfo@client.example"]);
    });

    it.each([
      ["the client's invoice email", { email: "hello@client.example", invoiceEmail: "billing@client.example" }, "billing@client.example"],
      ["else the client's email", { email: "hello@client.example" }, "hello@client.example"],
    ])("for an invoice sent with no address on record: to %s", async (_, addresses, expected) => {
      const client = await createClientRow(db, world.workspaceId, addresses);
      const invoice = await createInvoiceRow(db, { workspaceId: world.workspaceId, clientId: client.id, number: nextRowNumber(), total: 24_000 });
      const note = await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 100 }] });
      expect(note.deliveries.map((d) => d.toAddress)).toEqual([expected]);
    });

    it("refuses a client with no email address unless one is given, and changes nothing", async () => {
      const client = await createClientRow(db, world.workspaceId, { name: "Nobody Ltd" });
      const invoice = await createInvoiceRow(db, { workspaceId: world.workspaceId, clientId: client.id, number: nextRowNumber(), total: 24_000 });
      const error = await refusal(createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 100 }] }));
      expect(error).toMatchObject({
        code: "invalid_input",
        message: "Nobody Ltd has no email address. Add one to the client or give an address to send to.",
        fieldErrors: { to: "is required because the client has no email address" },
      });
      expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ amountCredited: 0, creditNotes: [] });
      const note = await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 100 }], to: "ap@nobody.example" });
      expect(note.deliveries.map((d) => d.toAddress)).toEqual(["ap@nobody.example"]);
    });
  });

  describe("checkCreditNote (the dry run)", () => {
    it("says what a full credit of a part-paid invoice would do, and issues nothing", async () => {
      const { invoice, client } = await sentInvoice();
      await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 10_000 });
      expect(await checkCreditNote(world.owner, { invoiceId: invoice.id })).toEqual({
        label: invoice.label,
        clientName: client.name,
        currency: "EUR",
        amount: 24_000,
        full: true,
        releasesTime: true,
        // 10 000 paid + 24 000 credited − 24 000 total.
        refundDue: 10_000,
        to: "accounts@client.example",
      });
      expect(await checkCreditNote(world.owner, { invoiceId: invoice.id, releaseTime: false })).toMatchObject({ full: true, releasesTime: false });
      expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ amountCredited: 0, creditNotes: [], amountPaid: 10_000 });
    });

    it("says what a partial credit would do: no time released, a refund only beyond what is owed", async () => {
      const { invoice } = await sentInvoice();
      const input = { invoiceId: invoice.id, lines: [{ description: "A", amount: 1_000 }], to: "cfo@client.example" };
      expect(await checkCreditNote(world.owner, input)).toMatchObject({ amount: 1_200, full: false, releasesTime: false, refundDue: 0, to: "cfo@client.example" });
      await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 23_000 });
      // 23 000 paid + 1 200 credited − 24 000 = 200 back.
      expect(await checkCreditNote(world.owner, input)).toMatchObject({ amount: 1_200, full: false, refundDue: 200 });
      await createCreditNote(world.owner, input);
      // Counting what is already credited: 23 000 + 1 200 + 1 200 − 24 000 = 1 400 back.
      expect(await checkCreditNote(world.owner, input)).toMatchObject({ amount: 1_200, full: false, refundDue: 1_400 });
    });

    it("refuses as issuing would, and a member", async () => {
      const { invoice } = await sentInvoice(world, { send: false });
      expect(await refusal(checkCreditNote(world.owner, { invoiceId: invoice.id }))).toMatchObject({ code: "conflict", message: `${invoice.label} is still a draft: edit it or void it instead of crediting it.` });
      expect(await refusal(checkCreditNote(world.member, { invoiceId: invoice.id }))).toMatchObject({ code: "forbidden", message: "A member cannot issue credit notes in this workspace." });
      expect(await refusal(checkCreditNote(world.owner, { invoiceId: invoice.id, lines: [] }))).toMatchObject({ code: "invalid_input" });
    });
  });

  describe("refusals (each changes nothing)", () => {
    it.each<[string, () => Promise<{ invoiceId: string; input?: object }>, RegExp, string]>([
      ["a draft", async () => ({ invoiceId: (await sentInvoice(world, { send: false })).invoice.id }), /is still a draft: edit it or void it instead of crediting it\.$/, "conflict"],
      [
        "a void invoice",
        async () => {
          const { invoice } = await sentInvoice();
          await voidInvoice(world.owner, { id: invoice.id });
          return { invoiceId: invoice.id };
        },
        /is void; there is nothing to credit\.$/,
        "conflict",
      ],
      [
        "an invoice already fully credited",
        async () => {
          const { invoice } = await sentInvoice();
          await createCreditNote(world.owner, { invoiceId: invoice.id });
          return { invoiceId: invoice.id, input: { lines: [{ description: "More", amount: 1 }] } };
        },
        /is already fully credited\.$/,
        "conflict",
      ],
      [
        "a credit note",
        async () => {
          const { invoice } = await sentInvoice();
          return { invoiceId: (await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 100 }] })).id };
        },
        /is a credit note; only invoices can be credited\.$/,
        "conflict",
      ],
      [
        "more than is still creditable, tax included",
        async () => {
          const { invoice } = await sentInvoice();
          await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 10_000 }] });
          // €100.01 + 20 % = €120.01 > the €120.00 left.
          return { invoiceId: invoice.id, input: { lines: [{ description: "B", amount: 10_001 }] } };
        },
        /^At most €120\.00 of INV-\d{4} can still be credited \(tax included\); these lines come to €120\.01\.$/,
        "invalid_input",
      ],
      [
        "a full credit after a partial one",
        async () => {
          const { invoice } = await sentInvoice();
          await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 1_000 }] });
          return { invoiceId: invoice.id };
        },
        /already has €12\.00 credited; credit the remaining €228\.00 with lines instead of a full credit\.$/,
        "conflict",
      ],
      ["a zero amount", async () => ({ invoiceId: (await sentInvoice()).invoice.id, input: { lines: [{ description: "A", amount: 0 }] } }), /lines\.0\.amount: must be more than zero/, "invalid_input"],
      ["a negative amount", async () => ({ invoiceId: (await sentInvoice()).invoice.id, input: { lines: [{ description: "A", amount: -500 }] } }), /lines\.0\.amount: must be more than zero/, "invalid_input"],
      ["a fractional amount", async () => ({ invoiceId: (await sentInvoice()).invoice.id, input: { lines: [{ description: "A", amount: 1.5 }] } }), /lines\.0\.amount: must be a whole number of cents/, "invalid_input"],
      ["a line without a description", async () => ({ invoiceId: (await sentInvoice()).invoice.id, input: { lines: [{ description: " ", amount: 100 }] } }), /lines\.0\.description: is required/, "invalid_input"],
      ["no lines at all", async () => ({ invoiceId: (await sentInvoice()).invoice.id, input: { lines: [] } }), /lines: needs at least one line/, "invalid_input"],
      [
        "more than 20 lines",
        async () => ({ invoiceId: (await sentInvoice()).invoice.id, input: { lines: Array.from({ length: 21 }, (_, i) => ({ description: `Line ${i}`, amount: 1 })) } }),
        /lines: at most 20 lines/,
        "invalid_input",
      ],
      [
        "a line description over 200 characters",
        async () => ({ invoiceId: (await sentInvoice()).invoice.id, input: { lines: [{ description: "x".repeat(201), amount: 100 }] } }),
        /lines\.0\.description: must be at most 200 characters/,
        "invalid_input",
      ],
      ["a reason over 2000 characters", async () => ({ invoiceId: (await sentInvoice()).invoice.id, input: { reason: "x".repeat(2_001) } }), /reason: must be at most 2000 characters/, "invalid_input"],
      [
        "releasing time with a partial credit",
        async () => ({ invoiceId: (await sentInvoice()).invoice.id, input: { lines: [{ description: "A", amount: 100 }], releaseTime: true } }),
        /^Only a credit note that cancels the rest of the invoice releases its time\.$/,
        "invalid_input",
      ],
      ["a bad address", async () => ({ invoiceId: (await sentInvoice()).invoice.id, input: { to: "not-an-address" } }), /to: must be an email address/, "invalid_input"],
    ])("refuses %s", async (_, setup, message, code) => {
      const { invoiceId, input } = await setup();
      const before = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
      const notes = await db.invoice.count({ where: { workspaceId: world.workspaceId, kind: "credit_note" } });
      const error = await refusal(createCreditNote(world.owner, { invoiceId, ...input }));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toEqual(before);
      expect(await db.invoice.count({ where: { workspaceId: world.workspaceId, kind: "credit_note" } })).toBe(notes);
    });

    it("names the field of each refusal about the input", async () => {
      const { invoice } = await sentInvoice();
      expect((await refusal(createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 20_001 }] }))).fieldErrors).toEqual({
        lines: "must come to at most €240.00 with tax",
      });
      expect((await refusal(createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 100 }], releaseTime: true }))).fieldErrors).toEqual({
        releaseTime: "only with a full credit",
      });
    });

    it("does not find another workspace's invoice", async () => {
      const { invoice } = await sentInvoice();
      expect(await refusal(createCreditNote(elsewhere.owner, { invoiceId: invoice.id }))).toMatchObject({ code: "not_found" });
      expect(await getInvoice(world.owner, invoice.id)).toMatchObject({ amountCredited: 0, creditNotes: [] });
    });

    it("refuses a member", async () => {
      const { invoice } = await sentInvoice();
      expect(await refusal(createCreditNote(world.member, { invoiceId: invoice.id }))).toMatchObject({
        code: "forbidden",
        message: "A member cannot issue credit notes in this workspace.",
      });
    });
  });

  it("issues one of two credit notes that together would pass what is creditable", async () => {
    for (const delay of STAGGERS_MS) {
      const { invoice } = await sentInvoice();
      // Each is €150.00 + tax = €180.00 of the €240.00.
      const credit = () => createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "Credit", amount: 15_000 }] });
      const results = await startApart(credit, credit, delay);
      expect(results.filter((r) => r.status === "fulfilled"), `round ${delay} ms`).toHaveLength(1);
      expect(results.map(rejection).find(Boolean), `round ${delay} ms`).toMatchObject({ code: expect.stringMatching(/conflict|invalid_input/) });
      const after = await getInvoice(world.owner, invoice.id);
      expect(after.amountCredited, `round ${delay} ms`).toBe(18_000);
      expect(after.creditNotes, `round ${delay} ms`).toHaveLength(1);
    }
  });
});

describe("void and payments once credit notes exist", () => {
  it("refuses to void a part-paid invoice and points at a credit note", async () => {
    const { invoice } = await sentInvoice();
    await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 1_000 });
    expect((await refusal(voidInvoice(world.owner, { id: invoice.id }))).message).toBe(
      `${invoice.label} has payments recorded, so it cannot be voided: issue a credit note to cancel it in full or in part (what was paid then shows as a refund due), or remove a payment recorded by mistake first.`,
    );
  });

  it("refuses to void an invoice with credit notes, and a credit note", async () => {
    const { invoice } = await sentInvoice();
    const note = await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 100 }] });
    expect((await refusal(voidInvoice(world.owner, { id: invoice.id }))).message).toMatch(/has credit notes against it, so it cannot be voided/);
    expect((await refusal(voidInvoice(world.owner, { id: note.id }))).message).toBe(`${note.label} is a credit note; a credit note is final and cannot be voided.`);
  });

  it("refuses a payment on a credit note and on an invoice credit notes settled", async () => {
    const { invoice } = await sentInvoice();
    const note = await createCreditNote(world.owner, { invoiceId: invoice.id });
    expect((await refusal(recordInvoicePayment(world.owner, { invoiceId: note.id, amount: 100 }))).message).toBe(
      `${note.label} is a credit note; it takes no payments. Record payments on the invoice it credits.`,
    );
    expect((await refusal(recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 100 }))).message).toBe(
      `${invoice.label} owes nothing: credit notes and payments already cover its total.`,
    );
  });

  it("caps a payment at what credit notes left owing", async () => {
    const { invoice } = await sentInvoice();
    await createCreditNote(world.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 10_000 }] });
    expect((await refusal(recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 12_001 }))).message).toMatch(/the balance due on INV-\d{4} is €120\.00/);
    expect(await recordInvoicePayment(world.owner, { invoiceId: invoice.id, amount: 12_000 })).toMatchObject({ status: "paid", balanceDue: 0 });
  });
});

describe("listInvoices", () => {
  it("filters by kind and pages through an invoice and a credit note sharing a number", async () => {
    const w = await makeWorld();
    const { invoice } = await sentInvoice(w);
    const note = await createCreditNote(w.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 100 }] });
    expect((await listInvoices(w.owner, { kind: "credit_note" })).invoices.map((i) => i.label)).toEqual(["CN-0001"]);
    expect((await listInvoices(w.owner, { kind: "invoice" })).invoices.map((i) => i.label)).toEqual(["INV-0001"]);
    const first = await listInvoices(w.owner, { limit: 1 });
    const second = await listInvoices(w.owner, { limit: 1, cursor: first.nextCursor! });
    expect([...first.invoices, ...second.invoices].map((i) => i.id).sort()).toEqual([invoice.id, note.id].sort());
    expect(second.nextCursor).toBeNull();
    expect(await refusal(listInvoices(w.owner, { kind: "receipt" as never }))).toMatchObject({ fieldErrors: { kind: "must be invoice or credit_note" } });
  });
});

/**
 * One invoice (€240.00 incl. 20 % tax, due 14 Feb, so overdue) through a sequence of corrections;
 * after each step its own figures, the Billing Hub and the revenue report must agree.
 */
type Step =
  | { do: "pay"; amount: number }
  | { do: "remove last payment" }
  | { do: "credit"; amount: number }
  | { do: "credit in full" };

interface Expected {
  status: "sent" | "paid";
  amountPaid: number;
  amountCredited: number;
  balanceDue: number;
  refundDue: number;
  /** [count, amount] */
  outstanding: [number, number];
  overdue: [number, number];
  paidThisMonth: [number, number];
  refundsDue: [number, number];
  /** Revenue report, Q1 2026: invoiced net of tax, collected. */
  invoiced: number;
  collected: number;
  unbilledEntries: number;
}

const SENT: Expected = {
  status: "sent", amountPaid: 0, amountCredited: 0, balanceDue: 24_000, refundDue: 0,
  outstanding: [1, 24_000], overdue: [1, 24_000], paidThisMonth: [0, 0], refundsDue: [0, 0], invoiced: 20_000, collected: 0, unbilledEntries: 0,
};

const SEQUENCES: [string, [Step, Expected][]][] = [
  [
    "pay part, remove it, credit part, pay the rest, credit the rest",
    [
      [{ do: "pay", amount: 10_000 }, { ...SENT, amountPaid: 10_000, balanceDue: 14_000, outstanding: [1, 14_000], overdue: [1, 14_000], paidThisMonth: [1, 10_000], collected: 10_000 }],
      [{ do: "remove last payment" }, SENT],
      [{ do: "credit", amount: 5_000 }, { ...SENT, amountCredited: 6_000, balanceDue: 18_000, outstanding: [1, 18_000], overdue: [1, 18_000], invoiced: 15_000 }],
      [
        { do: "pay", amount: 18_000 },
        { ...SENT, status: "paid", amountPaid: 18_000, amountCredited: 6_000, balanceDue: 0, outstanding: [0, 0], overdue: [0, 0], paidThisMonth: [1, 18_000], invoiced: 15_000, collected: 18_000 },
      ],
      [
        { do: "credit", amount: 15_000 },
        { status: "paid", amountPaid: 18_000, amountCredited: 24_000, balanceDue: 0, refundDue: 18_000, outstanding: [0, 0], overdue: [0, 0], paidThisMonth: [1, 18_000], refundsDue: [1, 18_000], invoiced: 0, collected: 18_000, unbilledEntries: 2 },
      ],
    ],
  ],
  [
    "pay in full, credit in full, remove the payment",
    [
      [{ do: "pay", amount: 24_000 }, { ...SENT, status: "paid", amountPaid: 24_000, balanceDue: 0, outstanding: [0, 0], overdue: [0, 0], paidThisMonth: [1, 24_000], collected: 24_000 }],
      [
        { do: "credit in full" },
        { status: "paid", amountPaid: 24_000, amountCredited: 24_000, balanceDue: 0, refundDue: 24_000, outstanding: [0, 0], overdue: [0, 0], paidThisMonth: [1, 24_000], refundsDue: [1, 24_000], invoiced: 0, collected: 24_000, unbilledEntries: 2 },
      ],
      [
        { do: "remove last payment" },
        { status: "sent", amountPaid: 0, amountCredited: 24_000, balanceDue: 0, refundDue: 0, outstanding: [0, 0], overdue: [0, 0], paidThisMonth: [0, 0], refundsDue: [0, 0], invoiced: 0, collected: 0, unbilledEntries: 2 },
      ],
    ],
  ],
  [
    "credit in full before any payment",
    [[{ do: "credit in full" }, { ...SENT, amountCredited: 24_000, balanceDue: 0, outstanding: [0, 0], overdue: [0, 0], invoiced: 0, unbilledEntries: 2 }]],
  ],
  [
    "pay part, credit part, remove the payment",
    [
      [{ do: "pay", amount: 6_000 }, { ...SENT, amountPaid: 6_000, balanceDue: 18_000, outstanding: [1, 18_000], overdue: [1, 18_000], paidThisMonth: [1, 6_000], collected: 6_000 }],
      [{ do: "credit", amount: 10_000 }, { ...SENT, amountPaid: 6_000, amountCredited: 12_000, balanceDue: 6_000, outstanding: [1, 6_000], overdue: [1, 6_000], paidThisMonth: [1, 6_000], invoiced: 10_000, collected: 6_000 }],
      [{ do: "remove last payment" }, { ...SENT, amountCredited: 12_000, balanceDue: 12_000, outstanding: [1, 12_000], overdue: [1, 12_000], invoiced: 10_000 }],
    ],
  ],
];

describe("credit notes and payment removals keep the invoice, the Billing Hub and the revenue report consistent", () => {
  it.each(SEQUENCES)("%s", async (_, steps) => {
    const w = await makeWorld();
    const { invoice, entries } = await sentInvoice(w);
    for (const [index, [step, expected]] of steps.entries()) {
      if (step.do === "pay") await recordInvoicePayment(w.owner, { invoiceId: invoice.id, amount: step.amount });
      if (step.do === "credit") await createCreditNote(w.owner, { invoiceId: invoice.id, lines: [{ description: "Credit", amount: step.amount }] });
      if (step.do === "credit in full") await createCreditNote(w.owner, { invoiceId: invoice.id });
      if (step.do === "remove last payment") {
        const { payments } = await getInvoice(w.owner, invoice.id);
        await removeInvoicePayment(w.owner, { invoiceId: invoice.id, paymentId: payments.at(-1)!.id });
      }

      const after = await getInvoice(w.owner, invoice.id);
      const hub = await getBillingHubSummary(w.owner);
      const report = await runReport(w.owner, { kind: "revenue", groupBy: "client", from: "2026-01-01", to: "2026-03-31" });
      const byProject = await runReport(w.owner, { kind: "revenue", groupBy: "project", from: "2026-01-01", to: "2026-03-31" });
      const seen: Expected = {
        status: after.status as Expected["status"],
        amountPaid: after.amountPaid,
        amountCredited: after.amountCredited,
        balanceDue: after.balanceDue,
        refundDue: after.refundDue,
        outstanding: [hub.outstanding.count, hub.outstanding.amount],
        overdue: [hub.overdue.count, hub.overdue.amount],
        paidThisMonth: [hub.paidThisMonth.count, hub.paidThisMonth.amount],
        refundsDue: [hub.refundsDue.count, hub.refundsDue.amount],
        invoiced: report.totals.invoiced,
        collected: report.totals.collected,
        unbilledEntries: await unbilledCount(entries.map((e) => e.id)),
      };
      expect(seen, `after step ${index + 1}: ${step.do}`).toEqual(expected);
      // The same money whichever way it is cut: the project view nets credit notes too.
      expect(byProject.totals.invoiced, `after step ${index + 1}`).toBe(report.totals.invoiced);
      // The credit notes themselves are never outstanding or overdue.
      expect(hub.overdue.invoices.every((i) => i.kind === "invoice")).toBe(true);
      // What the hub says is paid equals the payments on record.
      expect(after.amountPaid).toBe(after.payments.reduce((sum, p) => sum + p.amount, 0));
    }
  });

  it("never shows a credit note as overdue, however old", async () => {
    const w = await makeWorld();
    const { invoice } = await sentInvoice(w);
    const note = await createCreditNote(w.owner, { invoiceId: invoice.id, lines: [{ description: "A", amount: 100 }] });
    setClock(() => new Date("2026-09-01T12:00:00Z"));
    try {
      expect(await getInvoice(w.owner, note.id)).toMatchObject({ overdue: false, balanceDue: 0 });
      expect((await getBillingHubSummary(w.owner)).overdue.invoices.map((i) => i.id)).toEqual([invoice.id]);
    } finally {
      setClock(() => NOW);
    }
  });
});
