"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { formatIsoDate, localDateOf } from "@/lib/domain/dates";
import { formatDuration } from "@/lib/domain/durations";
import { createTimeEntry } from "@/lib/domain/time-entries/create-time-entry";
import { deleteTimeEntry } from "@/lib/domain/time-entries/delete-time-entry";
import { findOverlappingEntries } from "@/lib/domain/time-entries/find-overlapping-entries";
import { getTimeEntry } from "@/lib/domain/time-entries/get-time-entry";
import { updateTimeEntry } from "@/lib/domain/time-entries/update-time-entry";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { text } from "@/lib/web/form-data";
import { CONFIRM_OVERLAP, overlapConfirmation } from "@/lib/web/overlap-warning";
import { readTimeEntryForm } from "@/lib/web/time-entry-form";
import { timePageHref } from "@/lib/web/time-links";

/**
 * Adds an entry. One that overlaps the member's other time is not saved until the person
 * confirms ("Save anyway" submits CONFIRM_OVERLAP): the answer is then a `confirm` state naming
 * the overlapped entries, and the form keeps what was typed.
 */
export async function createTimeEntryAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const held: { confirm?: ActionState } = {};
  const state = await runAction(async () => {
    const fields = readTimeEntryForm(form, workspace.timeZone);
    const membershipId = text(form, "membershipId") || null;
    if (!form.has(CONFIRM_OVERLAP)) {
      const overlaps = await findOverlappingEntries(actor, { membershipId: membershipId ?? undefined, startedAt: fields.startedAt, durationSeconds: fields.durationSeconds });
      if (overlaps.length) {
        held.confirm = overlapConfirmation(overlaps, workspace.timeZone, !membershipId || membershipId === actor.membershipId ? "you" : "they");
        return { message: "" };
      }
    }
    const entry = await createTimeEntry(actor, { ...fields, membershipId });
    const day = formatIsoDate(localDateOf(entry.startedAt, workspace.timeZone), "EEE d MMM");
    return { message: `Added ${formatDuration(entry.durationSeconds)} on ${entry.project.name} for ${day}.`, id: entry.id };
  });
  if (held.confirm) return held.confirm;
  if (state.status === "success") revalidatePath(`/w/${slug}/time`);
  return state;
}

/** Saves an edit; like adding, an edit that makes the entry overlap other time asks first. */
export async function updateTimeEntryAction(slug: string, id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor, workspace } = await requireWorkspaceActor(slug);
  let week = "";
  const held: { confirm?: ActionState } = {};
  const state = await runAction(async () => {
    const fields = readTimeEntryForm(form, workspace.timeZone);
    if (!form.has(CONFIRM_OVERLAP)) {
      // The entry's own member: an owner editing someone's entry is warned about that person's time.
      const membershipId = (await getTimeEntry(actor, id)).member.id;
      const overlaps = await findOverlappingEntries(actor, { membershipId, startedAt: fields.startedAt, durationSeconds: fields.durationSeconds, excludeEntryId: id });
      if (overlaps.length) {
        held.confirm = overlapConfirmation(overlaps, workspace.timeZone, membershipId === actor.membershipId ? "you" : "they");
        return { message: "" };
      }
    }
    const entry = await updateTimeEntry(actor, { id, ...fields });
    week = localDateOf(entry.startedAt, workspace.timeZone);
    return { message: "Time entry updated.", id: entry.id };
  });
  if (held.confirm) return held.confirm;
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
