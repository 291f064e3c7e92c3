"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { createRule } from "@/lib/domain/rules/create-rule";
import { updateRule } from "@/lib/domain/rules/update-rule";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { checkbox, text } from "@/lib/web/form-data";
import { readCreateRule, readUpdateRule } from "@/lib/web/rule-form";

function backToList(slug: string, state: ActionState): ActionState {
  if (state.status !== "success" || !state.id) return state;
  revalidatePath(`/w/${slug}`, "layout");
  redirect(`/w/${slug}/rules?saved=${encodeURIComponent(state.id)}`);
}

export async function createRuleAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const rule = await createRule(actor, readCreateRule(form));
    return { message: `Rule “${rule.name}” added.`, id: rule.id };
  });
  return backToList(slug, state);
}

export async function updateRuleAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const rule = await updateRule(actor, readUpdateRule(form));
    return { message: `Rule “${rule.name}” saved.`, id: rule.id };
  });
  return backToList(slug, state);
}

/** Switches a rule on or off from the list. */
export async function setRuleActiveAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const rule = await updateRule(actor, { id: text(form, "id"), active: checkbox(form, "active") });
    return { message: `“${rule.name}” is ${rule.active ? "on" : "off"}.`, id: rule.id };
  });
  if (state.status === "success") revalidatePath(`/w/${slug}/rules`);
  return state;
}
