/**
 * The password rule for new accounts and resets, stated once so forms can print it: at least 10
 * characters, at most 72 bytes, no control characters, and not the email address. Length is
 * what makes a password hard to guess (NIST SP 800-63B §5.1.1.2); composition rules are not
 * asked for. The upper bound is bcrypt's: it reads only a password's first 72 bytes (UTF-8), so
 * a longer one would be the same password as every other sharing those bytes. A letter of plain
 * English is one byte; an accented letter two, most other scripts three, an emoji four.
 */
import { z } from "zod";

export const PASSWORD_MIN = 10;
/** bcrypt's limit, in UTF-8 bytes. */
export const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_POLICY = `At least ${PASSWORD_MIN} characters (a few words work well), at most ${PASSWORD_MAX_BYTES} bytes (about ${PASSWORD_MAX_BYTES} letters, fewer with accents or emoji), and not your email address.`;

export const PASSWORD_TOO_SHORT = `must be at least ${PASSWORD_MIN} characters`;
export const PASSWORD_TOO_LONG = `must be at most ${PASSWORD_MAX_BYTES} bytes — about ${PASSWORD_MAX_BYTES} letters, fewer with accents or emoji`;
export const PASSWORD_CONTROL_CHARACTERS = "must not contain control or invisible characters (a tab, a line break, a zero-width space, a text-direction mark)";
export const PASSWORD_IS_EMAIL = "must not be your email address";

/**
 * Characters a person cannot see or type back reliably: controls (Cc: tab, line break, NUL,
 * escape…), the zero-width space and the word joiner, the byte order mark, and text-direction marks
 * and overrides (which also reorder what is shown). The zero-width joiner and non-joiner (emoji,
 * Persian and Indic scripts) and variation selectors stay allowed.
 */
const INVISIBLE = /[\p{Cc}\u200B\u2060\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** UTF-8 bytes of `text`: what bcrypt reads. */
export function passwordBytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/**
 * A new password as typed (never trimmed). Characters are counted as people count them (an
 * emoji is one), bytes as bcrypt does. Every rule is checked, so a form shows the first broken one.
 */
export const NewPassword = z
  .string()
  .refine((v) => !INVISIBLE.test(v), PASSWORD_CONTROL_CHARACTERS)
  .refine((v) => [...v].length >= PASSWORD_MIN, PASSWORD_TOO_SHORT)
  .refine((v) => passwordBytes(v) <= PASSWORD_MAX_BYTES, PASSWORD_TOO_LONG);

/** True when the password is the email address (ignoring case and spaces at either end). */
export function passwordRepeatsEmail(password: string, email: string): boolean {
  return password.trim().toLowerCase() === email.trim().toLowerCase();
}

/** NewPassword for the account of `email`: also refuses the address itself. */
export const newPasswordFor = (email: string) => NewPassword.refine((v) => !passwordRepeatsEmail(v, email), PASSWORD_IS_EMAIL);
