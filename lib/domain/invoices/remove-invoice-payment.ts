import { z } from "zod";
import { db, inTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { localDateOf } from "@/lib/domain/dates";
import { conflict, notFound, parseInput } from "@/lib/domain/errors";
import { formatMoney } from "@/lib/domain/money";
import { Id, OptionalText } from "@/lib/domain/schemas";
import { findInvoice } from "./find-invoice";
import { settledStatus } from "./invoice-settlement";
import { invoiceDetailInclude, toInvoiceDetail, type InvoiceDetail } from "./invoice-view";

export const RemoveInvoicePaymentInput = z.object({
  invoiceId: Id,
  paymentId: Id,
  /** Why, for the audit log ("recorded twice", "bounced"). */
  reason: OptionalText(500),
});
export type RemoveInvoicePaymentInput = z.input<typeof RemoveInvoicePaymentInput>;

type Invoice = Awaited<ReturnType<typeof findInvoice>>;

/** Why a payment cannot be removed from this invoice — shared with the dry run consequential callers run first. */
export function assertPaymentRemovable(invoice: Pick<Invoice, "label" | "kind" | "status">): void {
  if (invoice.kind === "credit_note") throw conflict(`${invoice.label} is a credit note; it has no payments to remove.`);
  if (invoice.status === "void") throw conflict(`${invoice.label} is void; its payments can no longer be changed.`);
}

/** The payment, only if it belongs to this invoice of the actor's workspace: any other is not found. */
export async function findInvoicePayment(tx: DbTx, actor: Actor, invoice: Pick<Invoice, "id">, paymentId: string) {
  const payment = await tx.payment.findFirst({ where: { id: paymentId, invoiceId: invoice.id, workspaceId: actor.workspaceId } });
  if (!payment) throw notFound("Payment");
  return payment;
}

/**
 * Removes a payment recorded by mistake (twice, on the wrong invoice, bounced). Owners and admins
 * only. The invoice's amount paid and status are recomputed (a paid invoice that no longer covers
 * its total is sent again, its paid date cleared), conditional on the figures read: a payment
 * recorded or removed at the same moment makes this one fail with a conflict, never double-count.
 * The removal is recorded in the audit log with the amount, date and reason. Refused on a void
 * invoice and on a credit note; a payment of another invoice or workspace is not found.
 * `tx`: a transaction to write in, else one of its own.
 */
export async function removeInvoicePayment(actor: Actor, input: RemoveInvoicePaymentInput, tx?: DbTx): Promise<InvoiceDetail> {
  assertCan(actor, "payments:remove", "remove payments");
  const data = parseInput(RemoveInvoicePaymentInput, input);
  const row = await inTransaction(tx, async (tx) => {
    const invoice = await findInvoice(tx, actor, data.invoiceId);
    assertPaymentRemovable(invoice);
    const payment = await findInvoicePayment(tx, actor, invoice, data.paymentId);

    const amountPaid = invoice.amountPaid - payment.amount;
    const status = settledStatus({ total: invoice.total, amountPaid, amountCredited: invoice.amountCredited });
    const latest = status === "paid"
      ? await tx.payment.findFirst({ where: { invoiceId: invoice.id, id: { not: payment.id } }, orderBy: { paidOn: "desc" } })
      : null;
    const updated = await tx.invoice.updateMany({
      where: { id: invoice.id, status: invoice.status, amountPaid: invoice.amountPaid, amountCredited: invoice.amountCredited },
      data: { amountPaid, status, paidAt: latest?.paidOn ?? null },
    });
    if (updated.count !== 1) throw conflict(`The payments on ${invoice.label} changed a moment ago; reload and try again.`);
    const deleted = await tx.payment.deleteMany({ where: { id: payment.id } });
    if (deleted.count !== 1) throw conflict(`That payment on ${invoice.label} was removed a moment ago.`);

    await recordAuditEvent(
      {
        type: "payment.removed",
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        detail: {
          invoice: invoice.label,
          amount: formatMoney(payment.amount, invoice.currency),
          paidOn: localDateOf(payment.paidOn, invoice.workspace.timeZone),
          reference: payment.reference,
          reason: data.reason ?? "",
        },
      },
      tx,
    );
    return tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: invoiceDetailInclude });
  });
  return toInvoiceDetail(row);
}

/** The removal's dry run: refuses exactly as removing would, without removing. */
export async function checkInvoicePaymentRemoval(actor: Actor, input: RemoveInvoicePaymentInput, tx: DbTx = db) {
  assertCan(actor, "payments:remove", "remove payments");
  const data = parseInput(RemoveInvoicePaymentInput, input);
  const invoice = await findInvoice(tx, actor, data.invoiceId);
  assertPaymentRemovable(invoice);
  const payment = await findInvoicePayment(tx, actor, invoice, data.paymentId);
  return {
    label: invoice.label,
    clientName: invoice.client.name,
    currency: invoice.currency,
    amount: payment.amount,
    paidOn: localDateOf(payment.paidOn, invoice.workspace.timeZone),
    amountPaidAfter: invoice.amountPaid - payment.amount,
  };
}
