"use server";
import { resetPassword } from "@/lib/domain/users/reset-password";
import { runAction, type ActionState } from "@/lib/web/action-state";

export async function resetPasswordAction(token: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  // Passwords are taken as typed.
  const raw = (name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");
  return runAction(async () => {
    const { connectionsEnded } = await resetPassword(token, { password: raw("password"), confirm: raw("confirm"), disconnectApps: form.has("disconnectApps") });
    const ended = connectionsEnded ? `, and every app and assistant was disconnected (${connectionsEnded} connection${connectionsEnded === 1 ? "" : "s"})` : "";
    return { message: `Your password was changed${ended}. Sign in with the new one.` };
  });
}
