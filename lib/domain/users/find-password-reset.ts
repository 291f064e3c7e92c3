/** What the reset page shows for a link: whether it still works, and for which email. */
import { db } from "@/lib/db";
import { now } from "@/lib/domain/clock";
import { hashLinkToken, isPlausibleToken, TOKEN_PREFIX } from "@/lib/domain/one-time-token";
import { passwordResetState, type PasswordResetState } from "./password-reset-rules";

/** The reset behind `token`, or null when there is none. */
export async function findPasswordReset(token: string): Promise<{ state: PasswordResetState; email: string } | null> {
  if (!isPlausibleToken(token, TOKEN_PREFIX.passwordReset)) return null;
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashLinkToken(token) }, include: { user: { select: { email: true } } } });
  if (!row) return null;
  return { state: passwordResetState(row, now()), email: row.user.email };
}
