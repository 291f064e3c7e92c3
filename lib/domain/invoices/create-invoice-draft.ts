import { inTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { startOfLocalDay } from "@/lib/domain/dates";
import { parseInput } from "@/lib/domain/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { claimInvoiceLines } from "./claim-invoice-lines";
import { InvoicePlanInput, planInvoice } from "./plan-invoice";
import { invoiceDetailInclude, toInvoiceDetail, type InvoiceDetail } from "./invoice-view";

/**
 * Creates a draft invoice from unbilled time and reserves that time for it, in one
 * transaction: the next sequential number is taken, lines are stored, and each entry is
 * claimed only if it is still unclaimed (claimInvoiceLines) — so two drafts racing for the
 * same time cannot both bill it; the loser gets a conflict and nothing is written. Taxes,
 * discount and tax note are stored as planned, with the totals (invoiceTotals' rounding rule).
 * `tx`: a transaction to write in (a keyed call's), else one of its own.
 */
export async function createInvoiceDraft(actor: Actor, input: InvoicePlanInput, tx?: DbTx): Promise<InvoiceDetail> {
  assertCan(actor, "invoices:write", "create invoices");
  const data = parseInput(InvoicePlanInput, input);
  const row = await inTransaction(tx, async (tx) => {
    const plan = await planInvoice(tx, actor, data);
    const workspace = await tx.workspace.update({
      where: { id: actor.workspaceId },
      data: { nextInvoiceNumber: { increment: 1 } },
    });
    const zone = workspace.timeZone;
    const invoice = await tx.invoice.create({
      data: {
        workspaceId: actor.workspaceId,
        clientId: plan.client.id,
        number: workspace.nextInvoiceNumber - 1,
        issueDate: startOfLocalDay(plan.issueDate, zone),
        dueDate: startOfLocalDay(plan.dueDate, zone),
        currency: plan.currency,
        periodStart: plan.periodStart ? startOfLocalDay(plan.periodStart, zone) : null,
        periodEnd: plan.periodEnd ? startOfLocalDay(plan.periodEnd, zone) : null,
        notes: plan.notes,
        taxNote: plan.taxNote,
        taxes: plan.totals.taxes,
        discount: plan.discount ?? Prisma.DbNull,
        discountAmount: plan.totals.discountAmount,
        subtotal: plan.totals.subtotal,
        taxAmount: plan.totals.taxAmount,
        total: plan.totals.total,
      },
    });
    await claimInvoiceLines(tx, actor, invoice.id, plan, "Nothing was created");
    return tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: invoiceDetailInclude });
  });
  return toInvoiceDetail(row);
}
