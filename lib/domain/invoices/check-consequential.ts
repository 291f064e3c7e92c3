/**
 * Dry runs of the consequential invoice operations: the same checks the operation makes,
 * without writing. A two-step caller (MCP confirmations) runs these first, so it never
 * offers to confirm something that would be refused.
 */
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { parseInput } from "@/lib/domain/errors";
import { findInvoice } from "./find-invoice";
import { balanceDueOf } from "./invoice-settlement";
import { assertPaymentAccepted, RecordInvoicePaymentInput } from "./record-invoice-payment";
import { assertSendable, SendInvoiceInput } from "./send-invoice";
import { assertVoidable, VoidInvoiceInput } from "./void-invoice";

export async function checkInvoicePayment(actor: Actor, input: RecordInvoicePaymentInput) {
  assertCan(actor, "payments:write", "record payments");
  const data = parseInput(RecordInvoicePaymentInput, input);
  const invoice = await findInvoice(db, actor, data.invoiceId);
  const paidOn = assertPaymentAccepted(invoice, data);
  const balanceBefore = balanceDueOf(invoice);
  return { label: invoice.label, clientName: invoice.client.name, currency: invoice.currency, paidOn, balanceBefore, balanceAfter: balanceBefore - data.amount };
}

export async function checkInvoiceSend(actor: Actor, input: SendInvoiceInput) {
  assertCan(actor, "invoices:send", "send invoices");
  const data = parseInput(SendInvoiceInput, input);
  const invoice = await findInvoice(db, actor, data.id);
  const { to } = await assertSendable(db, invoice, data.to);
  return { label: invoice.label, clientName: invoice.client.name, currency: invoice.currency, total: invoice.total, to };
}

export async function checkInvoiceVoid(actor: Actor, input: { id: string }) {
  assertCan(actor, "invoices:void", "void invoices");
  const { id } = parseInput(VoidInvoiceInput, input);
  const invoice = await findInvoice(db, actor, id);
  assertVoidable(invoice);
  return { label: invoice.label, clientName: invoice.client.name, currency: invoice.currency, total: invoice.total, status: invoice.status };
}
