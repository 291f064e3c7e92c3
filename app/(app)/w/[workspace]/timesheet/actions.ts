"use server";
import { revalidatePath } from "next/cache";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { formatIsoDate } from "@/lib/domain/dates";
import { formatDuration } from "@/lib/domain/durations";
import { setTimesheetCell } from "@/lib/domain/time-entries/set-timesheet-cell";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { readTimesheetCell } from "@/lib/web/timesheet-cell";

export interface TimesheetCellEdit {
  projectId: string;
  taskId: string | null;
  /** YYYY-MM-DD. */
  date: string;
  /** As typed: "1:30", "1.5", "90m". */
  duration: string;
}

/** Sets one cell of the week's timesheet to the typed duration (set-timesheet-cell.ts). `membershipId`: whose timesheet, null for your own. */
export async function saveTimesheetCellAction(slug: string, membershipId: string | null, edit: TimesheetCellEdit): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const durationSeconds = readTimesheetCell(String(edit.duration ?? ""));
    const { outcome, entry } = await setTimesheetCell(actor, { membershipId: membershipId ?? undefined, projectId: edit.projectId, taskId: edit.taskId, date: edit.date, durationSeconds });
    const what = entry.task ? `${entry.project.name} · ${entry.task.name}` : entry.project.name;
    const verb = outcome === "created" ? "Added" : outcome === "updated" ? "Changed to" : "Still";
    return { message: `${verb} ${formatDuration(entry.durationSeconds)} on ${what}, ${formatIsoDate(edit.date)}.`, id: entry.id };
  });
  if (state.status === "success") {
    revalidatePath(`/w/${slug}/timesheet`);
    revalidatePath(`/w/${slug}/time`);
  }
  return state;
}
