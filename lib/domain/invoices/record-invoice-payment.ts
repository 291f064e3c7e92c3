import { z } from "zod";
import { inTransaction, type DbTx } from "@/lib/db";
import { PaymentMethod } from "@/lib/generated/prisma/enums";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { now } from "@/lib/domain/clock";
import { IsoDate, localDateOf, startOfLocalDay } from "@/lib/domain/dates";
import { conflict, invalidInput, parseInput } from "@/lib/domain/errors";
import { formatMoney } from "@/lib/domain/money";
import { Amount, Id, printable } from "@/lib/domain/schemas";
import { findInvoice } from "./find-invoice";
import { balanceDueOf, settledStatus } from "./invoice-settlement";
import { invoiceDetailInclude, toInvoiceDetail, type InvoiceDetail } from "./invoice-view";

export const RecordInvoicePaymentInput = z.object({
  invoiceId: Id,
  /** Minor units; at most the balance due. */
  amount: Amount,
  /** Calendar date in the workspace's time zone; defaults to today. */
  paidOn: IsoDate.optional(),
  method: z.enum(Object.values(PaymentMethod) as [PaymentMethod, ...PaymentMethod[]], {
    error: "must be bank_transfer, card, cash, check or other",
  }).default("bank_transfer"),
  reference: z.string().trim().max(200, "must be at most 200 characters").refine(...printable()).default(""),
});
export type RecordInvoicePaymentInput = z.input<typeof RecordInvoicePaymentInput>;

type PayableInvoice = Awaited<ReturnType<typeof findInvoice>>;

/**
 * Why a payment cannot be recorded, as a DomainError — shared by recording and by the
 * check consequential callers run first. Returns the payment's date.
 */
export function assertPaymentAccepted(invoice: PayableInvoice, data: { amount: number; paidOn?: string | undefined }): string {
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  if (invoice.kind === "credit_note") {
    throw conflict(`${invoice.label} is a credit note; it takes no payments. Record payments on the invoice it credits.`);
  }
  if (invoice.status === "draft") throw conflict(`${invoice.label} is still a draft; send it before recording payments.`);
  if (invoice.status === "void") throw conflict(`${invoice.label} is void; it takes no payments.`);
  if (invoice.status === "paid") throw conflict(`${invoice.label} is already paid in full.`);
  const balance = balanceDueOf(invoice);
  if (balance === 0) throw conflict(`${invoice.label} owes nothing: credit notes and payments already cover its total.`);
  if (data.amount > balance) {
    throw invalidInput(`Overpayment refused: the balance due on ${invoice.label} is ${money(balance)}, not ${money(data.amount)}.`, {
      amount: `must be at most ${money(balance)}`,
    });
  }
  const today = localDateOf(now(), invoice.workspace.timeZone);
  const paidOn = data.paidOn ?? today;
  if (paidOn > today) throw invalidInput("A payment cannot be dated in the future.", { paidOn: "is in the future" });
  return paidOn;
}

/**
 * Records a full or partial payment on a sent invoice. Paying the balance in full (what credit
 * notes left of the total) marks it paid; paying more than the balance is refused, and so is a
 * payment on a credit note or on an invoice credit notes settled. `tx`: a transaction to write in (a keyed
 * call's), else one of its own.
 */
export async function recordInvoicePayment(actor: Actor, input: RecordInvoicePaymentInput, tx?: DbTx): Promise<InvoiceDetail> {
  assertCan(actor, "payments:write", "record payments");
  const data = parseInput(RecordInvoicePaymentInput, input);
  const row = await inTransaction(tx, async (tx) => {
    const invoice = await findInvoice(tx, actor, data.invoiceId);
    const zone = invoice.workspace.timeZone;
    const paidOn = assertPaymentAccepted(invoice, data);
    const amountPaid = invoice.amountPaid + data.amount;
    const paidInFull = settledStatus({ total: invoice.total, amountPaid, amountCredited: invoice.amountCredited }) === "paid";
    // Conditional on the balance we checked: a concurrent payment, payment removal or credit note makes this one retry.
    const updated = await tx.invoice.updateMany({
      where: { id: invoice.id, status: "sent", amountPaid: invoice.amountPaid, amountCredited: invoice.amountCredited },
      data: { amountPaid, ...(paidInFull ? { status: "paid", paidAt: startOfLocalDay(paidOn, zone) } : {}) },
    });
    if (updated.count !== 1) throw conflict(`Another payment on ${invoice.label} was recorded a moment ago; check the balance and try again.`);
    await tx.payment.create({
      data: {
        workspaceId: actor.workspaceId,
        invoiceId: invoice.id,
        amount: data.amount,
        paidOn: startOfLocalDay(paidOn, zone),
        method: data.method,
        reference: data.reference,
        recordedById: actor.membershipId,
      },
    });
    await recordAuditEvent(
      {
        type: "payment.recorded",
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        detail: { invoice: invoice.label, amount: formatMoney(data.amount, invoice.currency), paidOn, reference: data.reference ?? "", paidInFull },
      },
      tx,
    );
    return tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: invoiceDetailInclude });
  });
  return toInvoiceDetail(row);
}
