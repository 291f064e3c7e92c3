/** Corrections once money moved: removing a payment recorded by mistake, and credit notes. */
import { z } from "zod";
import { checkCreditNote, createCreditNote as createCreditNoteInDomain } from "@/lib/domain/invoices/create-credit-note";
import { checkInvoicePaymentRemoval, removeInvoicePayment as removeInvoicePaymentInDomain } from "@/lib/domain/invoices/remove-invoice-payment";
import { formatMoney } from "@/lib/domain/money";
import { domainNamed } from "@/lib/integrations/wire";
import { InvoiceDetailOut } from "@/lib/integrations/wire-schemas";
import { email, id, text } from "./fields";
import { defineOperation } from "./operation";

const InvoiceOut = z.object({ invoice: InvoiceDetailOut });

export const removeInvoicePayment = defineOperation({
  name: "remove_invoice_payment",
  title: "Remove a payment",
  description:
    "Removes a payment recorded by mistake (entered twice, on the wrong invoice, bounced) from an invoice: amount_paid and the balance are recomputed, and a paid invoice that no longer covers its total is sent again. Recorded in the workspace's audit log with the amount, date and reason. The payment ids are in get_invoice's payments. Refused on a void invoice and on a credit note. Cannot be undone (record the payment again instead). Administrative: needs the hourbook:admin scope and an owner or admin.",
  scope: "hourbook:admin", permission: "payments:remove", effect: "destructive",
  input: z.object({
    invoice_id: id("the invoice", "list_invoices"),
    payment_id: id("the payment", "get_invoice's payments"),
    reason: text(500).optional().describe("Why it is removed, for the audit log"),
  }),
  output: InvoiceOut,
  async confirm({ actor }, input) {
    // The dry run refuses now what removing would refuse (another invoice's payment, a void invoice, a credit note).
    const check = await checkInvoicePaymentRemoval(actor, domainNamed(input));
    const money = (amount: number) => formatMoney(amount, check.currency);
    return `Remove the payment of ${money(check.amount)} received on ${check.paidOn} from ${check.label} (${check.clientName}); amount paid becomes ${money(check.amountPaidAfter)}`;
  },
  run: async ({ actor, tx }, input) => ({ invoice: await removeInvoicePaymentInDomain(actor, domainNamed(input), tx) }),
});

export const createCreditNote = defineOperation({
  name: "create_credit_note",
  title: "Issue a credit note",
  description:
    "Issues a credit note against a sent or paid invoice and sends it to the client (Hourbook keeps it in its outbox): without lines it cancels the whole invoice (every line, the discount and each tax negated); with lines it credits those fixed amounts (minor units, positive, before tax; the invoice's taxes are added at its rates), at most what is still creditable (total − amount_credited, tax included). It gets its own number (CN-…), negative totals, and references the invoice (credited_invoice). The invoice's amount_credited grows and its balance_due shrinks; what the client already paid beyond what is left owing shows as refund_due. When the invoice ends fully credited its time entries become unbilled again (release_time: false keeps them billed); partial credits keep them. Use it instead of void_invoice once payments exist; drafts are edited or voided instead. Administrative: needs the hourbook:admin scope and an owner or admin.",
  // hourbook:admin, like void_invoice: it cancels what a client owes and can release billed time; a
  // connection trusted to send invoices (invoices:send) is not thereby trusted to cancel them.
  scope: "hourbook:admin", permission: "invoices:credit", effect: "additive",
  idempotencyKey: true,
  input: z.object({
    invoice_id: id("a sent or paid invoice", "list_invoices"),
    lines: z
      .array(
        z.strictObject({
          description: text(200).describe("What is credited, e.g. \"Discount agreed for the late delivery\""),
          amount: z.int().min(1).max(10_000_000_000).describe("Credited amount before tax, in minor units (cents), positive: 5000 = 50.00"),
        }),
      )
      .min(1)
      .max(20)
      .optional()
      .describe("A partial credit; leave out to credit the whole invoice"),
    reason: text(2_000).optional().describe("Printed on the credit note: why it was issued"),
    to: email.optional().describe("Recipient; defaults to the address the invoice went to"),
    release_time: z.boolean().optional().describe("When the invoice ends fully credited: make its time entries unbilled again (default true)"),
  }),
  output: InvoiceOut,
  fieldNames: { invoiceId: "invoice_id", releaseTime: "release_time" },
  async confirm({ actor }, input) {
    // The dry run refuses now what issuing would refuse (a draft, void, already credited, too much).
    const check = await checkCreditNote(actor, domainNamed(input));
    const money = (amount: number) => formatMoney(amount, check.currency);
    const what = check.full ? `crediting ${check.label} in full (${money(check.amount)})` : `crediting ${money(check.amount)} of ${check.label}`;
    return `Issue a credit note to ${check.clientName} <${check.to}>, ${what}${check.releasesTime ? "; its time becomes billable again" : ""}${check.refundDue ? `; ${money(check.refundDue)} already paid becomes a refund due` : ""}`;
  },
  run: async ({ actor, tx }, input) => ({ invoice: await createCreditNoteInDomain(actor, domainNamed(input), tx) }),
});
