/**
 * Starting a timer, shared by start_timer and continue_time_entry: the new timer's references
 * are checked exactly as a time entry's are (entry-references.ts), its billable flag defaults
 * the same way, and one running timer per member is kept by the unique key on membershipId, so
 * of two starts at once exactly one wins and the other is refused naming the timer that runs.
 */
import { db, inTransaction, type DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import { formatLocalMoment } from "@/lib/domain/dates";
import { conflict, invalidInput } from "@/lib/domain/errors";
import { MAX_ENTRY_SECONDS } from "@/lib/domain/schemas";
import type { OverlappingEntry } from "@/lib/domain/time-entries/find-overlapping-entries";
import { checkEntryReferences } from "@/lib/domain/time-entries/entry-references";
import type { TimeEntryView } from "@/lib/domain/time-entries/time-entry-view";
import { isUniqueViolation } from "@/lib/domain/unique-violation";
import { MIN_TIMER_SECONDS, recordTimerEntry, TIMER_CHANGED_MEANWHILE } from "./timer-entry";
import { entryOverlaps, runOverlaps } from "./timer-overlaps";
import { describeRunningTimer, elapsedSeconds, runningTimerInclude, toRunningTimerView, type RunningTimerRow, type RunningTimerView } from "./timer-view";

/** How far a client's clock may run ahead of ours before a start "in the future" is refused. */
const CLOCK_SKEW_MS = 60_000;

export interface TimerFields {
  projectId: string;
  taskId: string | null;
  description: string;
  /** Defaults to the task's billable flag, else the project's "billable by default". */
  billable?: boolean;
  tagIds: string[];
  /** Defaults to now; at most 24 hours ago (the longest entry the timer can become). */
  startedAt?: Date;
}

export interface StartedTimer {
  timer: RunningTimerView;
  /** The entry the previously running timer became, when the start stopped it. */
  stoppedEntry: TimeEntryView | null;
  /** True when the start discarded a previous timer that had run under a minute (too short to become an entry). */
  discardedPrevious: boolean;
  /** The actor's entries the new timer's run so far overlaps (a start inside tracked time); earliest first. */
  overlaps: OverlappingEntry[];
  /** The actor's other entries `stoppedEntry` overlaps; [] when none or no entry was made. */
  stoppedEntryOverlaps: OverlappingEntry[];
}

/**
 * Starts the actor's timer. A timer already running is refused (conflict naming it) unless
 * `stopRunning`: then it is stopped into an entry first, in the same transaction, and it stops
 * where the new one starts — now, or the earlier start given — so no minute is counted twice.
 * A run (to that point) under a minute is discarded instead, as it cannot be an entry
 * (`discardedPrevious`); one over 24 hours refuses the switch; a new start at or before the
 * running timer's start is refused, as the running timer would get no time at all.
 */
export async function beginTimer(actor: Actor, fields: TimerFields, stopRunning: boolean, tx?: DbTx): Promise<StartedTimer> {
  const startedAt = fields.startedAt ?? now();
  if (startedAt.getTime() > now().getTime() + CLOCK_SKEW_MS) {
    throw invalidInput("A timer cannot start in the future.", { startedAt: "is in the future" });
  }
  if (now().getTime() - startedAt.getTime() > MAX_ENTRY_SECONDS * 1000) {
    throw invalidInput("A timer can start at most 24 hours ago; track longer work as a time entry.", { startedAt: "is more than 24 hours ago" });
  }
  try {
    return await inTransaction(tx, async (tx) => {
      const { project, task, tagIds } = await checkEntryReferences(tx, actor, { ...fields, membershipId: actor.membershipId });
      const running = await tx.runningTimer.findUnique({ where: { membershipId: actor.membershipId }, include: runningTimerInclude });
      let stoppedEntry: TimeEntryView | null = null;
      let discardedPrevious = false;
      if (running) {
        if (!stopRunning) throw await alreadyRunning(tx, actor);
        // (Only a start the caller gave: "now" is after the running start, or the same instant in a race, which the discard below handles.)
        if (fields.startedAt && startedAt.getTime() <= running.startedAt.getTime()) throw await startsBeforeRunning(tx, actor, running, startedAt);
        // The switch happened when the new work started: the running timer ends there, not now.
        const switchedAt = startedAt.getTime() < now().getTime() ? startedAt : now();
        if (elapsedSeconds(running.startedAt, switchedAt) < MIN_TIMER_SECONDS) {
          const { count } = await tx.runningTimer.deleteMany({ where: { id: running.id, updatedAt: running.updatedAt } });
          if (count === 0) throw conflict(TIMER_CHANGED_MEANWHILE);
          discardedPrevious = true;
        } else {
          stoppedEntry = await recordTimerEntry(tx, actor, running, switchedAt === startedAt ? startedAt : undefined);
        }
      }
      const row = await tx.runningTimer.create({
        data: {
          workspaceId: actor.workspaceId,
          membershipId: actor.membershipId,
          projectId: project.id,
          taskId: task?.id ?? null,
          description: fields.description,
          billable: fields.billable ?? (task ? task.billable : project.billableByDefault),
          startedAt,
          tags: { create: tagIds.map((tagId) => ({ tagId })) },
        },
        include: runningTimerInclude,
      });
      const overlaps = await runOverlaps(tx, actor, row.startedAt, now());
      const stoppedEntryOverlaps = stoppedEntry ? await entryOverlaps(tx, actor, stoppedEntry) : [];
      return { timer: toRunningTimerView(row, now()), stoppedEntry, discardedPrevious, overlaps, stoppedEntryOverlaps };
    });
  } catch (error) {
    // Another start won the unique key between our read and our insert. (PostgreSQL has aborted
    // a caller's transaction by now, so the winner is looked up only when the transaction was ours.)
    if (isUniqueViolation(error)) throw tx ? conflict("Another timer was started at the same moment; only one runs at a time.") : await alreadyRunning(db, actor);
    throw error;
  }
}

/** The refusal of a switch whose new start leaves the running timer no time (it would end before it began). */
async function startsBeforeRunning(tx: DbTx, actor: Actor, running: RunningTimerRow, startedAt: Date) {
  const { timeZone } = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { timeZone: true } });
  return conflict(
    `The new timer would start at ${formatLocalMoment(startedAt, timeZone)}, at or before the start of the running timer on ${running.project.name} (started ${formatLocalMoment(running.startedAt, timeZone)}), so the running timer would end before it began. Start the new timer later, or discard the running timer first.`,
  );
}

/** The refusal naming the timer that runs, so the person knows which one to stop. */
async function alreadyRunning(tx: DbTx, actor: Actor) {
  const [running, workspace] = await Promise.all([
    tx.runningTimer.findUnique({ where: { membershipId: actor.membershipId }, include: runningTimerInclude }),
    tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { timeZone: true } }),
  ]);
  if (!running) return conflict("Another timer was started at the same moment; only one runs at a time.");
  return conflict(`A timer is already running: ${describeRunningTimer(running, workspace.timeZone, now())}. Stop it before starting another.`);
}
