"use server";
import { accountRateLimitRefusal, ACCOUNT_RATE_LIMITS, requestAddress } from "@/lib/http/account-rate-limit";
import { signUp } from "@/lib/domain/users/sign-up";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { text } from "@/lib/web/form-data";

/** Creates the account and its workspace; answers the workspace's slug as `id` (the form signs in, then opens it). */
export async function signUpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const limited = await accountRateLimitRefusal([[ACCOUNT_RATE_LIMITS.signUp, { kind: "address", address: await requestAddress() }]]);
  if (limited) return { status: "error", message: limited, fieldErrors: {} };
  return runAction(async () => {
    const done = await signUp({
      name: text(form, "name"),
      email: text(form, "email"),
      // Passwords are taken as typed: a space at either end is part of it.
      password: typeof form.get("password") === "string" ? String(form.get("password")) : "",
      workspaceName: text(form, "workspaceName"),
      currency: text(form, "currency") || undefined,
      timeZone: text(form, "timeZone") || undefined,
    });
    return { message: "Account created.", id: done.workspaceSlug };
  });
}
