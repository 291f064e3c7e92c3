/** When an unused connection ends by itself. */
import { env } from "@/lib/env";

/**
 * A connection unused this long ends by itself (HOURBOOK_CONNECTION_IDLE_DAYS, default 90).
 * The authorization server gives refresh tokens the same lifetime (lib/oauth/lifetimes.ts).
 */
export const CONNECTION_IDLE_SECONDS = env.HOURBOOK_CONNECTION_IDLE_DAYS * 24 * 60 * 60;

/** When a connection last did anything: its last use, or its approval if never used. */
export function lastActivityOf(grant: { lastUsedAt: Date | null; createdAt: Date }): Date {
  return grant.lastUsedAt ?? grant.createdAt;
}

/** The moment an unused connection ends (HOURBOOK_CONNECTION_IDLE_DAYS after its last activity). */
export function idleEndOf(grant: { lastUsedAt: Date | null; createdAt: Date }): Date {
  return new Date(lastActivityOf(grant).getTime() + CONNECTION_IDLE_SECONDS * 1000);
}

export function isIdle(grant: { lastUsedAt: Date | null; createdAt: Date }, now = new Date()): boolean {
  return idleEndOf(grant) <= now;
}
