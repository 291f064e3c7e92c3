import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { invoiceTotals } from "@/lib/domain/billing/invoice-totals";
import { DATES_OUT_OF_ORDER, datesInOrder, IsoDate } from "@/lib/domain/dates";
import { parseInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";
import { loadWorkspace } from "@/lib/domain/workspaces/load-workspace";
import { linesForCandidates, loadBillableCandidates, loadSelectedClient, type BillableCandidate } from "./billable-candidates";

export const FindBillableCandidatesInput = z
  .object({
    clientId: Id,
    from: IsoDate,
    to: IsoDate,
    projectIds: z.array(Id).max(50).optional(),
  })
  .refine(datesInOrder, DATES_OUT_OF_ORDER);

export interface BillableCandidates {
  client: { id: string; name: string };
  from: string;
  to: string;
  currency: string;
  entries: BillableCandidate[];
  /** Totals as a draft grouped per project would show them. */
  billableSeconds: number;
  amount: number;
}

/**
 * Unbilled billable time for a client in a date range, priced after rules.
 * @throws invalid_input at clientId / projectIds when they name no client of the workspace or
 *   no project of that client (an unknown id is refused, never read as "no time")
 */
export async function findBillableCandidates(
  actor: Actor,
  input: z.input<typeof FindBillableCandidatesInput>,
): Promise<BillableCandidates> {
  assertCan(actor, "invoices:read", "look for billable time");
  const data = parseInput(FindBillableCandidatesInput, input);
  const workspace = await loadWorkspace(actor);
  const { id, name } = await loadSelectedClient(db, actor, data.clientId);
  const client = { id, name };
  const entries = await loadBillableCandidates(db, actor, {
    clientId: client.id,
    range: { from: data.from, to: data.to, timeZone: workspace.timeZone },
    projectIds: data.projectIds,
  });
  const lines = linesForCandidates(entries, "project", workspace.currency);
  return {
    client,
    from: data.from,
    to: data.to,
    currency: workspace.currency,
    entries,
    billableSeconds: entries.reduce((sum, e) => sum + e.billableSeconds, 0),
    amount: invoiceTotals(lines).subtotal,
  };
}
