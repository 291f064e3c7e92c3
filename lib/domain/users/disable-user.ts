/**
 * Disables an account, by the person themselves (Account page) or by an operator
 * (`npm run operator -- disable-user <email>`). Web sessions end on their next request
 * (lib/auth/session.ts re-checks the account) and stay ended after re-enabling
 * (`User.sessionsValidFrom`), every access token is refused on its next
 * use (lib/oauth/verify-access-token.ts), and every live grant is ended now — so re-enabling
 * the account later brings none of the old connections back.
 */
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { endUserGrants } from "@/lib/domain/connections/end-user-grants";
import { now } from "@/lib/domain/clock";
import { conflict, DomainError } from "@/lib/domain/errors";

export type UserRef = { id: string } | { email: string };
export type AccountChangeBy = "self" | "operator";

export async function disableUser(user: UserRef, by: AccountChangeBy): Promise<{ userId: string; email: string; grantsRevoked: number }> {
  return db.$transaction(async (tx) => {
    const row = await tx.user.findUnique({ where: "id" in user ? { id: user.id } : { email: user.email.trim().toLowerCase() } });
    if (!row) throw new DomainError("not_found", "There is no account with that email address.");
    const { count } = await tx.user.updateMany({ where: { id: row.id, status: "active" }, data: { status: "disabled", sessionsValidFrom: now() } });
    if (count === 0) throw conflict(`${row.email} is already disabled.`);
    const actingUserId = by === "self" ? row.id : null;
    const grantsRevoked = await endUserGrants(tx, row.id, "user_disabled", { userId: actingUserId });
    await recordAuditEvent({ type: "user.disabled", userId: row.id, detail: { by, grantsRevoked } }, tx);
    return { userId: row.id, email: row.email, grantsRevoked };
  });
}
