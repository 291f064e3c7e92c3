import { z } from "zod";
import { inTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { now } from "@/lib/domain/clock";
import { localDateOf } from "@/lib/domain/dates";
import { formatMoney } from "@/lib/domain/money";
import { conflict, invalidInput, parseInput } from "@/lib/domain/errors";
import { Email, Id, OptionalText } from "@/lib/domain/schemas";
import { storedDiscount, storedTaxes } from "@/lib/domain/billing/invoice-adjustments";
import { deliverInvoiceDocument } from "./deliver-invoice-document";
import { findInvoice } from "./find-invoice";
import { buyerOf, sellerOf } from "./invoice-parties";
import { invoiceDetailInclude, toInvoiceDetail, type InvoiceDetail } from "./invoice-view";
import { renderInvoiceMessage } from "./render-invoice-message";

export const SendInvoiceInput = z.object({
  id: Id,
  /** Defaults to the client's email address. */
  to: Email.optional(),
  message: OptionalText(2_000),
});
export type SendInvoiceInput = z.input<typeof SendInvoiceInput>;

/**
 * Why an invoice cannot be sent, or where it goes and what it bills — shared with the check
 * consequential callers run first.
 */
export async function assertSendable(tx: DbTx, invoice: Awaited<ReturnType<typeof findInvoice>>, toOverride: string | undefined) {
  if (invoice.status !== "draft") throw conflict(`${invoice.label} is already ${invoice.status}; only drafts can be sent.`);
  const to = toOverride ?? invoice.client.invoiceEmail ?? invoice.client.email;
  if (!to) {
    throw invalidInput(`${invoice.client.name} has no email address. Add one to the client or give an address to send to.`, {
      to: "is required because the client has no email address",
    });
  }
  const lines = await tx.invoiceLine.findMany({ where: { invoiceId: invoice.id }, orderBy: { position: "asc" } });
  if (lines.length === 0) throw conflict(`${invoice.label} has no lines; there is nothing to send.`);
  return { to, lines };
}

/**
 * Marks a draft as sent and keeps the rendered message in the outbox. `tx`: a transaction to
 * write in (a keyed call's), else one of its own.
 */
export async function sendInvoice(actor: Actor, input: SendInvoiceInput, tx?: DbTx): Promise<InvoiceDetail> {
  assertCan(actor, "invoices:send", "send invoices");
  const data = parseInput(SendInvoiceInput, input);
  const row = await inTransaction(tx, async (tx) => {
    const invoice = await findInvoice(tx, actor, data.id);
    const { to, lines } = await assertSendable(tx, invoice, data.to);

    const sentAt = now();
    // Conditional on still being the draft as read: two simultaneous sends store one message, and
    // a draft edited in between (updateInvoiceDraft) is not sent with the old lines and totals.
    // The seller and buyer blocks are frozen as they are now: the client keeps what it was sent.
    const marked = await tx.invoice.updateMany({
      where: { id: invoice.id, status: "draft", updatedAt: invoice.updatedAt },
      data: { status: "sent", sentAt, seller: sellerOf(invoice.workspace), buyer: buyerOf(invoice.client) },
    });
    if (marked.count !== 1) throw conflict(`${invoice.label} was sent or changed a moment ago; reload it.`);
    // The label is read from the workspace's prefix, which may only change while no invoice is
    // sent: rewriting the prefix it was read with locks the workspace row, so a settings change
    // racing this send either finishes first (this finds another prefix and refuses) or waits
    // and then fails its serializable commit.
    const prefixKept = await tx.workspace.updateMany({
      where: { id: actor.workspaceId, invoicePrefix: invoice.workspace.invoicePrefix },
      data: { invoicePrefix: invoice.workspace.invoicePrefix },
    });
    if (prefixKept.count !== 1) throw conflict(`The invoice prefix changed a moment ago; reload ${invoice.label} and send it again.`);

    const zone = invoice.workspace.timeZone;
    const message = renderInvoiceMessage({
      label: invoice.label,
      workspaceName: invoice.workspace.name,
      clientName: invoice.client.name,
      currency: invoice.currency,
      issueDate: localDateOf(invoice.issueDate, zone),
      dueDate: localDateOf(invoice.dueDate, zone),
      lines,
      subtotal: invoice.subtotal,
      discount: storedDiscount(invoice.discount),
      discountAmount: invoice.discountAmount,
      taxes: storedTaxes(invoice.taxes),
      taxNote: invoice.taxNote,
      total: invoice.total,
      notes: invoice.notes,
      message: data.message,
    });
    await deliverInvoiceDocument(tx, { workspaceId: actor.workspaceId, invoiceId: invoice.id, kind: "invoice", toAddress: to, ...message });
    await recordAuditEvent(
      { type: "invoice.sent", workspaceId: actor.workspaceId, userId: actor.userId, detail: { invoice: invoice.label, amount: formatMoney(invoice.total, invoice.currency), to } },
      tx,
    );
    return tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: invoiceDetailInclude });
  });
  return toInvoiceDetail(row);
}
