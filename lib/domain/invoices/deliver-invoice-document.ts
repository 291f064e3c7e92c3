import type { DbTx } from "@/lib/db";
import type { OutboxKind } from "@/lib/generated/prisma/client";
import { invoiceDetailInclude, toInvoiceDetail } from "./invoice-view";
import { renderInvoicePdf } from "./render-invoice-pdf";

export interface InvoiceDelivery {
  workspaceId: string;
  invoiceId: string;
  /** invoice: the invoice as sent; reminder: a payment reminder; credit_note: a credit note as issued. */
  kind: OutboxKind;
  toAddress: string;
  subject: string;
  body: string;
}

/**
 * Puts a message about an invoice or credit note in the outbox (Hourbook has no mail server:
 * the outbox keeps what would have been delivered, verbatim), with the document's PDF attached
 * ("INV-0004.pdf"). Called inside the transaction that sends, reminds or credits, after the
 * document's status change, so the message and the PDF match it: the PDF is rendered from the
 * invoice as this transaction sees it, and kept byte for byte.
 * @returns the outbox message's id
 */
export async function deliverInvoiceDocument(tx: DbTx, delivery: InvoiceDelivery): Promise<string> {
  const row = await tx.invoice.findFirstOrThrow({ where: { id: delivery.invoiceId, workspaceId: delivery.workspaceId }, include: invoiceDetailInclude });
  const invoice = toInvoiceDetail(row);
  // Read through `tx`: a read outside the transaction would wait on it (SQLite has one writer).
  const logo = invoice.seller.logoId
    ? await tx.logoImage.findFirst({ where: { id: invoice.seller.logoId, workspaceId: delivery.workspaceId }, select: { mimeType: true, data: true } })
    : null;
  const pdf = await renderInvoicePdf(invoice, { paperSize: invoice.paperSize, logo: logo && { mimeType: logo.mimeType, data: new Uint8Array(logo.data) } });
  const message = await tx.outboxMessage.create({
    data: { ...delivery, attachment: pdf, attachmentName: `${invoice.label}.pdf` },
    select: { id: true },
  });
  return message.id;
}
