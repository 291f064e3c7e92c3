import { inTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { startOfLocalDay } from "@/lib/domain/dates";
import { conflict, parseInput } from "@/lib/domain/errors";
import type { BillableCandidate } from "./billable-candidates";
import { InvoicePlanInput, planInvoice } from "./plan-invoice";
import { invoiceDetailInclude, toInvoiceDetail, type InvoiceDetail } from "./invoice-view";

/**
 * Creates a draft invoice from unbilled time and reserves that time for it, in one
 * transaction: the next sequential number is taken, lines are stored, and each entry is
 * claimed only if it is still unclaimed — so two drafts racing for the same time cannot
 * both bill it; the loser gets a conflict and nothing is written. Once claimed (and so
 * locked until commit), the entries are read again: an edit that committed between planning
 * and claiming would otherwise be billed at what it was before. `tx`: a transaction to
 * write in (a keyed call's), else one of its own.
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
        taxes: plan.taxRate ? [{ label: "Tax", rate: plan.taxRate, amount: plan.totals.taxAmount }] : [],
        ...plan.totals,
      },
    });
    for (const line of plan.lines) {
      const stored = await tx.invoiceLine.create({
        data: {
          invoiceId: invoice.id,
          position: line.position,
          description: line.description,
          projectId: line.projectId,
          taskId: line.taskId,
          quantitySeconds: line.quantitySeconds,
          unitRate: line.unitRate,
          amount: line.amount,
        },
      });
      const claimed = await tx.timeEntry.updateMany({
        where: { id: { in: line.entryIds }, workspaceId: actor.workspaceId, invoiceLineId: null },
        data: { invoiceLineId: stored.id },
      });
      if (claimed.count !== line.entryIds.length) {
        throw conflict("Some of this time was invoiced by someone else a moment ago. Nothing was created; preview again.");
      }
    }
    await assertEntriesAsPlanned(tx, plan.entries);
    return tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: invoiceDetailInclude });
  });
  return toInvoiceDetail(row);
}

/**
 * The claimed entries still say what the plan priced. Under READ COMMITTED the plan read each
 * entry before this transaction held it, so an edit committed in between (a new duration, rate,
 * project, task or billable flag) would be billed at its old values; the claim waits for such
 * an edit and so this read, after it, sees it.
 */
async function assertEntriesAsPlanned(tx: DbTx, planned: readonly BillableCandidate[]): Promise<void> {
  const rows = await tx.timeEntry.findMany({
    where: { id: { in: planned.map((entry) => entry.id) } },
    select: { id: true, membershipId: true, projectId: true, taskId: true, startedAt: true, durationSeconds: true, hourlyRate: true, billable: true },
  });
  const current = new Map(rows.map((row) => [row.id, row]));
  const changed = planned.some((entry) => {
    const row = current.get(entry.id);
    return (
      !row ||
      !row.billable ||
      row.membershipId !== entry.member.id ||
      row.projectId !== entry.project.id ||
      row.taskId !== (entry.task?.id ?? null) ||
      row.startedAt.getTime() !== entry.startedAt.getTime() ||
      row.durationSeconds !== entry.durationSeconds ||
      row.hourlyRate !== entry.hourlyRate
    );
  });
  if (changed) throw conflict("Some of this time was changed a moment ago. Nothing was created; preview again.");
}
