import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { localDateOf } from "@/lib/domain/dates";
import { now } from "@/lib/domain/clock";
import { deleteTimeEntry } from "@/lib/domain/time-entries/delete-time-entry";
import { updateTimeEntry } from "@/lib/domain/time-entries/update-time-entry";
import { loadDemoData } from "@/lib/testing/demo-data";
import { rejection, STAGGERS_MS, startApart } from "@/lib/testing/race";
import { MENABREA_UNBILLED_TOTAL } from "@/prisma/seed/demo";
import { createClientRow, createProjectRow, createTimeEntryRow } from "@/prisma/seed/factories";
import { createInvoiceDraft } from "./create-invoice-draft";
import { findBillableCandidates } from "./find-billable-candidates";
import { getInvoice } from "./get-invoice";
import { previewInvoice } from "./preview-invoice";
import { recordInvoicePayment } from "./record-invoice-payment";
import { sendInvoice } from "./send-invoice";
import { voidInvoice } from "./void-invoice";

let ada: Actor;
let menabreaId: string;
let babbageId: string;
const wide = { from: "2000-01-01", to: "2099-12-31" };

beforeAll(async () => {
  const demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
  menabreaId = demo.menabrea.id;
  babbageId = demo.babbage.id;
});

/** A client with one billable 2-hour entry at €100/h, isolated from the demo data. */
async function freshClient(email: string | null = "billing@client.example") {
  const client = await createClientRow(db, ada.workspaceId, { email });
  const project = await createProjectRow(db, ada.workspaceId, client.id, { hourlyRate: 10_000 });
  const entry = await createTimeEntryRow(db, {
    workspaceId: ada.workspaceId,
    membershipId: ada.membershipId,
    projectId: project.id,
    startedAt: new Date(now().getTime() - 86_400_000),
    durationSeconds: 7_200,
    hourlyRate: 10_000,
  });
  return { client, project, entry };
}

async function sentInvoiceFor(total = 20_000) {
  const { client } = await freshClient();
  const draft = await createInvoiceDraft(ada, { clientId: client.id, ...wide });
  expect(draft.total).toBe(total);
  return sendInvoice(ada, { id: draft.id });
}

describe("billable candidates and drafts", () => {
  it("finds Menabrea Press's unbilled billable time priced after the round-up rule", async () => {
    const candidates = await findBillableCandidates(ada, { clientId: menabreaId, ...wide });
    expect(candidates.amount).toBe(MENABREA_UNBILLED_TOTAL);
    expect(candidates.billableSeconds).toBe(9.25 * 3600);
    expect(candidates.entries.every((e) => e.billableSeconds % 900 === 0)).toBe(true);
    expect(candidates.entries.some((e) => e.description.includes("pro bono"))).toBe(false);
  });

  it("creates exactly the draft the preview showed, and reserves its time", async () => {
    const preview = await previewInvoice(ada, { clientId: menabreaId, ...wide, grouping: "task", taxRate: 2_000 });
    const draft = await createInvoiceDraft(ada, { clientId: menabreaId, ...wide, grouping: "task", taxRate: 2_000 });
    expect(draft.label).toBe(preview.nextLabel);
    expect(draft.status).toBe("draft");
    expect(draft.subtotal).toBe(MENABREA_UNBILLED_TOTAL);
    expect(draft.taxAmount).toBe(17_200);
    expect(draft.total).toBe(MENABREA_UNBILLED_TOTAL + 17_200);
    expect(draft.lines.map((l) => [l.description, l.amount])).toEqual(preview.lines.map((l) => [l.description, l.amount]));
    expect(draft.lines.reduce((n, l) => n + l.entryCount, 0)).toBe(preview.entries.length);

    const after = await findBillableCandidates(ada, { clientId: menabreaId, ...wide });
    expect(after.entries).toEqual([]);
    await expect(createInvoiceDraft(ada, { clientId: menabreaId, ...wide })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("no unbilled billable time"),
    });
  });

  it("numbers invoices sequentially per workspace", async () => {
    const first = await createInvoiceDraft(ada, { clientId: (await freshClient()).client.id, ...wide });
    const second = await createInvoiceDraft(ada, { clientId: (await freshClient()).client.id, ...wide });
    expect(second.number).toBe(first.number + 1);
    expect(second.label).toBe(`INV-${String(first.number + 1).padStart(4, "0")}`);
  });

  it("bills each entry once when two drafts race for the same time", async () => {
    const { client, entry } = await freshClient();
    const results = await Promise.allSettled([
      createInvoiceDraft(ada, { clientId: client.id, ...wide }),
      createInvoiceDraft(ada, { clientId: client.id, ...wide }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.invoice.count({ where: { clientId: client.id } })).toBe(1);
    expect((await db.timeEntry.findUniqueOrThrow({ where: { id: entry.id } })).invoiceLineId).not.toBeNull();
  });

  it("drafts from explicit entries and refuses entries that cannot be billed to the client", async () => {
    const { client, entry } = await freshClient();
    const other = await freshClient();
    await expect(createInvoiceDraft(ada, { clientId: client.id, entryIds: [entry.id, other.entry.id] })).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect(await db.invoice.count({ where: { clientId: client.id } })).toBe(0);
    const draft = await createInvoiceDraft(ada, { clientId: client.id, entryIds: [entry.id] });
    expect(draft.total).toBe(20_000);
  });

  it.each([
    { name: "no range and no entries", input: { clientId: "x" }, field: "from" },
    { name: "from after to", input: { from: "2026-02-01", to: "2026-01-01" }, field: "from" },
    { name: "an impossible date", input: { from: "2026-02-30", to: "2026-03-01" }, field: "from" },
    { name: "due before issue", input: { ...wide, issueDate: "2026-02-01", dueDate: "2026-01-01" }, field: "dueDate" },
    { name: "a negative tax rate", input: { ...wide, taxRate: -1 }, field: "taxRate" },
    { name: "tax over 100%", input: { ...wide, taxRate: 10_001 }, field: "taxRate" },
    { name: "an unknown grouping", input: { ...wide, grouping: "member" }, field: "grouping" },
  ])("refuses a draft with $name", async ({ input, field }) => {
    const before = await db.invoice.count();
    await expect(createInvoiceDraft(ada, { clientId: babbageId, ...input } as never)).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { [field]: expect.any(String) },
    });
    expect(await db.invoice.count()).toBe(before);
  });

  it("refuses a client from another workspace", async () => {
    const foreign = await db.client.findFirstOrThrow({ where: { name: "Difference Works" } });
    await expect(createInvoiceDraft(ada, { clientId: foreign.id, ...wide })).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("sending", () => {
  it("marks the draft sent and keeps the rendered message in the outbox", async () => {
    const { client } = await freshClient("ap@acme.example");
    const draft = await createInvoiceDraft(ada, { clientId: client.id, ...wide });
    const sent = await sendInvoice(ada, { id: draft.id, message: "Thanks for a great month." });
    expect(sent.status).toBe("sent");
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.deliveries).toHaveLength(1);
    expect(sent.deliveries[0]).toMatchObject({ toAddress: "ap@acme.example", subject: `Invoice ${draft.label} from Lovelace Studio — €200.00` });
    expect(sent.deliveries[0]?.body).toContain("Thanks for a great month.");
    expect(sent.deliveries[0]?.body).toContain("Total due: €200.00");
  });

  it("refuses to send twice", async () => {
    const sent = await sentInvoiceFor();
    await expect(sendInvoice(ada, { id: sent.id })).rejects.toMatchObject({ code: "conflict" });
    expect(await db.outboxMessage.count({ where: { invoiceId: sent.id } })).toBe(1);
  });

  it("asks for an address when the client has none", async () => {
    const { client } = await freshClient(null);
    const draft = await createInvoiceDraft(ada, { clientId: client.id, ...wide });
    await expect(sendInvoice(ada, { id: draft.id })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { to: expect.any(String) } });
    expect((await getInvoice(ada, draft.id)).status).toBe("draft");
    expect((await sendInvoice(ada, { id: draft.id, to: "someone@example.com" })).status).toBe("sent");
  });
});

describe("payments", () => {
  it("records a partial payment, then marks the invoice paid when the balance is settled", async () => {
    const sent = await sentInvoiceFor();
    const partial = await recordInvoicePayment(ada, { invoiceId: sent.id, amount: 5_000, reference: "first" });
    expect(partial).toMatchObject({ status: "sent", amountPaid: 5_000, balanceDue: 15_000 });
    const paid = await recordInvoicePayment(ada, { invoiceId: sent.id, amount: 15_000, method: "card" });
    expect(paid).toMatchObject({ status: "paid", amountPaid: 20_000, balanceDue: 0 });
    expect(paid.paidAt).toBeInstanceOf(Date);
    expect(paid.payments.map((p) => [p.amount, p.method])).toEqual([
      [5_000, "bank_transfer"],
      [15_000, "card"],
    ]);
  });

  it.each([
    { name: "an overpayment", amount: 20_001, code: "invalid_input", message: "Overpayment refused" },
    { name: "a zero amount", amount: 0, code: "invalid_input", message: "amount" },
    { name: "a fractional amount", amount: 10.5, code: "invalid_input", message: "amount" },
    { name: "a future date", amount: 100, paidOn: "2099-01-01", code: "invalid_input", message: "future" },
    { name: "an unknown method", amount: 100, method: "barter", code: "invalid_input", message: "method" },
  ])("refuses $name and changes nothing", async ({ amount, paidOn, method, code, message }) => {
    const sent = await sentInvoiceFor();
    await expect(
      recordInvoicePayment(ada, { invoiceId: sent.id, amount, paidOn, method: method as never }),
    ).rejects.toMatchObject({ code, message: expect.stringContaining(message) });
    const after = await getInvoice(ada, sent.id);
    expect(after).toMatchObject({ status: "sent", amountPaid: 0 });
    expect(after.payments).toEqual([]);
  });

  it("refuses payments on drafts, paid and void invoices", async () => {
    const { client } = await freshClient();
    const draft = await createInvoiceDraft(ada, { clientId: client.id, ...wide });
    await expect(recordInvoicePayment(ada, { invoiceId: draft.id, amount: 100 })).rejects.toMatchObject({ code: "conflict" });
    await voidInvoice(ada, { id: draft.id });
    await expect(recordInvoicePayment(ada, { invoiceId: draft.id, amount: 100 })).rejects.toMatchObject({ code: "conflict" });
    const sent = await sentInvoiceFor();
    await recordInvoicePayment(ada, { invoiceId: sent.id, amount: 20_000 });
    await expect(recordInvoicePayment(ada, { invoiceId: sent.id, amount: 1 })).rejects.toMatchObject({ code: "conflict" });
  });

  it("accepts only one of two simultaneous payments that would each settle the balance", async () => {
    const sent = await sentInvoiceFor();
    const results = await Promise.allSettled([
      recordInvoicePayment(ada, { invoiceId: sent.id, amount: 20_000 }),
      recordInvoicePayment(ada, { invoiceId: sent.id, amount: 20_000 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await getInvoice(ada, sent.id)).amountPaid).toBe(20_000);
  });
});

describe("voiding", () => {
  it("voids a sent invoice, keeps its number and frees its time for a new invoice", async () => {
    const sent = await sentInvoiceFor();
    const voided = await voidInvoice(ada, { id: sent.id });
    expect(voided).toMatchObject({ status: "void", number: sent.number, balanceDue: 0 });
    expect(voided.voidedAt).toBeInstanceOf(Date);
    const again = await createInvoiceDraft(ada, { clientId: sent.client.id, ...wide });
    expect(again.total).toBe(20_000);
    expect(again.number).toBeGreaterThan(sent.number);
  });

  it("refuses to void an invoice with payments, or one already void", async () => {
    const sent = await sentInvoiceFor();
    await recordInvoicePayment(ada, { invoiceId: sent.id, amount: 1_000 });
    await expect(voidInvoice(ada, { id: sent.id })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("payments") });
    const other = await sentInvoiceFor();
    await voidInvoice(ada, { id: other.id });
    await expect(voidInvoice(ada, { id: other.id })).rejects.toMatchObject({ code: "conflict" });
  });

  it("freezes invoiced time: it cannot be edited or deleted until the invoice is voided", async () => {
    const { client, entry } = await freshClient();
    const draft = await createInvoiceDraft(ada, { clientId: client.id, ...wide });
    await expect(updateTimeEntry(ada, { id: entry.id, durationSeconds: 60 })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining(draft.label),
    });
    await expect(deleteTimeEntry(ada, { id: entry.id })).rejects.toMatchObject({ code: "conflict" });
    await voidInvoice(ada, { id: draft.id });
    await expect(updateTimeEntry(ada, { id: entry.id, durationSeconds: 3_600 })).resolves.toMatchObject({ durationSeconds: 3_600 });
  });
});

describe("dates", () => {
  it("issues today and is due after the workspace's payment terms by default", async () => {
    const { client } = await freshClient();
    const draft = await createInvoiceDraft(ada, { clientId: client.id, ...wide });
    const today = localDateOf(now(), "Europe/London");
    expect(draft.issueDate).toBe(today);
    expect(Date.parse(draft.dueDate) - Date.parse(today)).toBe(30 * 86_400_000);
  });
});

describe("concurrent changes (every round staggers the second call; PostgreSQL interleaves them)", () => {
  it("gives two simultaneous drafts two consecutive numbers", async () => {
    const [a, b] = await Promise.all([freshClient(), freshClient()]);
    const drafts = await Promise.all([
      createInvoiceDraft(ada, { clientId: a.client.id, ...wide }),
      createInvoiceDraft(ada, { clientId: b.client.id, ...wide }),
    ]);
    const numbers = drafts.map((d) => d.number).sort((x, y) => x - y);
    expect(numbers[1]).toBe((numbers[0] ?? 0) + 1);
  });

  it("bills an entry edited while it is being invoiced as it is stored, or refuses the edit", async () => {
    for (const delay of STAGGERS_MS) {
      const { client, entry } = await freshClient();
      const [draft, edit] = await startApart(
        () => createInvoiceDraft(ada, { clientId: client.id, entryIds: [entry.id] }),
        () => updateTimeEntry(ada, { id: entry.id, durationSeconds: 10_800 }),
        delay,
      );
      for (const refused of [rejection(draft), rejection(edit)].filter(Boolean)) expect(refused).toMatchObject({ code: "conflict" });
      const stored = await db.timeEntry.findUniqueOrThrow({ where: { id: entry.id }, include: { invoiceLine: true } });
      expect(stored.durationSeconds, `round ${delay} ms`).toBe(edit.status === "fulfilled" ? 10_800 : 7_200);
      if (draft.status === "fulfilled") {
        expect(stored.invoiceLine?.invoiceId).toBe(draft.value.id);
        expect(stored.invoiceLine?.quantitySeconds, `round ${delay} ms: the invoice bills the entry as stored`).toBe(stored.durationSeconds);
        expect(draft.value.subtotal).toBe((stored.durationSeconds / 3600) * 10_000);
      } else {
        expect(edit.status).toBe("fulfilled");
        expect(stored.invoiceLineId).toBeNull();
        expect(await db.invoice.count({ where: { clientId: client.id } })).toBe(0);
      }
    }
  });

  it("either deletes an entry or bills it when both happen at once, never both", async () => {
    for (const delay of STAGGERS_MS) {
      const { client, entry } = await freshClient();
      const [draft, removal] = await startApart(
        () => createInvoiceDraft(ada, { clientId: client.id, entryIds: [entry.id] }),
        () => deleteTimeEntry(ada, { id: entry.id }),
        delay,
      );
      const stored = await db.timeEntry.findUnique({ where: { id: entry.id }, include: { invoiceLine: true } });
      if (removal.status === "fulfilled") {
        expect(stored).toBeNull();
        expect(draft.status, `round ${delay} ms: a deleted entry is not billed`).toBe("rejected");
        expect(rejection(draft)).toMatchObject({ code: expect.stringMatching(/^(conflict|invalid_input)$/) });
        expect(await db.invoice.count({ where: { clientId: client.id } })).toBe(0);
      } else {
        expect(rejection(removal)).toMatchObject({ code: "conflict" });
        expect(draft.status).toBe("fulfilled");
        expect(stored?.invoiceLine?.invoiceId).toBe(draft.status === "fulfilled" ? draft.value.id : undefined);
      }
    }
  });

  it("lets exactly one of a void and a payment happen when both come at once", async () => {
    for (const delay of STAGGERS_MS) {
      const sent = await sentInvoiceFor();
      const [voiding, payment] = await startApart(
        () => voidInvoice(ada, { id: sent.id }),
        () => recordInvoicePayment(ada, { invoiceId: sent.id, amount: 5_000 }),
        delay,
      );
      expect([voiding.status, payment.status].sort(), `round ${delay} ms`).toEqual(["fulfilled", "rejected"]);
      expect(rejection(voiding) ?? rejection(payment)).toMatchObject({ code: "conflict" });
      const after = await getInvoice(ada, sent.id);
      if (voiding.status === "fulfilled") expect(after).toMatchObject({ status: "void", amountPaid: 0, payments: [] });
      else expect(after).toMatchObject({ status: "sent", amountPaid: 5_000, payments: [expect.objectContaining({ amount: 5_000 })] });
    }
  });
});
