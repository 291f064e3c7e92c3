/**
 * How rate limits count, without an endpoint around them: each caller has its own allowance
 * per rule, counts live in the database (so every app instance shares them) and fall back to
 * memory when the database refuses writes, and a refusal says when to retry. The endpoints'
 * use of them is rate-limit.test.ts.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { databaseEngine, db } from "@/lib/db";
import { isOAuthError } from "./errors";
import { countStatements } from "@/lib/testing/count-statements";
import { holdWriteBehindTimers } from "@/lib/write-behind";
import {
  callerKey,
  consumeBatchedRateLimit,
  consumeRateLimit,
  countFailure,
  enforceRateLimit,
  flushRateLimits,
  refuseIfLimited,
  type Caller,
  type RateLimit,
} from "./rate-limit";

/** A rule of its own for each test, so tests never share counts. */
const rule = (limit = 3, windowSeconds = 60): RateLimit => ({ name: `test-${randomUUID().slice(0, 8)}`, limit, windowSeconds });
const someone = (): Caller => ({ kind: "address", address: `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}` });

async function consumeTimes(limit: RateLimit, caller: Caller, times: number) {
  const decisions = [];
  for (let i = 0; i < times; i++) decisions.push(await consumeRateLimit(limit, caller));
  return decisions;
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe("consumeRateLimit", () => {
  it("allows the limit, then refuses with the seconds left in the window", async () => {
    const limit = rule(3, 60);
    const caller = someone();
    expect(await consumeTimes(limit, caller, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    const refused = await consumeRateLimit(limit, caller);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    if (refused.allowed) return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(30);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it.each<[string, Caller, Caller]>([
    ["two addresses", { kind: "address", address: "203.0.113.1" }, { kind: "address", address: "203.0.113.2" }],
    ["two users", { kind: "user", userId: "user-a" }, { kind: "user", userId: "user-b" }],
    ["two grants", { kind: "grant", grantId: "grant-a" }, { kind: "grant", grantId: "grant-b" }],
    ["two clients at one address", { kind: "client", clientId: "client-a", address: "203.0.113.1" }, { kind: "client", clientId: "client-b", address: "203.0.113.1" }],
    ["one client at two addresses", { kind: "client", clientId: "client-a", address: "203.0.113.1" }, { kind: "client", clientId: "client-a", address: "203.0.113.2" }],
    ["a user and a grant with the same id", { kind: "user", userId: "same-id" }, { kind: "grant", grantId: "same-id" }],
    ["an address and a user with the same name", { kind: "address", address: "same-id" }, { kind: "user", userId: "same-id" }],
    ["an address and a client there", { kind: "address", address: "203.0.113.1" }, { kind: "client", clientId: "client-a", address: "203.0.113.1" }],
  ])("gives %s allowances of their own", async (_, flooder, other) => {
    const limit = rule(2);
    await consumeTimes(limit, flooder, 3);
    expect(await consumeRateLimit(limit, flooder)).toMatchObject({ allowed: false });
    expect(await consumeRateLimit(limit, other)).toEqual({ allowed: true });
  });

  it("counts each rule on its own, with its own limit", async () => {
    const strict = rule(1);
    const lenient = rule(3);
    const caller = someone();
    await consumeTimes(strict, caller, 2);
    expect(await consumeTimes(lenient, caller, 4)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }, { allowed: false, retryAfterSeconds: expect.any(Number) }]);
  });

  it("keeps counting when a rule with the same name changes its limit or window", async () => {
    const base = rule(2, 60);
    const caller = someone();
    await consumeTimes(base, caller, 2);
    // Another limit under the same name is another limiter, sharing the stored count.
    expect(await consumeRateLimit({ ...base, limit: 3 }, caller)).toEqual({ allowed: true });
    expect(await consumeRateLimit({ ...base, limit: 3 }, caller)).toMatchObject({ allowed: false });
    const refused = await consumeRateLimit({ ...base, limit: 3, windowSeconds: 3600 }, caller);
    expect(refused).toMatchObject({ allowed: false });
  });

  it("shares counts with every app instance through the database", async () => {
    const limit = rule(2);
    const caller = someone();
    await consumeTimes(limit, caller, 2);
    expect(await db.rateLimiterFlexible.findUnique({ where: { key: `${limit.name}:${callerKey(caller)}` } })).toMatchObject({ points: 2 });

    // Another instance: the module loaded afresh, with no limiter of its own yet.
    vi.resetModules();
    const elsewhere = await import("./rate-limit");
    expect(await elsewhere.consumeRateLimit(limit, caller)).toMatchObject({ allowed: false });
  });

  // SQLite's query_only pragma is the refusing database here; PostgreSQL's storage failures are not simulated.
  it.skipIf(databaseEngine === "postgresql")("keeps counting in memory while the database refuses writes", async () => {
    const limit = rule(2);
    const caller = someone();
    await db.$queryRawUnsafe("PRAGMA query_only = 1");
    try {
      expect(await consumeTimes(limit, caller, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: false, retryAfterSeconds: expect.any(Number) }]);
    } finally {
      await db.$queryRawUnsafe("PRAGMA query_only = 0");
    }
  });

  it("lets a failure other than the limit through instead of calling it a refusal", async () => {
    const failure = new Error("the limiter broke");
    const { RateLimiterPrisma } = await import("rate-limiter-flexible");
    const consume = vi.spyOn(RateLimiterPrisma.prototype, "consume").mockRejectedValueOnce(failure);
    try {
      expect(await refusal(consumeRateLimit(rule(), someone()))).toBe(failure);
    } finally {
      consume.mockRestore();
    }
  });
});

describe("enforceRateLimit", () => {
  it("refuses past the limit with too_many_requests and a Retry-After", async () => {
    const limit = rule(1, 60);
    const caller = someone();
    await enforceRateLimit(limit, caller);
    const error = await refusal(enforceRateLimit(limit, caller));
    expect(isOAuthError(error) && error.code).toBe("too_many_requests");
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: expect.any(Number) });
    expect((error as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(30);
  });
});

describe("refuseIfLimited", () => {
  it("lets a caller under the limit through without counting it", async () => {
    const limit = rule(2);
    const caller = someone();
    await consumeRateLimit(limit, caller);
    for (let i = 0; i < 5; i++) await refuseIfLimited(limit, caller);
    expect(await consumeRateLimit(limit, caller)).toEqual({ allowed: true });
  });

  it("refuses a caller once it has used the whole allowance, saying when to retry", async () => {
    const limit = rule(2, 60);
    const caller = someone();
    await refuseIfLimited(limit, caller);
    await consumeTimes(limit, caller, 2);
    const error = await refusal(refuseIfLimited(limit, caller));
    expect(isOAuthError(error) && error.code).toBe("too_many_requests");
    expect((error as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(30);
    expect((error as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another caller is not affected.
    await refuseIfLimited(limit, someone());
  });

  it("lets the request through when the count cannot be read", async () => {
    const { RateLimiterPrisma } = await import("rate-limiter-flexible");
    const get = vi.spyOn(RateLimiterPrisma.prototype, "get").mockRejectedValueOnce(new Error("unable to open database file"));
    try {
      await expect(refuseIfLimited(rule(), someone())).resolves.toBeUndefined();
    } finally {
      get.mockRestore();
    }
  });
});

describe("countFailure", () => {
  it("does not count requests that succeed", async () => {
    const limit = rule(1);
    const caller = someone();
    for (let i = 0; i < 3; i++) expect(await countFailure(limit, caller, async () => "ok")).toBe("ok");
    expect(await consumeRateLimit(limit, caller)).toEqual({ allowed: true });
  });

  it("counts a failure and rethrows it, then answers 429 once the caller is past the limit", async () => {
    const limit = rule(2);
    const caller = someone();
    const failure = new Error("invalid_client");
    const failing = () => Promise.reject(failure);
    expect(await refusal(countFailure(limit, caller, failing))).toBe(failure);
    expect(await refusal(countFailure(limit, caller, failing))).toBe(failure);
    expect(await refusal(countFailure(limit, caller, failing))).toMatchObject({ code: "too_many_requests" });
  });
});

describe("consumeBatchedRateLimit", () => {
  it("counts into the same stored count in batches: the first request asks the database, the rest wait for the flush", async () => {
    holdWriteBehindTimers(true);
    try {
      const limit = rule(5);
      const caller = someone();
      const storedPoints = () => db.rateLimiterFlexible.findUnique({ where: { key: `${limit.name}:${callerKey(caller)}` } }).then((row) => row?.points);
      expect(await consumeBatchedRateLimit(limit, caller)).toEqual({ allowed: true });
      expect(await storedPoints()).toBe(1);
      const steady = await countStatements(async () => {
        expect(await consumeBatchedRateLimit(limit, caller, 2)).toEqual({ allowed: true });
        expect(await consumeBatchedRateLimit(limit, caller)).toEqual({ allowed: true });
      });
      expect(steady.statements).toEqual([]);
      await flushRateLimits();
      expect(await storedPoints()).toBe(4);
      // The per-request limiter of the same rule reads the same count.
      expect(await consumeRateLimit(limit, caller)).toEqual({ allowed: true });
      expect(await consumeRateLimit(limit, caller)).toMatchObject({ allowed: false });
      // This instance has not heard of those two yet: one more slips through, then its flush tells it.
      expect(await consumeBatchedRateLimit(limit, caller)).toEqual({ allowed: true });
      await flushRateLimits();
      expect(await consumeBatchedRateLimit(limit, caller)).toMatchObject({ allowed: false, retryAfterSeconds: expect.any(Number) });
    } finally {
      holdWriteBehindTimers(false);
    }
  });

  it("keeps each rule and caller apart", async () => {
    const limit = rule(1);
    const caller = someone();
    expect(await consumeBatchedRateLimit(limit, caller)).toEqual({ allowed: true });
    expect(await consumeBatchedRateLimit(limit, caller)).toMatchObject({ allowed: false });
    expect(await consumeBatchedRateLimit(limit, someone())).toEqual({ allowed: true });
    expect(await consumeBatchedRateLimit(rule(1), caller)).toEqual({ allowed: true });
  });
});
