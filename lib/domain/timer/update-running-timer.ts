import { z } from "zod";
import { inTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import { conflict, invalidInput, parseInput } from "@/lib/domain/errors";
import { EntryDescription, Id, Instant, MAX_ENTRY_SECONDS, OptionalId } from "@/lib/domain/schemas";
import { checkEntryReferences } from "@/lib/domain/time-entries/entry-references";
import type { OverlappingEntry } from "@/lib/domain/time-entries/find-overlapping-entries";
import { NO_TIMER_RUNNING, TIMER_CHANGED_MEANWHILE } from "./timer-entry";
import { runOverlaps } from "./timer-overlaps";
import { runningTimerInclude, toRunningTimerView, type RunningTimerView } from "./timer-view";

export const UpdateRunningTimerInput = z.object({
  projectId: Id.optional(),
  taskId: OptionalId.optional(),
  description: EntryDescription.optional(),
  billable: z.boolean().optional(),
  /** Replaces the timer's tags when given. */
  tagIds: z.array(Id).max(20, "at most 20 tags").optional(),
  /** Moves the start (the work began earlier, or later, than the timer was started); at most 24 hours ago. */
  startedAt: Instant.optional(),
  /** The timer the caller saw; a different one running by now is refused rather than changed. */
  timerId: Id.optional(),
});
export type UpdateRunningTimerInput = z.input<typeof UpdateRunningTimerInput>;

/** The refusal of an edit when the timer the caller named is not the one running (nothing was changed). */
export const EDIT_OTHER_TIMER = "Nothing was changed: the timer you edited is not the one running (it was stopped or discarded elsewhere, or the id is wrong), and another timer runs now; reload to see it.";

/** The timer as edited, and the actor's entries its run so far overlaps (a start moved into tracked time). */
export interface UpdatedTimer {
  timer: RunningTimerView;
  /** Earliest first; [] when none. */
  overlaps: OverlappingEntry[];
}

/**
 * Changes the actor's running timer: what it is on (checked as a time entry's references are;
 * another project drops a task of the old one unless a new task is given), its description,
 * billable flag, tags or start. Fields left out stay as they are.
 * @returns the timer, and the entries its run from its (new) start to now overlaps (allowed, but said)
 * @throws conflict when no timer runs, or it was stopped or changed meanwhile; invalid_input for bad references or start
 */
export async function updateRunningTimer(actor: Actor, input: UpdateRunningTimerInput, tx?: DbTx): Promise<UpdatedTimer> {
  assertCan(actor, "time:write_own", "track time");
  const data = parseInput(UpdateRunningTimerInput, input);
  if (data.startedAt) {
    if (data.startedAt.getTime() > now().getTime()) throw invalidInput("A timer cannot start in the future.", { startedAt: "is in the future" });
    if (now().getTime() - data.startedAt.getTime() > MAX_ENTRY_SECONDS * 1000) {
      throw invalidInput("A timer can start at most 24 hours ago; track longer work as a time entry.", { startedAt: "is more than 24 hours ago" });
    }
  }
  return inTransaction(tx, async (tx) => {
    const timer = await tx.runningTimer.findFirst({ where: { membershipId: actor.membershipId, workspaceId: actor.workspaceId }, include: runningTimerInclude });
    if (!timer) throw conflict(NO_TIMER_RUNNING);
    if (data.timerId && data.timerId !== timer.id) throw conflict(EDIT_OTHER_TIMER);
    const projectId = data.projectId ?? timer.projectId;
    const taskId = data.taskId !== undefined ? data.taskId : projectId === timer.projectId ? timer.taskId : null;
    const { tagIds } = await checkEntryReferences(tx, actor, {
      projectId,
      taskId,
      membershipId: actor.membershipId,
      tagIds: data.tagIds ?? timer.tags.map((t) => t.tag.id),
    });
    const { count } = await tx.runningTimer.updateMany({
      where: { id: timer.id, updatedAt: timer.updatedAt },
      data: { projectId, taskId, description: data.description, billable: data.billable, startedAt: data.startedAt },
    });
    if (count === 0) throw conflict(TIMER_CHANGED_MEANWHILE);
    if (data.tagIds) {
      await tx.runningTimerTag.deleteMany({ where: { runningTimerId: timer.id } });
      if (tagIds.length) await tx.runningTimerTag.createMany({ data: tagIds.map((tagId) => ({ runningTimerId: timer.id, tagId })) });
    }
    const row = await tx.runningTimer.findUniqueOrThrow({ where: { id: timer.id }, include: runningTimerInclude });
    return { timer: toRunningTimerView(row, now()), overlaps: await runOverlaps(tx, actor, row.startedAt, now()) };
  });
}
