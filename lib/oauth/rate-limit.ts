/**
 * Rate limits counted per caller and shared by every app instance (the counters live in the
 * database, through rate-limiter-flexible's Prisma store). If the database cannot take a write
 * (a full disk, a read-only mount), counting falls back to this process's memory, so a
 * read-only request never fails because of its rate-limit counter.
 *
 * A caller is whoever is known best: a signed-in user, an authenticated client at an address,
 * a connection (grant), or else the network address alone. Keying per caller means one caller's
 * flood spends only that caller's allowance.
 */
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import { writeBehind } from "@/lib/write-behind";
import { BatchedRateLimit } from "./batched-rate-limit";
import { tooManyRequests } from "./errors";

export interface RateLimit {
  /** What is limited, e.g. "token" or "register"; the first part of every key. */
  name: string;
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

export const RATE_LIMITS = {
  authorize: { name: "authorize", limit: 60, windowSeconds: 60 },
  token: { name: "token", limit: 120, windowSeconds: 60 },
  /** New registrations (and refused ones); a re-registration answered with an existing client is free. */
  register: { name: "register", limit: 20, windowSeconds: 60 * 60 },
  revoke: { name: "revoke", limit: 60, windowSeconds: 60 },
} as const satisfies Record<string, RateLimit>;

/** Who is counted: the most specific identity the endpoint knows at that point. */
export type Caller =
  | { kind: "user"; userId: string }
  | { kind: "client"; clientId: string; address: string }
  | { kind: "grant"; grantId: string }
  | { kind: "address"; address: string };

export function callerKey(caller: Caller): string {
  switch (caller.kind) {
    case "user":
      return `user:${caller.userId}`;
    case "client":
      return `client:${caller.clientId}@${caller.address}`;
    case "grant":
      return `grant:${caller.grantId}`;
    case "address":
      return `address:${caller.address}`;
  }
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const limiters = new Map<string, RateLimiterPrisma>();

function limiterFor(rule: RateLimit): RateLimiterPrisma {
  const id = `${rule.name}/${rule.limit}/${rule.windowSeconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    const options = { keyPrefix: rule.name, points: rule.limit, duration: rule.windowSeconds };
    limiter = new RateLimiterPrisma({
      ...options,
      storeClient: db,
      // Stryker disable next-line StringLiteral: the library's default, "RateLimiterFlexible", reaches the same Prisma model
      tableName: "rateLimiterFlexible",
      insuranceLimiter: new RateLimiterMemory(options),
    });
    limiters.set(id, limiter);
  }
  return limiter;
}

/** Counts one request of `caller` against `rule` (or `points` of them: a batch of calls). */
export async function consumeRateLimit(rule: RateLimit, caller: Caller, points = 1): Promise<RateLimitDecision> {
  try {
    await limiterFor(rule).consume(callerKey(caller), points);
    return { allowed: true };
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
    }
    throw outcome;
  }
}

/**
 * For limits checked on every request of a connection (lib/operations/check-call.ts): counted
 * like consumeRateLimit, shared by every instance through the same stored counts, but written
 * behind (batched-rate-limit.ts): an accepted request is in the shared count within
 * RATE_FLUSH_MS, and an instance decides on a shared count at most RATE_STALE_MS old.
 */
export async function consumeBatchedRateLimit(rule: RateLimit, caller: Caller, points = 1): Promise<RateLimitDecision> {
  return batchedFor(rule).consume(callerKey(caller), points);
}

/** Writes every unflushed count of this process now (tests; the timer does it otherwise). */
export function flushRateLimits(): Promise<void> {
  return rateCounts.flush();
}

/** The longest an accepted request waits before it is in the shared count, in ms. */
export const RATE_FLUSH_MS = 1_000;
/** The oldest shared count an instance decides on, in ms; then a request asks the database itself. */
export const RATE_STALE_MS = 2 * RATE_FLUSH_MS;

// On globalThis: Next may load this module once per route bundle, and every bundle of the
// process must add to the same unflushed counts.
const BATCHED = Symbol.for("hourbook.batchedRateLimits");
const batchedLimits: Map<string, BatchedRateLimit> = ((globalThis as { [BATCHED]?: Map<string, BatchedRateLimit> })[BATCHED] ??= new Map());

const rateCounts = writeBehind("rate-limit counts", RATE_FLUSH_MS, async () => {
  await Promise.all([...batchedLimits.values()].map((limit) => limit.flush()));
});

function batchedFor(rule: RateLimit): BatchedRateLimit {
  const id = `${rule.name}/${rule.limit}/${rule.windowSeconds}`;
  let limit = batchedLimits.get(id);
  if (!limit) {
    limit = new BatchedRateLimit({ store: limiterFor(rule), limit: rule.limit, staleAfterMs: RATE_STALE_MS, onPending: () => rateCounts.schedule() });
    batchedLimits.set(id, limit);
  }
  return limit;
}

/**
 * Counts one request and refuses it past the limit.
 * @throws OAuthError too_many_requests (429) carrying Retry-After seconds
 */
export async function enforceRateLimit(rule: RateLimit, caller: Caller): Promise<void> {
  const decision = await consumeRateLimit(rule, caller);
  if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
}

/**
 * Refuses a caller that is already past the limit, without counting this request: for callers
 * counted only when they fail (see countFailure), so a blocked address costs no further work.
 * @throws OAuthError too_many_requests (429)
 */
export async function refuseIfLimited(rule: RateLimit, caller: Caller): Promise<void> {
  const state = await limiterFor(rule)
    .get(callerKey(caller))
    .catch(() => undefined);
  if (state && state.consumedPoints >= rule.limit) throw tooManyRequests(Math.max(1, Math.ceil(state.msBeforeNext / 1000)));
}

/**
 * Runs `attempt`; when it throws, the failure is counted against `caller` and the error is
 * rethrown — or, once the caller is past the limit, answered with 429 instead. Requests that
 * succeed are not counted here, so junk from one caller never spends anyone else's allowance.
 */
export async function countFailure<T>(rule: RateLimit, caller: Caller, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    await enforceRateLimit(rule, caller);
    throw error;
  }
}
