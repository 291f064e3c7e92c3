import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { notFound } from "@/lib/domain/errors";
import { invoiceDetailInclude, toInvoiceDetail, type InvoiceDetail } from "./invoice-view";

export async function getInvoice(actor: Actor, id: string): Promise<InvoiceDetail> {
  assertCan(actor, "invoices:read", "view invoices");
  const row = await db.invoice.findFirst({ where: { id, workspaceId: actor.workspaceId }, include: invoiceDetailInclude });
  if (!row) throw notFound("Invoice");
  return toInvoiceDetail(row);
}
