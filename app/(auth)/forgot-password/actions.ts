"use server";
import { accountRateLimitRefusal, ACCOUNT_RATE_LIMITS, requestAddress } from "@/lib/http/account-rate-limit";
import { requestPasswordReset } from "@/lib/domain/users/request-password-reset";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { text } from "@/lib/web/form-data";

export async function requestPasswordResetAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const email = text(form, "email").toLowerCase();
  const limited = await accountRateLimitRefusal([
    [ACCOUNT_RATE_LIMITS.passwordResetByAddress, { kind: "address", address: await requestAddress() }],
    // Per email too, so nobody fills one person's outbox from many addresses.
    [ACCOUNT_RATE_LIMITS.passwordResetByEmail, { kind: "address", address: `mail:${email}` }],
  ]);
  if (limited) return { status: "error", message: limited, fieldErrors: {} };
  return runAction(() => requestPasswordReset({ email }));
}
