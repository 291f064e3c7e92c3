import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "./password";

export type CredentialsCheck =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" | "disabled" };

// Compared against when the email is unknown, so a miss costs as much as a wrong password
// and response time does not tell which emails have accounts.
let decoyHash: Promise<string> | undefined;

/** Checks an email and password for signing in to the web app. */
export async function verifyCredentials(email: string, password: string): Promise<CredentialsCheck> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) {
    decoyHash ??= hashPassword("not-a-real-password");
    await verifyPassword(password, await decoyHash);
    return { ok: false, reason: "invalid" };
  }
  if (!(await verifyPassword(password, user.passwordHash))) return { ok: false, reason: "invalid" };
  if (user.status !== "active") return { ok: false, reason: "disabled" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
