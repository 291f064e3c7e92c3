import { z } from "zod";
import { db, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { notFound, parseInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";
import { beginTimer, type StartedTimer } from "./begin-timer";

export const ContinueTimeEntryInput = z.object({
  id: Id,
  /** As for startTimer: true stops a running timer into an entry first; false refuses while one runs. */
  stopRunning: z.boolean().default(false),
});
export type ContinueTimeEntryInput = z.input<typeof ContinueTimeEntryInput>;

/**
 * Starts a timer now with a previous entry's project, task, description, tags and billable flag
 * ("continue" in Toggl). Only one's own entries: another member's entry is not found, whoever asks.
 * @throws not_found for an entry that is not the actor's; what startTimer throws otherwise
 */
export async function continueTimeEntry(actor: Actor, input: ContinueTimeEntryInput, tx?: DbTx): Promise<StartedTimer> {
  assertCan(actor, "time:write_own", "track time");
  const data = parseInput(ContinueTimeEntryInput, input);
  const entry = await (tx ?? db).timeEntry.findFirst({
    where: { id: data.id, workspaceId: actor.workspaceId, membershipId: actor.membershipId },
    include: { tags: { select: { tagId: true } } },
  });
  if (!entry) throw notFound("Time entry");
  return beginTimer(
    actor,
    { projectId: entry.projectId, taskId: entry.taskId, description: entry.description, billable: entry.billable, tagIds: entry.tags.map((t) => t.tagId) },
    data.stopRunning,
    tx,
  );
}
