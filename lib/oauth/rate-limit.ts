/**
 * Fixed-window rate limits kept in the database, so the limit holds across app instances.
 * One upsert per request; expired buckets are swept opportunistically.
 */
import { db } from "@/lib/db";
import { tooManyRequests } from "./errors";

export interface RateLimit {
  /** What is limited, e.g. "token" or "register". */
  name: string;
  limit: number;
  windowSeconds: number;
}

export const RATE_LIMITS = {
  authorize: { name: "authorize", limit: 60, windowSeconds: 60 },
  token: { name: "token", limit: 120, windowSeconds: 60 },
  register: { name: "register", limit: 20, windowSeconds: 60 * 60 },
  revoke: { name: "revoke", limit: 60, windowSeconds: 60 },
} as const satisfies Record<string, RateLimit>;

/** Counts one hit for `subject` (an IP, a client id) and refuses with 429 past the limit. */
export async function enforceRateLimit(rule: RateLimit, subject: string): Promise<void> {
  const now = Date.now();
  const windowStart = Math.floor(now / (rule.windowSeconds * 1000)) * rule.windowSeconds * 1000;
  const key = `${rule.name}:${subject}:${windowStart}`;
  const expiresAt = new Date(windowStart + rule.windowSeconds * 1000);
  const bucket = await db.rateLimitBucket.upsert({
    where: { key },
    create: { key, count: 1, expiresAt },
    update: { count: { increment: 1 } },
  });
  if (Math.random() < 0.01) await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  if (bucket.count > rule.limit) throw tooManyRequests(Math.max(1, Math.ceil((expiresAt.getTime() - now) / 1000)));
}
