"use server";
import { revalidatePath } from "next/cache";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { createTag } from "@/lib/domain/tags/create-tag";
import { createTask } from "@/lib/domain/tasks/create-task";
import { updateTask } from "@/lib/domain/tasks/update-task";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { text } from "@/lib/web/form-data";
import { readTaskForm } from "@/lib/web/task-form";

function done(slug: string, state: ActionState): ActionState {
  if (state.status === "success") {
    revalidatePath(`/w/${slug}/tasks`);
    // Task names, billable defaults and tags are offered by the time entry form too.
    revalidatePath(`/w/${slug}/time`);
  }
  return state;
}

export async function createTaskAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const task = await createTask(actor, { projectId: text(form, "projectId"), ...readTaskForm(form) });
    return { message: `Added task ${task.name} to ${task.project.name}.`, id: task.id };
  });
  return done(slug, state);
}

export async function updateTaskAction(slug: string, id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const task = await updateTask(actor, { id, ...readTaskForm(form) });
    return { message: `Saved ${task.name}.`, id: task.id };
  });
  return done(slug, state);
}

export async function createTagAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const tag = await createTag(actor, { name: text(form, "name") });
    return { message: `Created tag “${tag.name}”.`, id: tag.id };
  });
  return done(slug, state);
}
