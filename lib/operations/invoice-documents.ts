/** Invoice documents: the PDF of an invoice or credit note, and payment reminders that carry it. */
import { z } from "zod";
import { getInvoicePdf as getInvoicePdfInDomain } from "@/lib/domain/invoices/get-invoice-pdf";
import { checkInvoiceReminder, sendInvoiceReminder as sendInvoiceReminderInDomain } from "@/lib/domain/invoices/send-invoice-reminder";
import { formatMoney } from "@/lib/domain/money";
import { InvoiceDetailOut } from "@/lib/integrations/wire-schemas";
import { email, id, text } from "./fields";
import { defineFileOperation, defineOperation } from "./operation";

export const getInvoicePdf = defineFileOperation({
  name: "get_invoice_pdf",
  title: "Get an invoice as PDF",
  description:
    "The PDF of an invoice or credit note, as the client receives it: seller and buyer with addresses and tax IDs, dates, work period, lines, taxes, totals, amount paid and due, payment instructions and notes. paper_size is a4 or letter (default: the workspace's paper size). Drafts render too, with the current business and client details; a sent invoice prints what it was sent with.",
  scope: "invoices:read", permission: "invoices:read", effect: "read",
  mediaType: "application/pdf",
  input: z.object({
    invoice_id: id("an invoice or credit note", "list_invoices"),
    paper_size: z.enum(["a4", "letter"], { error: "must be a4 or letter" }).optional().describe("a4 or letter; default the workspace's paper size"),
  }),
  fieldNames: { paperSize: "paper_size" },
  async file({ actor }, input) {
    const pdf = await getInvoicePdfInDomain(actor, input.invoice_id, { paperSize: input.paper_size });
    return { fileName: pdf.fileName, mediaType: "application/pdf", uri: `hourbook://invoices/${input.invoice_id}/pdf`, data: pdf.data };
  },
});

export const sendInvoiceReminder = defineOperation({
  name: "send_invoice_reminder",
  title: "Send a payment reminder",
  description:
    "Reminds the client of a sent invoice's balance due: the message (how many days overdue, or when it is due, and the amount due) goes to Hourbook's outbox with the invoice PDF attached. Only sent invoices with a balance due; drafts, paid and void invoices and credit notes are refused. Without to, it goes to the client's invoice email, else its email. Answers with the invoice; its deliveries list the reminders sent.",
  scope: "invoices:send", permission: "invoices:send", effect: "additive",
  input: z.object({
    invoice_id: id("a sent invoice", "list_invoices"),
    to: email.optional().describe("Recipient; defaults to the client's invoice email, else its email"),
    message: text(2_000).optional().describe("A personal note above the reminder"),
  }),
  output: z.object({ invoice: InvoiceDetailOut }),
  async confirm({ actor }, input) {
    // The dry run refuses now what reminding would refuse (not sent, nothing due, no address).
    const check = await checkInvoiceReminder(actor, { id: input.invoice_id, to: input.to, message: input.message });
    const late = check.daysOverdue ? `${check.daysOverdue} ${check.daysOverdue === 1 ? "day" : "days"} overdue` : "not yet overdue";
    return `Send a payment reminder for ${check.label} (${formatMoney(check.balanceDue, check.currency)} due, ${late}) to ${check.clientName} <${check.to}>`;
  },
  run: async ({ actor, tx }, input) => ({ invoice: await sendInvoiceReminderInDomain(actor, { id: input.invoice_id, to: input.to, message: input.message }, tx) }),
});
