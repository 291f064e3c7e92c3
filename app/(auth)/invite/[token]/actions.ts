"use server";
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/lib/auth/session";
import { acceptInvitation } from "@/lib/domain/invitations/accept-invitation";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { text } from "@/lib/web/form-data";

/** Accepts as a new account; answers the workspace's slug as `id` (the form signs in, then opens it). */
export async function acceptWithNewAccountAction(token: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const password = typeof form.get("password") === "string" ? String(form.get("password")) : "";
    const accepted = await acceptInvitation(token, { newAccount: { name: text(form, "name"), password } });
    return { message: `Welcome to ${accepted.workspaceName}.`, id: accepted.workspaceSlug };
  });
}

/** Accepts as the signed-in person, then opens the workspace. */
export async function joinWorkspaceAction(token: string, _prev: ActionState, _form: FormData): Promise<ActionState> {
  const user = await getSignedInUser();
  if (!user) return { status: "error", message: "Your session ended: sign in again, then open the link.", fieldErrors: {} };
  let slug = "";
  const state = await runAction(async () => {
    slug = (await acceptInvitation(token, { userId: user.id })).workspaceSlug;
    return { message: "Joined." };
  });
  if (state.status !== "success") return state;
  redirect(`/w/${slug}/time`);
}
