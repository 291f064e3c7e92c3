/**
 * Sets a new password through a reset link. Single use and atomic: the token is claimed with a
 * conditional update (unused, unexpired) before the password changes, and every other
 * outstanding reset link of the same person is spent with it, so an older link left in the
 * outbox cannot undo the new password. Every web session signed in before the reset ends
 * (`User.sessionsValidFrom`, checked in lib/auth/session.ts): the person signs in afresh.
 * With `disconnectApps`, every API and MCP connection (OAuth grant) of the person ends too, in
 * every workspace and in the same transaction, exactly as a revoke from Account → Integrations
 * would end it: someone resetting after a suspected compromise cuts off apps as well.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { endUserGrants } from "@/lib/domain/connections/end-user-grants";
import { now } from "@/lib/domain/clock";
import { conflict, DomainError, forbidden, parseInput } from "@/lib/domain/errors";
import { hashLinkToken, isPlausibleToken, TOKEN_PREFIX } from "@/lib/domain/one-time-token";
import { hashPassword } from "./password";
import { NewPassword, newPasswordFor } from "./password-policy";
import { passwordResetState, RESET_REFUSALS } from "./password-reset-rules";

export const ResetPasswordInput = z.object({
  password: NewPassword,
  /** Bounded by being equal to the password. */
  confirm: z.string(),
  /** Also end every OAuth grant (API and MCP connection) of the person, in every workspace. */
  disconnectApps: z.boolean().default(false),
});

/** ResetPasswordInput for the account of `email`: the password may not be that address. */
const resetPasswordInputFor = (email: string) =>
  ResetPasswordInput.extend({ password: newPasswordFor(email) }).refine((v) => v.password === v.confirm, { message: "does not match the new password", path: ["confirm"] });

/**
 * @param token the reset link's token (`hbpr_…`)
 * @returns the account's email, and how many connections ended (0 without `disconnectApps`)
 * @throws not_found for an unknown token; conflict for a used or expired one; forbidden for a
 *   disabled account; invalid_input for a password the policy refuses. Each changes nothing.
 */
export async function resetPassword(token: string, input: z.input<typeof ResetPasswordInput>): Promise<{ email: string; connectionsEnded: number }> {
  // Stryker disable next-line ConditionalExpression: a malformed token hashes to no row, and the lookup below answers the same not_found; this only spares the query
  if (!isPlausibleToken(token, TOKEN_PREFIX.passwordReset)) throw new DomainError("not_found", RESET_REFUSALS.unknown);
  const tokenHash = hashLinkToken(token);
  // The account's email is read first, so a password that repeats it is refused with the other
  // field's mistakes on the same submit; the link's state is checked in the transaction below.
  // Stryker disable next-line ObjectLiteral: `user: {}` reads the whole user row, email among it: only the columns fetched differ
  const link = await db.passwordResetToken.findUnique({ where: { tokenHash }, select: { user: { select: { email: true } } } });
  if (!link) throw new DomainError("not_found", RESET_REFUSALS.unknown);
  const { password, disconnectApps } = parseInput(resetPasswordInputFor(link.user.email), input);
  const passwordHash = await hashPassword(password);

  return db.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.findUnique({
      where: { tokenHash },
      include: {
        // Stryker disable next-line ObjectLiteral: `user: {}` reads the whole user row, email and status among it: only the columns fetched differ
        user: {
          select: { email: true, status: true },
        },
      },
    });
    // Stryker disable next-line ConditionalExpression,StringLiteral: the link was just read above and links are never deleted; this narrows the type for a row that cannot vanish
    if (!row) throw new DomainError("not_found", RESET_REFUSALS.unknown);
    const at = now();
    const state = passwordResetState(row, at);
    if (state !== "valid") throw conflict(RESET_REFUSALS[state]);
    if (row.user.status !== "active") throw forbidden("This account is disabled.");

    // The claim: whoever marks the link used first has it. Only on PostgreSQL can two uses both get
    // past the state check (SQLite runs one transaction at a time); the loser then finds count 0.
    const claimed = await tx.passwordResetToken.updateMany({
      where: {
        id: row.id,
        usedAt: null,
        // Stryker disable next-line ObjectLiteral: an expiry never changes, and the state check above refused an expired link at this same `at`
        expiresAt: { gt: at },
      },
      data: { usedAt: at },
    });
    if (claimed.count === 0) throw conflict(RESET_REFUSALS.used);
    // Any other link still unused (two requests at the same moment can leave two) is spent with it.
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: at } });
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, sessionsValidFrom: at } });
    const connectionsEnded = disconnectApps ? await endUserGrants(tx, row.userId, "password_reset", { userId: row.userId }) : 0;
    await recordAuditEvent({ type: "user.password_reset", userId: row.userId, ...(disconnectApps ? { detail: { by: "self", grantsRevoked: connectionsEnded } } : {}) }, tx);
    return { email: row.user.email, connectionsEnded };
  });
}
