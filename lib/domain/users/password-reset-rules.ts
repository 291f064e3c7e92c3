/** How long a password reset link works, where it points, and why one no longer does. */
import { env } from "@/lib/env";

export const PASSWORD_RESET_TTL_MINUTES = 60;

export function passwordResetLink(token: string): string {
  return `${env.APP_URL}/reset-password/${token}`;
}

/** The one answer to a reset request, whether or not the email has an account (no account discovery). */
export const RESET_REQUESTED =
  "If an account exists for that email, a password reset link has been sent to it. The link works once, within an hour.";

export const RESET_REFUSALS = {
  unknown: "This password reset link is not valid. Check that you copied all of it, or ask for a new one.",
  expired: "This password reset link has expired. Ask for a new one.",
  used: "This password reset link has already been used, or a newer one was sent since. Use the newest link, or ask for a new one.",
} as const;

export type PasswordResetState = "valid" | "expired" | "used";

export function passwordResetState(row: { usedAt: Date | null; expiresAt: Date }, at: Date): PasswordResetState {
  if (row.usedAt) return "used";
  return row.expiresAt.getTime() <= at.getTime() ? "expired" : "valid";
}
