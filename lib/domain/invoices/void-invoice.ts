import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { now } from "@/lib/domain/clock";
import { conflict, parseInput } from "@/lib/domain/errors";
import { formatMoney } from "@/lib/domain/money";
import { Id } from "@/lib/domain/schemas";
import { findInvoice } from "./find-invoice";
import { invoiceDetailInclude, toInvoiceDetail, type InvoiceDetail } from "./invoice-view";

export const VoidInvoiceInput = z.object({ id: Id });

/** Why an invoice cannot be voided — shared with the check consequential callers run first. */
export function assertVoidable(invoice: { label: string; kind: string; status: string; amountPaid: number; amountCredited: number }): void {
  if (invoice.kind === "credit_note") throw conflict(`${invoice.label} is a credit note; a credit note is final and cannot be voided.`);
  if (invoice.status === "void") throw conflict(`${invoice.label} is already void.`);
  if (invoice.status === "paid" || invoice.amountPaid > 0) {
    throw conflict(
      `${invoice.label} has payments recorded, so it cannot be voided: issue a credit note to cancel it in full or in part (what was paid then shows as a refund due), or remove a payment recorded by mistake first.`,
    );
  }
  if (invoice.amountCredited > 0) {
    throw conflict(`${invoice.label} has credit notes against it, so it cannot be voided: issue a credit note for the rest instead.`);
  }
}

/**
 * Voids a draft or sent invoice that has no payments and no credit notes (one with payments
 * is cancelled with a credit note instead, see create-credit-note.ts). It keeps its number (numbering has
 * no gaps) and its time entries become unbilled again, ready for a new invoice.
 */
export async function voidInvoice(actor: Actor, input: z.input<typeof VoidInvoiceInput>): Promise<InvoiceDetail> {
  assertCan(actor, "invoices:void", "void invoices");
  const { id } = parseInput(VoidInvoiceInput, input);
  const row = await db.$transaction(async (tx) => {
    const invoice = await findInvoice(tx, actor, id);
    assertVoidable(invoice);
    const voided = await tx.invoice.updateMany({
      where: { id: invoice.id, status: invoice.status, amountPaid: 0, amountCredited: 0 },
      data: { status: "void", voidedAt: now() },
    });
    if (voided.count !== 1) throw conflict(`${invoice.label} changed a moment ago; reload and try again.`);
    await tx.timeEntry.updateMany({ where: { invoiceLine: { invoiceId: invoice.id } }, data: { invoiceLineId: null } });
    await recordAuditEvent(
      { type: "invoice.voided", workspaceId: actor.workspaceId, userId: actor.userId, detail: { invoice: invoice.label, amount: formatMoney(invoice.total, invoice.currency), was: invoice.status } },
      tx,
    );
    return tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: invoiceDetailInclude });
  });
  return toInvoiceDetail(row);
}
