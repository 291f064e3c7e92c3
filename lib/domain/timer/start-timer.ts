import { z } from "zod";
import type { DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { parseInput } from "@/lib/domain/errors";
import { EntryDescription, Id, Instant, OptionalId } from "@/lib/domain/schemas";
import { beginTimer, type StartedTimer } from "./begin-timer";

export const StartTimerInput = z.object({
  projectId: Id,
  taskId: OptionalId,
  description: EntryDescription.default(""),
  /** Defaults to the task's billable flag, or the project's "billable by default" (as for entries). */
  billable: z.boolean().optional(),
  tagIds: z.array(Id).max(20, "at most 20 tags").default([]),
  /** When the work started, if earlier than now (forgot to start the timer); at most 24 hours ago. */
  startedAt: Instant.optional(),
  /**
   * What to do with a timer already running: false (default) refuses the start with a conflict
   * naming it; true stops it into an entry and starts this one, atomically (Toggl's behaviour).
   */
  stopRunning: z.boolean().default(false),
});
export type StartTimerInput = z.input<typeof StartTimerInput>;

/**
 * Starts the actor's timer on a project (and optionally a task), one running timer per member
 * per workspace. References are checked as for a new time entry; see begin-timer.ts.
 * @throws invalid_input for a bad project, task or tag, or a start in the future or over 24 hours
 *   ago; conflict when a timer already runs and `stopRunning` is not set (the message names it)
 */
export async function startTimer(actor: Actor, input: StartTimerInput, tx?: DbTx): Promise<StartedTimer> {
  assertCan(actor, "time:write_own", "track time");
  const { stopRunning, ...fields } = parseInput(StartTimerInput, input);
  return beginTimer(actor, fields, stopRunning, tx);
}
