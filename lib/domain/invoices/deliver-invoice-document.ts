import type { DbTx } from "@/lib/db";
import type { OutboxKind } from "@/lib/generated/prisma/client";

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
 * the outbox keeps what would have been delivered, verbatim). Called inside the transaction that
 * sends, reminds or credits, after the document's status change, so the message matches it.
 */
export async function deliverInvoiceDocument(tx: DbTx, delivery: InvoiceDelivery): Promise<void> {
  await tx.outboxMessage.create({ data: delivery });
}
