/**
 * Sets a new password through a reset link. Single use and atomic: the token is claimed with a
 * conditional update (unused, unexpired) before the password changes, and every other
 * outstanding reset link of the same person is spent with it, so an older link left in the
 * outbox cannot undo the new password. Every web session signed in before the reset ends
 * (`User.sessionsValidFrom`, checked in lib/auth/session.ts): the person signs in afresh.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { now } from "@/lib/domain/clock";
import { conflict, DomainError, forbidden, invalidInput, parseInput } from "@/lib/domain/errors";
import { hashLinkToken, isPlausibleToken, TOKEN_PREFIX } from "@/lib/domain/one-time-token";
import { hashPassword } from "./password";
import { NewPassword, passwordRepeatsEmail } from "./password-policy";
import { passwordResetState, RESET_REFUSALS } from "./password-reset-rules";

export const ResetPasswordInput = z
  .object({ password: NewPassword, confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, { message: "does not match the new password", path: ["confirm"] });

export async function resetPassword(token: string, input: z.input<typeof ResetPasswordInput>): Promise<{ email: string }> {
  if (!isPlausibleToken(token, TOKEN_PREFIX.passwordReset)) throw new DomainError("not_found", RESET_REFUSALS.unknown);
  const { password } = parseInput(ResetPasswordInput, input);
  const tokenHash = hashLinkToken(token);
  const passwordHash = await hashPassword(password);

  return db.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.findUnique({ where: { tokenHash }, include: { user: { select: { id: true, email: true, status: true } } } });
    if (!row) throw new DomainError("not_found", RESET_REFUSALS.unknown);
    const at = now();
    const state = passwordResetState(row, at);
    if (state !== "valid") throw conflict(RESET_REFUSALS[state]);
    if (row.user.status !== "active") throw forbidden("This account is disabled.");
    if (passwordRepeatsEmail(password, row.user.email)) throw invalidInput("password: must not be your email address", { password: "must not be your email address" });

    const claimed = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: at } }, data: { usedAt: at } });
    if (claimed.count === 0) throw conflict(RESET_REFUSALS.used);
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: at } });
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, sessionsValidFrom: at } });
    await recordAuditEvent({ type: "user.password_reset", userId: row.userId }, tx);
    return { email: row.user.email };
  });
}
