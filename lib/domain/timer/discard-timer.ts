import { z } from "zod";
import { inTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import { conflict, parseInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";
import { NO_TIMER_RUNNING } from "./timer-entry";
import { runningTimerInclude, toRunningTimerView, type RunningTimerView } from "./timer-view";

export const DiscardTimerInput = z.object({
  /** The timer the caller saw; a different one running by now is refused rather than discarded. */
  timerId: Id.optional(),
});
export type DiscardTimerInput = z.input<typeof DiscardTimerInput>;

/** The refusal of a discard when the timer the caller named is not the one running (nothing was discarded). */
export const DISCARD_OTHER_TIMER = "Nothing was discarded: the timer you named is not the one running (it was stopped or discarded elsewhere, or the id is wrong), and another timer runs now; reload to see it.";

/**
 * Throws the actor's running timer away: no entry is recorded. (Toggl's "delete" on a running entry.)
 * @returns the timer as it was, with its elapsed time up to now
 * @throws conflict when no timer runs, or not the one `timerId` names
 */
export async function discardTimer(actor: Actor, input: DiscardTimerInput = {}, tx?: DbTx): Promise<RunningTimerView> {
  assertCan(actor, "time:write_own", "track time");
  const data = parseInput(DiscardTimerInput, input);
  return inTransaction(tx, async (tx) => {
    const timer = await tx.runningTimer.findFirst({ where: { membershipId: actor.membershipId, workspaceId: actor.workspaceId }, include: runningTimerInclude });
    if (!timer) throw conflict(NO_TIMER_RUNNING);
    if (data.timerId && data.timerId !== timer.id) throw conflict(DISCARD_OTHER_TIMER);
    const { count } = await tx.runningTimer.deleteMany({ where: { id: timer.id } });
    if (count === 0) throw conflict(NO_TIMER_RUNNING);
    return toRunningTimerView(timer, now());
  });
}
