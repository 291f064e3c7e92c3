/**
 * The password rule for new accounts and resets, stated once so forms can print it: 10 to 200
 * characters, and not the email address. Length is what makes a password hard to guess
 * (NIST SP 800-63B §5.1.1.2); composition rules are not asked for.
 */
import { z } from "zod";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const PASSWORD_POLICY = `At least ${PASSWORD_MIN} characters (a few words work well), and not your email address.`;

export const NewPassword = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

/** The per-field message when the password repeats the email, else null. */
export function passwordRepeatsEmail(password: string, email: string): boolean {
  return password.trim().toLowerCase() === email.trim().toLowerCase();
}
