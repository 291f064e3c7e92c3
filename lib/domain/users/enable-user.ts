/**
 * Re-enables a disabled account (operator only: `npm run operator -- enable-user <email>`).
 * The person can sign in again; the connections ended when the account was disabled stay
 * ended, so every app has to be approved afresh.
 */
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { conflict, DomainError } from "@/lib/domain/errors";
import type { UserRef } from "./disable-user";

export async function enableUser(user: UserRef): Promise<{ userId: string; email: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.user.findUnique({ where: "id" in user ? { id: user.id } : { email: user.email.trim().toLowerCase() } });
    if (!row) throw new DomainError("not_found", "There is no account with that email address.");
    const { count } = await tx.user.updateMany({ where: { id: row.id, status: "disabled" }, data: { status: "active" } });
    if (count === 0) throw conflict(`${row.email} is not disabled.`);
    await recordAuditEvent({ type: "user.enabled", userId: row.id, detail: { by: "operator" } }, tx);
    return { userId: row.id, email: row.email };
  });
}
