import { z } from "zod";
import { checkInvoicePayment } from "@/lib/domain/invoices/check-consequential";
import { recordInvoicePayment as recordInvoicePaymentInDomain } from "@/lib/domain/invoices/record-invoice-payment";
import { formatMoney } from "@/lib/domain/money";
import { ADDITIVE, defineTool } from "../tool";
import { InvoiceDetailOut } from "@/lib/integrations/wire-schemas";
import { dateArg, idArg } from "./args";

export const recordInvoicePayment = defineTool({
  name: "record_invoice_payment",
  title: "Record a payment",
  description:
    "Records a full or partial payment received on a sent invoice; paying the whole balance marks it paid. amount is in minor units (cents) of the invoice currency and at most the balance due (see get_invoice). Consequential: the first call changes nothing and returns a summary and a confirmation_token; confirm with the user, then call again with the same arguments and the token. Also accepts an idempotency_key: a retried confirmed call with the same key returns the first result instead of paying twice.",
  scope: "invoices:write",
  permission: "payments:write",
  access: "write",
  input: z.object({
    invoice_id: idArg("a sent invoice", "list_invoices"),
    amount: z.int().min(1).max(10_000_000_000).describe("Amount received, in minor units (cents): 10000 = 100.00"),
    paid_on: dateArg("Day the money arrived (default today; not in the future)").optional(),
    method: z.enum(["bank_transfer", "card", "cash", "check", "other"]).default("bank_transfer").describe("How it was paid (default bank_transfer)"),
    reference: z.string().max(200).default("").describe("Bank reference or note"),
  }),
  output: z.object({ invoice: InvoiceDetailOut }),
  annotations: ADDITIVE,
  acceptsIdempotencyKey: true,
  async confirm({ actor }, input) {
    // The dry run refuses now what recording would refuse (overpayment, a draft, a future date).
    const check = await checkInvoicePayment(actor, { invoiceId: input.invoice_id, amount: input.amount, paidOn: input.paid_on, method: input.method, reference: input.reference });
    const money = (amount: number) => formatMoney(amount, check.currency);
    return `Record a payment of ${money(input.amount)} on ${check.label} (balance ${money(check.balanceBefore)} → ${money(check.balanceAfter)}) from ${check.clientName}`;
  },
  run: async ({ actor, tx }, input) => ({
    invoice: await recordInvoicePaymentInDomain(actor, {
      invoiceId: input.invoice_id,
      amount: input.amount,
      paidOn: input.paid_on,
      method: input.method,
      reference: input.reference,
    }, tx),
  }),
  render: ({ invoice: i }) =>
    `Recorded the payment on ${i.label}: paid ${formatMoney(i.amount_paid, i.currency)} of ${formatMoney(i.total, i.currency)}, balance ${formatMoney(i.balance_due, i.currency)}${i.status === "paid" ? " — paid in full" : ""}.`,
});
