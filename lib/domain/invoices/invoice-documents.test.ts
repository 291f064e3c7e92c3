/**
 * The invoice PDF from the database (getInvoicePdf), the PDF kept with each outbox message
 * (deliverInvoiceDocument via sendInvoice), the stored copy served back (getOutboxAttachment),
 * and payment reminders (sendInvoiceReminder): what they print and store, and every refusal.
 */
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import { formatIsoDate, localDateOf } from "@/lib/domain/dates";
import { formatMoney } from "@/lib/domain/money";
import { loadDemoData, type DemoData } from "@/lib/testing/demo-data";
import { draftInvoice, sentInvoice } from "@/lib/testing/mcp-fixtures";
import { rejection, STAGGERS_MS, startApart } from "@/lib/testing/race";
import { getInvoice } from "./get-invoice";
import { getInvoicePdf } from "./get-invoice-pdf";
import { findLastReminders } from "./find-last-reminders";
import { getOutboxAttachment } from "./get-outbox-attachment";
import { recordInvoicePayment } from "./record-invoice-payment";
import { checkInvoiceReminder, dueStatement, sendInvoiceReminder } from "./send-invoice-reminder";
import { voidInvoice } from "./void-invoice";

let demo: DemoData;
let ada: Actor;
let grace: Actor;
/** Ada as an admin of Analytical Engines: another workspace. */
let adaElsewhere: Actor;

/** A 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

async function textOf(data: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(data));
  return { pdf, text: (await extractText(pdf, { mergePages: true })).text };
}

async function pageWidth(data: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(data));
  const [x0, , x1] = (await pdf.getPage(1)).view;
  return Math.round((x1! - x0!) * 100) / 100;
}

beforeAll(async () => {
  demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
  grace = await resolveActor(demo.grace.id, { slug: "lovelace-studio" });
  adaElsewhere = await resolveActor(demo.ada.id, { slug: "analytical-engines" });
  const logo = await db.logoImage.create({ data: { workspaceId: demo.lovelace.id, mimeType: "image/png", data: PNG } });
  await db.workspace.update({
    where: { id: demo.lovelace.id },
    data: {
      legalName: "Lovelace Studio Ltd",
      address: "12 St James's Square\nLondon SW1Y 4JH",
      taxId: "GB 987 6543 21",
      contactEmail: "ada@lovelace.example",
      paymentInstructions: "Sort code 20-00-00, account 12345678",
      logoId: logo.id,
    },
  });
  await db.client.update({ where: { id: demo.babbage.id }, data: { taxId: "GB 111 2222 33" } });
});

describe("getInvoicePdf", () => {
  it("prints the seller's and buyer's details, the dates, each line and the totals of the invoice to the cent", async () => {
    const draft = await db.invoice.findFirstOrThrow({ where: { workspaceId: demo.lovelace.id, status: "draft", clientId: demo.babbage.id } });
    const invoice = await getInvoice(ada, draft.id);
    const pdf = await getInvoicePdf(ada, draft.id);
    expect(pdf.fileName).toBe(`${invoice.label}.pdf`);
    const { text } = await textOf(pdf.data);
    const money = (amount: number) => formatMoney(amount, invoice.currency);
    for (const expected of [
      invoice.label,
      "Lovelace Studio Ltd",
      "12 St James's Square",
      "London SW1Y 4JH",
      "VAT/Tax ID: GB 987 6543 21",
      "ada@lovelace.example",
      "Babbage & Co",
      "1 Dorset Street",
      "London W1U 4EG",
      "VAT/Tax ID: GB 111 2222 33",
      `Issue date ${formatIsoDate(invoice.issueDate, "d MMM yyyy")}`,
      `Due date ${formatIsoDate(invoice.dueDate, "d MMM yyyy")}`,
      "Period ",
      ...invoice.lines.map((line) => `${line.description} `),
      ...invoice.lines.map((line) => money(line.amount)),
      ...invoice.taxes.map((tax) => `${tax.label} `),
      `Subtotal ${money(invoice.subtotal)}`,
      `Total ${money(invoice.total)}`,
      `Amount paid ${money(invoice.amountPaid)}`,
      `Balance due ${money(invoice.balanceDue)}`,
      "Sort code 20-00-00, account 12345678",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("uses the workspace's paper size unless one is asked for", async () => {
    const sent = await db.invoice.findFirstOrThrow({ where: { workspaceId: demo.lovelace.id, status: "sent" } });
    await db.workspace.update({ where: { id: demo.lovelace.id }, data: { paperSize: "letter" } });
    try {
      expect(await pageWidth((await getInvoicePdf(ada, sent.id)).data)).toBe(612);
      expect(await pageWidth((await getInvoicePdf(ada, sent.id, { paperSize: "a4" })).data)).toBe(595.28);
    } finally {
      await db.workspace.update({ where: { id: demo.lovelace.id }, data: { paperSize: "a4" } });
    }
    expect(await pageWidth((await getInvoicePdf(ada, sent.id)).data)).toBe(595.28);
  });

  it("embeds the seller's logo", async () => {
    const { invoice } = await draftInvoice(ada);
    expect(Buffer.from((await getInvoicePdf(ada, invoice.id)).data).includes("/Subtype /Image")).toBe(true);
  });

  it("refuses a paper size other than a4 or letter", async () => {
    const sent = await db.invoice.findFirstOrThrow({ where: { workspaceId: demo.lovelace.id, status: "sent" } });
    await expect(getInvoicePdf(ada, sent.id, { paperSize: "a3" })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { paperSize: "must be a4 or letter" } });
  });

  it("does not find another workspace's invoice", async () => {
    const sent = await db.invoice.findFirstOrThrow({ where: { workspaceId: demo.lovelace.id, status: "sent" } });
    await expect(getInvoicePdf(adaElsewhere, sent.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a member, who cannot view invoices", async () => {
    const sent = await db.invoice.findFirstOrThrow({ where: { workspaceId: demo.lovelace.id, status: "sent" } });
    await expect(getInvoicePdf(grace, sent.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the PDF kept with a sent invoice", () => {
  it("stores the PDF of the invoice as sent, named after it, and serves those very bytes back", async () => {
    const { invoice } = await sentInvoice(ada);
    const message = await db.outboxMessage.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(message).toMatchObject({ kind: "invoice", attachmentName: `${invoice.label}.pdf` });
    const stored = Buffer.from(message.attachment!);
    const { text } = await textOf(stored);
    expect(text).toContain(invoice.label);
    expect(text).toContain(`Total ${formatMoney(invoice.total, invoice.currency)}`);
    // Rendered after the status change: the same bytes a download of the sent invoice gives.
    expect(Buffer.from((await getInvoicePdf(ada, invoice.id)).data).equals(stored)).toBe(true);
    const served = await getOutboxAttachment(ada, invoice.id, message.id);
    expect(served.fileName).toBe(`${invoice.label}.pdf`);
    expect(Buffer.from(served.data).equals(stored)).toBe(true);
    expect(invoice.deliveries).toEqual([expect.objectContaining({ kind: "invoice", attachmentName: `${invoice.label}.pdf` })]);
  });

  it("keeps the stored copy when the invoice changes later (a payment shows on a new download only)", async () => {
    const { invoice } = await sentInvoice(ada);
    const message = await db.outboxMessage.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    await recordInvoicePayment(ada, { invoiceId: invoice.id, amount: 5_000 });
    const served = await getOutboxAttachment(ada, invoice.id, message.id);
    expect(Buffer.from(served.data).equals(Buffer.from(message.attachment!))).toBe(true);
    expect((await textOf((await getInvoicePdf(ada, invoice.id)).data)).text).toContain(`Amount paid ${formatMoney(5_000, "EUR")}`);
  });

  it("serves no attachment across workspaces, invoices, or to a member", async () => {
    const { invoice } = await sentInvoice(ada);
    const other = await sentInvoice(ada);
    const message = await db.outboxMessage.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    await expect(getOutboxAttachment(adaElsewhere, invoice.id, message.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getOutboxAttachment(ada, other.invoice.id, message.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getOutboxAttachment(grace, invoice.id, message.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("sendInvoiceReminder", () => {
  it("reminds the client of an overdue invoice: days overdue, the balance, the PDF attached", async () => {
    const overdue = await db.invoice.findFirstOrThrow({ where: { workspaceId: demo.lovelace.id, status: "sent" } });
    const before = await getInvoice(ada, overdue.id);
    expect(before.overdue).toBe(true);
    const today = localDateOf(now(), "Europe/London");
    const late = Math.round((Date.parse(today) - Date.parse(before.dueDate)) / 86_400_000);
    const after = await sendInvoiceReminder(ada, { id: overdue.id, message: "Just checking in." });
    const reminder = after.deliveries.at(-1)!;
    expect(reminder).toMatchObject({ kind: "reminder", toAddress: "accounts@babbage.example", attachmentName: `${before.label}.pdf` });
    const money = formatMoney(before.balanceDue, before.currency);
    // The seller as the invoice was sent (frozen then), not as the workspace reads now.
    expect(reminder.subject).toBe(`Reminder: invoice ${before.label} from ${before.seller.name} — ${money} ${late} days overdue`);
    expect(reminder.body).toContain("Just checking in.");
    expect(reminder.body).toContain(`was due on ${formatIsoDate(before.dueDate, "d MMM yyyy")} and is now ${late} days overdue`);
    expect(reminder.body).toContain(`Balance due: ${money}.`);
    const stored = await db.outboxMessage.findUniqueOrThrow({ where: { id: reminder.id } });
    expect((await textOf(stored.attachment!)).text).toContain(`Balance due ${money}`);
    expect(after.status).toBe("sent");
    expect(await findLastReminders(ada, [overdue.id, stored.invoiceId!, "other"])).toEqual(new Map([[overdue.id, stored.createdAt]]));
  });

  it("says when an invoice not yet overdue is due, and goes to the address given", async () => {
    const { invoice } = await sentInvoice(ada);
    const after = await sendInvoiceReminder(ada, { id: invoice.id, to: "ap@elsewhere.example" });
    const reminder = after.deliveries.at(-1)!;
    expect(reminder.toAddress).toBe("ap@elsewhere.example");
    expect(reminder.body).toContain(`${invoice.label}, issued ${formatIsoDate(invoice.issueDate, "d MMM yyyy")}, is due on ${formatIsoDate(invoice.dueDate, "d MMM yyyy")}, in 30 days.`);
    expect(reminder.subject).toBe(`Reminder: invoice ${invoice.label} from Lovelace Studio Ltd — €120.00 due ${formatIsoDate(invoice.dueDate, "d MMM yyyy")}`);
    expect(reminder.body).toContain("How to pay:\nSort code 20-00-00, account 12345678");
  });

  it.each([
    ["2026-11-20", "2026-11-21", "was due on 20 Nov 2026 and is now 1 day overdue"],
    ["2026-11-21", "2026-11-21", "is due today (21 Nov 2026)"],
    ["2026-11-22", "2026-11-21", "is due on 22 Nov 2026, in 1 day"],
    ["2026-10-01", "2026-11-21", "was due on 1 Oct 2026 and is now 51 days overdue"],
  ])("due %s, today %s: %s", (due, today, expected) => {
    expect(dueStatement(due, today)).toBe(expected);
  });

  const refusals: [string, () => Promise<string>, RegExp, string][] = [
    ["a draft", async () => (await draftInvoice(ada)).invoice.id, /is a draft; send it before reminding/, "conflict"],
    ["a paid invoice", async () => {
      const { invoice } = await sentInvoice(ada);
      await recordInvoicePayment(ada, { invoiceId: invoice.id, amount: invoice.total });
      return invoice.id;
    }, /is paid; there is nothing to remind/, "conflict"],
    ["a void invoice", async () => {
      const { invoice } = await sentInvoice(ada);
      await voidInvoice(ada, { id: invoice.id });
      return invoice.id;
    }, /is void; nothing is due/, "conflict"],
    ["a credit note", async () => {
      const { invoice } = await sentInvoice(ada);
      await db.invoice.update({ where: { id: invoice.id }, data: { kind: "credit_note" } });
      return invoice.id;
    }, /is a credit note; only invoices get payment reminders/, "conflict"],
    ["a sent invoice credited in full", async () => {
      const { invoice } = await sentInvoice(ada);
      await db.invoice.update({ where: { id: invoice.id }, data: { amountCredited: invoice.total } });
      return invoice.id;
    }, /has no balance due/, "conflict"],
    ["a client without an email address", async () => {
      const { invoice, client } = await sentInvoice(ada);
      await db.client.update({ where: { id: client.id }, data: { email: null, invoiceEmail: null } });
      await db.invoice.update({ where: { id: invoice.id }, data: { buyer: { name: client.name, address: "", taxId: "", email: null } } });
      return invoice.id;
    }, /has no email address/, "invalid_input"],
    ["another workspace's invoice", async () => (await db.invoice.findFirstOrThrow({ where: { workspaceId: demo.engines.id } }).catch(() => null))?.id ?? "missing", /not found/, "not_found"],
  ];

  it.each(refusals)("refuses %s, in the dry run too, and stores nothing", async (_, make, message, code) => {
    const id = await make();
    const outbox = await db.outboxMessage.count();
    await expect(checkInvoiceReminder(ada, { id })).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    await expect(sendInvoiceReminder(ada, { id })).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await db.outboxMessage.count()).toBe(outbox);
  });

  it("never reminds of an invoice a payment settled at the same moment: the reminder's PDF shows the balance it reminds of", async () => {
    for (const delay of STAGGERS_MS) {
      const { invoice } = await sentInvoice(ada);
      const [reminder, payment] = await startApart(
        () => sendInvoiceReminder(ada, { id: invoice.id }),
        () => recordInvoicePayment(ada, { invoiceId: invoice.id, amount: invoice.total }),
        delay,
      );
      // A payment is refused only as a conflict (then retried); a reminder after the payment is refused as paid or changed.
      for (const refused of [rejection(reminder), rejection(payment)].filter(Boolean)) expect(refused, `round ${delay} ms`).toMatchObject({ code: "conflict" });
      const stored = await db.outboxMessage.findMany({ where: { invoiceId: invoice.id, kind: "reminder" } });
      expect(stored, `round ${delay} ms`).toHaveLength(reminder.status === "fulfilled" ? 1 : 0);
      for (const message of stored) {
        expect((await textOf(message.attachment!)).text, `round ${delay} ms`).toContain(`Balance due ${formatMoney(invoice.total, invoice.currency)}`);
      }
    }
  });

  it("refuses an address that is not an email", async () => {
    const { invoice } = await sentInvoice(ada);
    await expect(sendInvoiceReminder(ada, { id: invoice.id, to: "the client" })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { to: expect.any(String) } });
  });

  it("refuses a member, who cannot send invoices", async () => {
    const { invoice } = await sentInvoice(ada);
    await expect(sendInvoiceReminder(grace, { id: invoice.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(checkInvoiceReminder(grace, { id: invoice.id })).rejects.toMatchObject({ code: "forbidden" });
  });
});
