/**
 * Turning a running timer into a time entry: what stop_timer does, and what starting another
 * timer with "stop the running one" does first. The entry is made by createTimeEntry itself (the
 * same reference checks, billable default, rate resolution and tags as time tracked by hand),
 * in the caller's transaction, after the timer row is claimed with a conditional delete: of two
 * stops at once, one deletes the row and records the entry, the other deletes nothing and is refused.
 */
import type { DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import { formatLocalMoment } from "@/lib/domain/dates";
import { formatDuration } from "@/lib/domain/durations";
import { conflict, invalidInput } from "@/lib/domain/errors";
import { MAX_ENTRY_SECONDS } from "@/lib/domain/schemas";
import { createTimeEntry } from "@/lib/domain/time-entries/create-time-entry";
import type { TimeEntryView } from "@/lib/domain/time-entries/time-entry-view";
import type { RunningTimerRow } from "./timer-view";

/** A time entry is at least a minute (DurationSeconds); so is a timer that becomes one. */
export const MIN_TIMER_SECONDS = 60;
/** How far a client's clock may run ahead of ours before a stop time "in the future" is refused. */
const CLOCK_SKEW_MS = 60_000;

/** The refusal when the timer someone acts on is gone: stopped, discarded or switched elsewhere. */
export const NO_TIMER_RUNNING = "No timer is running: it may have been stopped or discarded elsewhere (another tab, app or assistant).";
/** The refusal when the timer changed between reading and claiming it. */
export const TIMER_CHANGED_MEANWHILE = "The timer was stopped or changed a moment ago (in another tab or app); reload to see it, then try again.";

/**
 * Checks the run from `timer.startedAt` to `stoppedAt`, deletes the timer row (conditional on it
 * being unchanged since it was read) and records the entry.
 * @throws invalid_input when `stoppedAt` is in the future or not after the start; conflict when the
 *   run is under a minute or over 24 hours, or the timer was stopped or changed meanwhile; and
 *   whatever createTimeEntry refuses (an archived project, a task moved to another project…).
 */
export async function recordTimerEntry(tx: DbTx, actor: Actor, timer: RunningTimerRow, stoppedAt?: Date): Promise<TimeEntryView> {
  // A stop time the caller gave can be wrong; now cannot, so a run of "0 seconds" to now is just too short.
  const given = stoppedAt !== undefined;
  stoppedAt ??= now();
  if (stoppedAt.getTime() > now().getTime() + CLOCK_SKEW_MS) {
    throw invalidInput("The stop time cannot be in the future.", { stoppedAt: "is in the future" });
  }
  const seconds = Math.floor((stoppedAt.getTime() - timer.startedAt.getTime()) / 1000);
  if (seconds <= 0 && given) {
    const { timeZone } = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { timeZone: true } });
    throw invalidInput(`The stop time must be after the timer's start, ${formatLocalMoment(timer.startedAt, timeZone)}.`, { stoppedAt: "must be after the start" });
  }
  if (seconds < MIN_TIMER_SECONDS) {
    throw conflict(`The timer has run for ${Math.max(0, seconds)} seconds; a time entry is at least one minute. Keep it running, or discard it.`);
  }
  if (seconds > MAX_ENTRY_SECONDS) {
    throw conflict(
      `The timer has run for ${formatDuration(seconds)}, longer than the 24 hours a time entry can hold. Stop it at the time you finished (within 24 hours of its start), or discard it.`,
    );
  }
  const { count } = await tx.runningTimer.deleteMany({ where: { id: timer.id, updatedAt: timer.updatedAt } });
  if (count === 0) throw conflict(TIMER_CHANGED_MEANWHILE);
  return createTimeEntry(
    actor,
    {
      projectId: timer.projectId,
      taskId: timer.taskId,
      startedAt: timer.startedAt,
      durationSeconds: seconds,
      description: timer.description,
      billable: timer.billable,
      tagIds: timer.tags.map((t) => t.tag.id),
    },
    tx,
  );
}
