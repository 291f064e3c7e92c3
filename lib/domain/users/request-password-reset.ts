/**
 * "Forgot password": when the email belongs to an active account, a single-use reset link
 * (valid for an hour; only its hash stored) is put in the outbox addressed to it. The caller
 * always gets the same answer (RESET_REQUESTED), account or not, so the form tells nobody
 * which emails have accounts; an unknown email stores nothing. A new link spends the person's
 * older unused ones (only the newest link in the outbox works), so a link left in an old
 * message cannot be used later, nor spend the newer one.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { now } from "@/lib/domain/clock";
import { parseInput } from "@/lib/domain/errors";
import { hashLinkToken, newLinkToken, TOKEN_PREFIX } from "@/lib/domain/one-time-token";
import { Email } from "@/lib/domain/schemas";
import { PASSWORD_RESET_TTL_MINUTES, passwordResetLink, RESET_REQUESTED } from "./password-reset-rules";

export const RequestPasswordResetInput = z.object({ email: z.string().trim().toLowerCase().pipe(Email) });

export async function requestPasswordReset(input: z.input<typeof RequestPasswordResetInput>): Promise<{ message: string }> {
  const { email } = parseInput(RequestPasswordResetInput, input);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, status: true } });
  if (user?.status === "active") {
    const token = newLinkToken(TOKEN_PREFIX.passwordReset);
    const at = now();
    const link = passwordResetLink(token);
    await db.$transaction(async (tx) => {
      await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: at } });
      await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashLinkToken(token), expiresAt: new Date(at.getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000) } });
      await tx.outboxMessage.create({
        data: {
          kind: "password_reset",
          userId: user.id,
          toAddress: email,
          subject: "Reset your Hourbook password",
          body: [
            `Hello ${user.name},`,
            "",
            `Someone asked to reset the password of your Hourbook account. To choose a new one, open: ${link}`,
            "",
            `The link works once, within ${PASSWORD_RESET_TTL_MINUTES} minutes. If it was not you, ignore this message: your password stays as it is.`,
          ].join("\n"),
        },
      });
    });
  }
  return { message: RESET_REQUESTED };
}
