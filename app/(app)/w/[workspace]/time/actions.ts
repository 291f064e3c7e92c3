"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { formatIsoDate, localDateOf } from "@/lib/domain/dates";
import { formatDuration } from "@/lib/domain/durations";
import { createTimeEntry } from "@/lib/domain/time-entries/create-time-entry";
import { deleteTimeEntry } from "@/lib/domain/time-entries/delete-time-entry";
import { updateTimeEntry } from "@/lib/domain/time-entries/update-time-entry";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { text } from "@/lib/web/form-data";
import { readTimeEntryForm } from "@/lib/web/time-entry-form";
import { timePageHref } from "@/lib/web/time-links";

export async function createTimeEntryAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const entry = await createTimeEntry(actor, { ...readTimeEntryForm(form, workspace.timeZone), membershipId: text(form, "membershipId") || null });
    const day = formatIsoDate(localDateOf(entry.startedAt, workspace.timeZone), "EEE d MMM");
    return { message: `Added ${formatDuration(entry.durationSeconds)} on ${entry.project.name} for ${day}.`, id: entry.id };
  });
  if (state.status === "success") revalidatePath(`/w/${slug}/time`);
  return state;
}

export async function updateTimeEntryAction(slug: string, id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor, workspace } = await requireWorkspaceActor(slug);
  let week = "";
  const state = await runAction(async () => {
    const entry = await updateTimeEntry(actor, { id, ...readTimeEntryForm(form, workspace.timeZone) });
    week = localDateOf(entry.startedAt, workspace.timeZone);
    return { message: "Time entry updated.", id: entry.id };
  });
  if (state.status !== "success") return state;
  revalidatePath(`/w/${slug}/time`);
  redirect(timePageHref(slug, { week, member: text(form, "returnMember"), notice: "updated" }));
}

export async function deleteTimeEntryAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const deleted = await deleteTimeEntry(actor, { id: text(form, "id") });
    return { message: "Time entry deleted.", id: deleted.id };
  });
  if (state.status !== "success") return state;
  revalidatePath(`/w/${slug}/time`);
  redirect(timePageHref(slug, { week: text(form, "returnWeek"), member: text(form, "returnMember"), notice: "deleted" }));
}
