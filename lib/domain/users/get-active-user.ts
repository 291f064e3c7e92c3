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
