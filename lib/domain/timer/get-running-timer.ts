import { db, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import { runningTimerInclude, toRunningTimerView, type RunningTimerView } from "./timer-view";

/**
 * The actor's own running timer in this workspace, or null when none runs. Its elapsed time is
 * counted to the clock's now (lib/domain/clock.ts); the browser ticks on from `startedAt`.
 */
export async function getRunningTimer(actor: Actor, tx: DbTx = db): Promise<RunningTimerView | null> {
  assertCan(actor, "time:read_own", "see the timer");
  const row = await tx.runningTimer.findUnique({ where: { membershipId: actor.membershipId }, include: runningTimerInclude });
  return row && row.workspaceId === actor.workspaceId ? toRunningTimerView(row, now()) : null;
}
