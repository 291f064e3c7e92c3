"use server";
import { revalidatePath } from "next/cache";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { createClient } from "@/lib/domain/clients/create-client";
import { updateClient } from "@/lib/domain/clients/update-client";
import { createProject } from "@/lib/domain/projects/create-project";
import { updateProject } from "@/lib/domain/projects/update-project";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { checkbox, optionalMoney, text } from "@/lib/web/form-data";

function done(slug: string, state: ActionState): ActionState {
  if (state.status === "success") {
    revalidatePath(`/w/${slug}/clients`);
    // Project names and archiving show up in the time and task forms too.
    revalidatePath(`/w/${slug}/time`);
    revalidatePath(`/w/${slug}/tasks`);
  }
  return state;
}

export async function createClientAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const client = await createClient(actor, {
      name: text(form, "name"),
      email: text(form, "email"),
      address: text(form, "address"),
      taxId: text(form, "taxId"),
      invoiceEmail: text(form, "invoiceEmail"),
    });
    return { message: `Added client ${client.name}.`, id: client.id };
  });
  return done(slug, state);
}

export async function updateClientAction(slug: string, id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const client = await updateClient(actor, {
      id,
      name: text(form, "name"),
      email: text(form, "email"),
      address: text(form, "address"),
      taxId: text(form, "taxId"),
      invoiceEmail: text(form, "invoiceEmail"),
      archived: checkbox(form, "archived"),
    });
    return { message: `Saved ${client.name}.`, id: client.id };
  });
  return done(slug, state);
}

export async function createProjectAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const project = await createProject(actor, {
      clientId: text(form, "clientId"),
      name: text(form, "name"),
      hourlyRate: optionalMoney(form, "hourlyRate", "Hourly rate"),
      billableByDefault: checkbox(form, "billableByDefault"),
    });
    return { message: `Added project ${project.name} for ${project.client.name}.`, id: project.id };
  });
  return done(slug, state);
}

export async function updateProjectAction(slug: string, id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const project = await updateProject(actor, {
      id,
      name: text(form, "name"),
      hourlyRate: optionalMoney(form, "hourlyRate", "Hourly rate"),
      billableByDefault: checkbox(form, "billableByDefault"),
      archived: checkbox(form, "archived"),
    });
    return { message: `Saved ${project.name}.`, id: project.id };
  });
  return done(slug, state);
}
