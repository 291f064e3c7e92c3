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
import { invalidInput, summarizeFieldErrors } from "@/lib/domain/errors";
import { UNKNOWN_ID } from "@/lib/domain/workspaces/check-filter-ids";

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

/** Field messages for a client and project filter that name no record of theirs. */
export const UNKNOWN_SELECTION = {
  clientId: UNKNOWN_ID.clientId,
  projectIds: UNKNOWN_ID.projectId,
  otherClientsProject: "is not a project of this client",
} as const;

/**
 * The client of a selection, checked to be one of the actor's workspace — the first step of
 * "find billable candidates", the preview and a draft.
 * @throws invalid_input at clientId ("no client with this id in this workspace"); another
 *   workspace's client reads the same
 */
export async function loadSelectedClient(tx: DbTx, actor: Actor, clientId: string) {
  const client = await tx.client.findFirst({ where: { id: clientId, workspaceId: actor.workspaceId } });
  if (!client) throw refusal({ clientId: UNKNOWN_SELECTION.clientId });
  return client;
}

/**
 * Refuses project ids that name no project of the client: an unknown id (or another
 * workspace's, which reads the same) would otherwise filter everything out and answer "no
 * unbilled time", as if the client had none.
 * @throws invalid_input at projectIds, listing the ids ("no project with this id in this
 *   workspace: zzz", or "is not a project of this client: <id>" for another client's project)
 */
async function checkSelectedProjects(tx: DbTx, actor: Actor, clientId: string, projectIds: readonly string[]): Promise<void> {
  const ids = [...new Set(projectIds)];
  const projects = await tx.project.findMany({ where: { id: { in: ids }, workspaceId: actor.workspaceId }, select: { id: true, clientId: true } });
  const clientOf = new Map(projects.map((p) => [p.id, p.clientId]));
  const unknown = ids.filter((id) => !clientOf.has(id));
  const elsewhere = ids.filter((id) => clientOf.has(id) && clientOf.get(id) !== clientId);
  if (unknown.length) throw refusal({ projectIds: `${UNKNOWN_SELECTION.projectIds}: ${listIds(unknown)}` });
  if (elsewhere.length) throw refusal({ projectIds: `${UNKNOWN_SELECTION.otherClientsProject}: ${listIds(elsewhere)}` });
}

const listIds = (ids: readonly string[]) => `${ids.slice(0, 5).join(", ")}${ids.length > 5 ? "…" : ""}`;

const refusal = (fieldErrors: Record<string, string>) => invalidInput(summarizeFieldErrors(fieldErrors), fieldErrors);

/**
 * The client's unbilled billable entries in the selection, priced after rules, oldest first.
 * `selection.clientId` must be the workspace's (loadSelectedClient).
 * @throws invalid_input at projectIds when one names no project of the client, and at entryIds
 *   when a chosen entry cannot be billed to it
 */
export async function loadBillableCandidates(tx: DbTx, actor: Actor, selection: CandidateSelection): Promise<BillableCandidate[]> {
  if (selection.projectIds?.length) await checkSelectedProjects(tx, actor, selection.clientId, selection.projectIds);
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

