import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { conflict, parseInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";
import { findEntryForChange, INVOICED_MEANWHILE } from "./find-entry-for-change";

export const DeleteTimeEntryInput = z.object({ id: Id });

/** Deletes an entry that is not on an invoice. Returns what was deleted, for confirmations. */
export async function deleteTimeEntry(actor: Actor, input: z.input<typeof DeleteTimeEntryInput>) {
  assertCan(actor, "time:write_own", "delete time entries");
  const { id } = parseInput(DeleteTimeEntryInput, input);
  return db.$transaction(async (tx) => {
    const entry = await findEntryForChange(tx, actor, id, "delete");
    // Conditional on still being unbilled, as in updateTimeEntry: never delete time an invoice bills.
    const { count } = await tx.timeEntry.deleteMany({ where: { id: entry.id, invoiceLineId: null } });
    if (count !== 1) throw conflict(INVOICED_MEANWHILE);
    return { id: entry.id, startedAt: entry.startedAt, durationSeconds: entry.durationSeconds, description: entry.description };
  });
}

/** The deletion's dry run: refuses exactly as deleting would (someone else's, invoiced...), without deleting. */
export async function checkTimeEntryDeletion(actor: Actor, input: z.input<typeof DeleteTimeEntryInput>) {
  assertCan(actor, "time:write_own", "delete time entries");
  const { id } = parseInput(DeleteTimeEntryInput, input);
  await findEntryForChange(db, actor, id, "delete");
}
