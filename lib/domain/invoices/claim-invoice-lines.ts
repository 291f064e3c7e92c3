import type { DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import type { DraftLine } from "@/lib/domain/billing/invoice-lines";
import { conflict } from "@/lib/domain/errors";
import type { BillableCandidate } from "./billable-candidates";

/**
 * Stores a draft's planned lines and claims each line's time entries for it, inside the
 * caller's transaction. Each entry is claimed only if it is still unclaimed — so two drafts (or
 * a draft and a re-pull) racing for the same time cannot both bill it: the loser gets a
 * conflict (`what`: "Nothing was created" / "Nothing was changed") and its transaction rolls
 * back. Once claimed (and so locked until commit), the entries are read again: an edit that
 * committed between planning and claiming would otherwise be billed at what it was before.
 * Shared by creating a draft and re-pulling a draft's time.
 */
export async function claimInvoiceLines(
  tx: DbTx,
  actor: Actor,
  invoiceId: string,
  plan: { lines: readonly DraftLine[]; entries: readonly BillableCandidate[] },
  what: string,
): Promise<void> {
  for (const line of plan.lines) {
    const stored = await tx.invoiceLine.create({
      data: {
        invoiceId,
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
      throw conflict(`Some of this time was invoiced by someone else a moment ago. ${what}; preview again.`);
    }
  }
  await assertEntriesAsPlanned(tx, plan.entries, what);
}

/**
 * The claimed entries still say what the plan priced. Under READ COMMITTED the plan read each
 * entry before this transaction held it, so an edit committed in between (a new duration, rate,
 * project, task or billable flag) would be billed at its old values; the claim waits for such
 * an edit and so this read, after it, sees it.
 */
async function assertEntriesAsPlanned(tx: DbTx, planned: readonly BillableCandidate[], what: string): Promise<void> {
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
  if (changed) throw conflict(`Some of this time was changed a moment ago. ${what}; preview again.`);
}
