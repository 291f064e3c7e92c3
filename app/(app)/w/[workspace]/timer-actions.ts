"use server";
import { revalidatePath } from "next/cache";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { now } from "@/lib/domain/clock";
import { formatDuration } from "@/lib/domain/durations";
import type { StartedTimer } from "@/lib/domain/timer/begin-timer";
import { continueTimeEntry } from "@/lib/domain/timer/continue-time-entry";
import { discardTimer } from "@/lib/domain/timer/discard-timer";
import { startTimer } from "@/lib/domain/timer/start-timer";
import { stopTimer } from "@/lib/domain/timer/stop-timer";
import { updateRunningTimer } from "@/lib/domain/timer/update-running-timer";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { localTimeOf } from "@/lib/domain/dates";
import { text } from "@/lib/web/form-data";
import { PREVIOUS_DISCARDED, runOverlapWarning, stoppedEntryOverlapWarning } from "@/lib/web/timer-overlap-warning";
import { readStartTimerForm, readStopTimerForm } from "@/lib/web/timer-form";

// Every action revalidates the whole workspace: the header on every page shows the timer.
const refresh = (slug: string, state: ActionState) => {
  if (state.status === "success") revalidatePath(`/w/${slug}`, "layout");
  return state;
};

/**
 * "Timer started on X." — what happened to the timer it replaced (the web start switches, as
 * Toggl does), and a warning naming tracked time the new run or the stopped entry overlaps.
 */
function started({ timer, stoppedEntry, discardedPrevious, overlaps, stoppedEntryOverlaps }: StartedTimer, timeZone: string, slug: string) {
  const previous = stoppedEntry
    ? ` The previous timer was stopped at ${localTimeOf(timer.startedAt, timeZone)}: ${formatDuration(stoppedEntry.durationSeconds)} on ${stoppedEntry.project.name}.`
    : discardedPrevious
      ? ` ${PREVIOUS_DISCARDED}`
      : "";
  const warnings = [
    runOverlapWarning(overlaps, timeZone, slug),
    stoppedEntry ? stoppedEntryOverlapWarning(stoppedEntry.id, stoppedEntryOverlaps, timeZone, slug) : undefined,
  ].filter((w) => w !== undefined);
  return { message: `Timer started on ${timer.project.name}.${previous}`, id: timer.id, ...(warnings.length ? { warnings } : {}) };
}

export async function startTimerAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor, workspace } = await requireWorkspaceActor(slug);
  return refresh(slug, await runAction(async () => started(await startTimer(actor, readStartTimerForm(form, workspace.timeZone, now())), workspace.timeZone, slug)));
}

export async function continueEntryAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor, workspace } = await requireWorkspaceActor(slug);
  return refresh(slug, await runAction(async () => started(await continueTimeEntry(actor, { id: text(form, "entryId"), stopRunning: true }), workspace.timeZone, slug)));
}

/**
 * Stops the timer the page showed (`timerId`): from a stale tab, the domain says it is already
 * gone. A timer left running over 24 hours is stopped at the date and time given (stopDate, stopTime).
 */
export async function stopTimerAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor, workspace } = await requireWorkspaceActor(slug);
  return refresh(slug, await runAction(async () => {
    const { entry, overlaps } = await stopTimer(actor, readStopTimerForm(form, workspace.timeZone));
    const warning = stoppedEntryOverlapWarning(entry.id, overlaps, workspace.timeZone, slug);
    return { message: `Timer stopped: ${formatDuration(entry.durationSeconds)} on ${entry.project.name} added to your time.`, id: entry.id, ...(warning ? { warnings: [warning] } : {}) };
  }));
}

export async function discardTimerAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  return refresh(slug, await runAction(async () => {
    const timer = await discardTimer(actor, { timerId: text(form, "timerId") || undefined });
    return { message: `Timer discarded; its ${formatDuration(timer.elapsedSeconds)} on ${timer.project.name} were not recorded.`, id: timer.id };
  }));
}

/** Renames what the running timer is for (the bar's Edit); the timer it showed, or a refusal saying it is gone. */
export async function updateTimerDescriptionAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor, workspace } = await requireWorkspaceActor(slug);
  return refresh(slug, await runAction(async () => {
    const { timer, overlaps } = await updateRunningTimer(actor, { timerId: text(form, "timerId") || undefined, description: text(form, "description") });
    const warning = runOverlapWarning(overlaps, workspace.timeZone, slug);
    return { message: "Timer description saved.", id: timer.id, ...(warning ? { warnings: [warning] } : {}) };
  }));
}
