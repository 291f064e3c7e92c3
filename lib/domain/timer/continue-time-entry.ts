import { z } from "zod";
import { db, type DbTx } from "@/lib/db";
import { assertCan, can, type Actor } from "@/lib/domain/actor";
import { forbidden, notFound, parseInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";
import { beginTimer, type StartedTimer } from "./begin-timer";

export const ContinueTimeEntryInput = z.object({
  id: Id,
  /** As for startTimer: true stops a running timer into an entry first; false refuses while one runs. */
  stopRunning: z.boolean().default(false),
});
export type ContinueTimeEntryInput = z.input<typeof ContinueTimeEntryInput>;

/** The refusal when the actor can see the entry but it is another member's: a timer is always one's own. */
export const CONTINUE_OTHERS_ENTRY = "You can only continue your own time entries.";

/**
 * Starts a timer now with a previous entry's project, task, description, tags and billable flag
 * ("continue" in Toggl). Only one's own entries: an owner or admin, who can see everyone's time,
 * is told another member's entry is not theirs to continue; a member, who cannot, finds no such entry.
 * @throws not_found for an entry the actor cannot see; forbidden for another member's entry the
 *   actor can see; what startTimer throws otherwise
 */
export async function continueTimeEntry(actor: Actor, input: ContinueTimeEntryInput, tx?: DbTx): Promise<StartedTimer> {
  assertCan(actor, "time:write_own", "track time");
  const data = parseInput(ContinueTimeEntryInput, input);
  const entry = await (tx ?? db).timeEntry.findFirst({
    where: { id: data.id, workspaceId: actor.workspaceId, ...(can(actor, "time:read_all") ? {} : { membershipId: actor.membershipId }) },
    include: { tags: { select: { tagId: true } } },
  });
  if (!entry) throw notFound("Time entry");
  if (entry.membershipId !== actor.membershipId) throw forbidden(CONTINUE_OTHERS_ENTRY);
  return beginTimer(
    actor,
    { projectId: entry.projectId, taskId: entry.taskId, description: entry.description, billable: entry.billable, tagIds: entry.tags.map((t) => t.tagId) },
    data.stopRunning,
    tx,
  );
}
