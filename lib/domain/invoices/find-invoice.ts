import type { DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { documentLabel } from "@/lib/domain/billing/invoice-lines";
import { notFound } from "@/lib/domain/errors";

/** An invoice or credit note of the actor's workspace, with the label used in messages. */
export async function findInvoice(tx: DbTx, actor: Actor, id: string) {
  const invoice = await tx.invoice.findFirst({
    where: { id, workspaceId: actor.workspaceId },
    include: { client: true, workspace: true },
  });
  if (!invoice) throw notFound("Invoice");
  return { ...invoice, label: documentLabel(invoice.workspace, invoice) };
}
