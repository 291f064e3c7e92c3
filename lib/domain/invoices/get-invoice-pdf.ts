import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { notFound, parseInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";
import { getLogoImage } from "@/lib/domain/workspaces/get-logo-image";
import { invoiceDetailInclude, toInvoiceDetail } from "./invoice-view";
import { renderInvoicePdf } from "./render-invoice-pdf";

export const PaperSize = z.enum(["a4", "letter"], { error: "must be a4 or letter" });

export const GetInvoicePdfInput = z.object({
  id: Id,
  /** Defaults to the workspace's paper size. */
  paperSize: PaperSize.optional(),
});
export type GetInvoicePdfInput = z.input<typeof GetInvoicePdfInput>;

export interface InvoicePdf {
  /** "INV-0004.pdf", "CN-0001.pdf". */
  fileName: string;
  data: Uint8Array<ArrayBuffer>;
}

/**
 * An invoice or credit note of the actor's workspace as a PDF, rendered now from what the
 * invoice holds (a sent one prints its frozen seller and buyer). Another workspace's invoice is
 * a not-found, like a missing one.
 * @throws forbidden without invoices:read; not_found; invalid_input for a paper size other than a4 or letter
 */
export async function getInvoicePdf(actor: Actor, id: string, options: { paperSize?: string } = {}): Promise<InvoicePdf> {
  assertCan(actor, "invoices:read", "view invoices");
  const data = parseInput(GetInvoicePdfInput, { id, paperSize: options.paperSize });
  const row = await db.invoice.findFirst({ where: { id: data.id, workspaceId: actor.workspaceId }, include: invoiceDetailInclude });
  if (!row) throw notFound("Invoice");
  const invoice = toInvoiceDetail(row);
  const logo = invoice.seller.logoId ? await getLogoImage(actor.workspaceId, invoice.seller.logoId) : null;
  return { fileName: `${invoice.label}.pdf`, data: await renderInvoicePdf(invoice, { paperSize: data.paperSize ?? invoice.paperSize, logo }) };
}
