"use server";
import { requireUser } from "@/lib/auth/session";
import { disableUser } from "@/lib/domain/users/disable-user";
import { runAction, type ActionState } from "@/lib/web/action-state";

/** The signed-in person disables their own account; the form then signs the browser out. */
export async function disableOwnAccountAction(_prev: ActionState): Promise<ActionState> {
  const user = await requireUser("/account");
  return runAction(async () => {
    const { grantsRevoked } = await disableUser({ id: user.id }, "self");
    return { message: `Your account is disabled${grantsRevoked ? ` and ${grantsRevoked} connection${grantsRevoked === 1 ? " was" : "s were"} revoked` : ""}.` };
  });
}
