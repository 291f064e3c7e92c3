import { z } from "zod";
import { inTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { conflict, parseInput } from "@/lib/domain/errors";
import { Id, Instant } from "@/lib/domain/schemas";
import type { TimeEntryView } from "@/lib/domain/time-entries/time-entry-view";
import type { OverlappingEntry } from "@/lib/domain/time-entries/find-overlapping-entries";
import { NO_TIMER_RUNNING, recordTimerEntry } from "./timer-entry";
import { entryOverlaps } from "./timer-overlaps";
import { runningTimerInclude } from "./timer-view";

export const StopTimerInput = z.object({
  /** When the work ended; defaults to now. A forgotten timer can be stopped at the time work really ended. */
  stoppedAt: Instant.optional(),
  /**
   * The timer the caller saw (the web sends it): when another timer runs by now — this one was
   * stopped elsewhere and a new one started — the stop is refused instead of ending the new one.
   */
  timerId: Id.optional(),
});
export type StopTimerInput = z.input<typeof StopTimerInput>;

/** The refusal of a stop when the timer the caller named is not the one running (nothing was stopped). */
export const STOP_OTHER_TIMER = "Nothing was stopped: the timer you named is not the one running (it was stopped or discarded elsewhere, or the id is wrong), and another timer runs now; reload to see it.";

/** The entry a stop recorded, and the actor's other entries it overlaps (saved either way). */
export interface StoppedTimer {
  entry: TimeEntryView;
  /** Earliest first; [] when none. */
  overlaps: OverlappingEntry[];
}

/**
 * Stops the actor's running timer: it becomes a time entry from its start to `stoppedAt` (now by
 * default), made exactly as a hand-tracked entry is (see timer-entry.ts), and the timer row goes
 * in the same transaction. Two stops at once record one entry; the other is refused.
 * @returns the new entry, and the entries it overlaps (an overlap is saved, as for an entry tracked by hand, but said)
 * @throws conflict when no timer runs (or not the one `timerId` names), the run is under a minute
 *   or over 24 hours; invalid_input for a stop time in the future or before the start
 */
export async function stopTimer(actor: Actor, input: StopTimerInput = {}, tx?: DbTx): Promise<StoppedTimer> {
  assertCan(actor, "time:write_own", "track time");
  const data = parseInput(StopTimerInput, input);
  return inTransaction(tx, async (tx) => {
    const timer = await tx.runningTimer.findFirst({ where: { membershipId: actor.membershipId, workspaceId: actor.workspaceId }, include: runningTimerInclude });
    if (!timer) throw conflict(NO_TIMER_RUNNING);
    if (data.timerId && data.timerId !== timer.id) throw conflict(STOP_OTHER_TIMER);
    const entry = await recordTimerEntry(tx, actor, timer, data.stoppedAt);
    return { entry, overlaps: await entryOverlaps(tx, actor, entry) };
  });
}
