/**
 * Unbilled billable work for one client, priced after the workspace's rules. Shared by
 * "find billable candidates", the invoice preview and draft creation so all three agree
 * to the cent.
 */
import type { DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { billTimeEntry } from "@/lib/domain/billing/billable-time";
import { groupIntoLines, type DraftLine, type LineGrouping } from "@/lib/domain/billing/invoice-lines";
import { loadBillingRules } from "@/lib/domain/billing/load-billing-rules";
import { localDateRange } from "@/lib/domain/dates";
import { invalidInput } from "@/lib/domain/errors";

export interface BillableCandidate {
  id: string;
  startedAt: Date;
  description: string;
  member: { id: string; name: string };
  project: { id: string; name: string };
  task: { id: string; name: string } | null;
  durationSeconds: number;
  billableSeconds: number;
  hourlyRate: number;
  amount: number;
  /** Rules that changed this entry's billable time. */
  appliedRuleIds: string[];
}

export interface CandidateSelection {
  clientId: string;
  /** Either a date range (workspace calendar dates, inclusive)… */
  range?: { from: string; to: string; timeZone: string };
  /** …or explicit entries. */
  entryIds?: string[];
  projectIds?: string[];
}

export async function loadBillableCandidates(tx: DbTx, actor: Actor, selection: CandidateSelection): Promise<BillableCandidate[]> {
  const startedAt = selection.range
    ? (() => {
        const { start, end } = localDateRange(selection.range.from, selection.range.to, selection.range.timeZone);
        return { gte: start, lt: end };
      })()
    : undefined;
  const [rows, rules] = await Promise.all([
    tx.timeEntry.findMany({
      where: {
        workspaceId: actor.workspaceId,
        billable: true,
        invoiceLineId: null,
        project: { clientId: selection.clientId },
        ...(selection.projectIds?.length ? { projectId: { in: selection.projectIds } } : {}),
        ...(selection.entryIds ? { id: { in: selection.entryIds } } : {}),
        ...(startedAt ? { startedAt } : {}),
      },
      select: {
        id: true,
        startedAt: true,
        description: true,
        durationSeconds: true,
        hourlyRate: true,
        membershipId: true,
        membership: { select: { user: { select: { name: true } } } },
        project: { select: { id: true, name: true, clientId: true } },
        task: { select: { id: true, name: true } },
      },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    }),
    loadBillingRules(actor.workspaceId, tx),
  ]);

  if (selection.entryIds) {
    const found = new Set(rows.map((r) => r.id));
    const missing = selection.entryIds.filter((id) => !found.has(id));
    if (missing.length) {
      throw invalidInput(
        `${missing.length} of the chosen time entries cannot be billed to this client (not found, not billable, already invoiced, or another client's): ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? "…" : ""}.`,
        { entryIds: "contains entries that cannot be billed" },
      );
    }
  }

  return rows.map((row) => {
    const billed = billTimeEntry(row, { clientId: row.project.clientId, projectId: row.project.id, membershipId: row.membershipId }, rules);
    return {
      id: row.id,
      startedAt: row.startedAt,
      description: row.description,
      member: { id: row.membershipId, name: row.membership.user.name },
      project: { id: row.project.id, name: row.project.name },
      task: row.task,
      durationSeconds: row.durationSeconds,
      billableSeconds: billed.billableSeconds,
      hourlyRate: row.hourlyRate,
      amount: billed.amount,
      appliedRuleIds: billed.appliedRuleIds,
    };
  });
}

export function linesForCandidates(candidates: readonly BillableCandidate[], grouping: LineGrouping, currency: string): DraftLine[] {
  return groupIntoLines(
    candidates.map((c) => ({
      id: c.id,
      projectId: c.project.id,
      projectName: c.project.name,
      taskId: c.task?.id ?? null,
      taskName: c.task?.name ?? null,
      billableSeconds: c.billableSeconds,
      hourlyRate: c.hourlyRate,
    })),
    grouping,
    currency,
  );
}

