import { db } from "@/lib/db";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

/** The user behind a session, or null when the account is gone or disabled since sign-in. */
export async function getActiveUser(userId: string): Promise<SignedInUser | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, status: true } });
  if (!user || user.status !== "active") return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** Why a web session no longer counts: the account is gone or disabled, or the session predates `User.sessionsValidFrom`. */
export type SessionRefusal = "inactive" | "ended";

/**
 * The user behind a web session signed in at `signedInAt` (ms since the epoch; null for a
 * session that carries no sign-in time, i.e. one issued before sign-in times were recorded).
 * A session signed in before the account's `sessionsValidFrom` (set by a password reset and
 * by disabling the account) is refused as "ended", so a reset signs out every earlier sign-in
 * and re-enabling an account does not bring its old sessions back.
 */
export async function getSessionUser(userId: string, signedInAt: number | null): Promise<{ user: SignedInUser } | { refused: SessionRefusal }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, status: true, sessionsValidFrom: true } });
  if (!user || user.status !== "active") return { refused: "inactive" };
  if (user.sessionsValidFrom && (signedInAt === null || signedInAt < user.sessionsValidFrom.getTime())) return { refused: "ended" };
  return { user: { id: user.id, email: user.email, name: user.name } };
}
