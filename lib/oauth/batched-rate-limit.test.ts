/**
 * The connection rate limit written behind: no database write per request in steady state,
 * yet counted by every instance together. Two instances are two BatchedRateLimit objects, each
 * with its own rate-limiter-flexible store object (its own memory), sharing one database — what
 * two app processes on one database are.
 */
import { randomUUID } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { countStatements } from "@/lib/testing/count-statements";
import { BatchedRateLimit, type CountingStore } from "./batched-rate-limit";

const STALE_MS = 2_000;

afterEach(() => {
  vi.useRealTimers();
});

/** One app instance's view of a limit named `name` (its own store object, the shared table). */
function instance(name: string, limit: number) {
  const store = new RateLimiterPrisma({ keyPrefix: name, points: limit, duration: 60, storeClient: db, tableName: "rateLimiterFlexible", clearExpiredByTimeout: false });
  return new BatchedRateLimit({ store, limit, staleAfterMs: STALE_MS });
}

const stored = (name: string, key: string) => db.rateLimiterFlexible.findUnique({ where: { key: `${name}:${key}` } }).then((row) => row?.points ?? 0);

async function consumeTimes(limit: BatchedRateLimit, key: string, times: number) {
  const allowed: boolean[] = [];
  for (let i = 0; i < times; i++) allowed.push((await limit.consume(key)).allowed);
  return allowed;
}

describe("BatchedRateLimit", () => {
  it("writes nothing per request once it knows the shared count, and adds the requests in one write at its flush", async () => {
    const name = `batch-${randomUUID().slice(0, 8)}`;
    const a = instance(name, 100);
    await a.consume("grant:1"); // the first request of a window asks the database
    expect(await stored(name, "grant:1")).toBe(1);

    const steady = await countStatements(() => consumeTimes(a, "grant:1", 20));
    expect(steady.statements).toEqual([]);
    expect(await stored(name, "grant:1")).toBe(1);

    const flush = await countStatements(() => a.flush());
    expect(flush.writes).toBeLessThanOrEqual(2); // the store's delete-if-expired and its upsert
    expect(await stored(name, "grant:1")).toBe(21);
  });

  it("refuses without counting once this instance's own requests reach the limit, and a refusal costs no write", async () => {
    const name = `batch-${randomUUID().slice(0, 8)}`;
    const a = instance(name, 3);
    expect(await consumeTimes(a, "grant:1", 3)).toEqual([true, true, true]);
    const refusal = await countStatements(async () => expect(await a.consume("grant:1")).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) }));
    expect(refusal.statements).toEqual([]);
    const decision = await a.consume("grant:1");
    expect(!decision.allowed && decision.retryAfterSeconds).toBeGreaterThan(50);
    await a.flush();
    expect(await stored(name, "grant:1")).toBe(3);
  });

  it("counts two instances together: each learns the other's requests at its flush and refuses past the limit", async () => {
    const name = `batch-${randomUUID().slice(0, 8)}`;
    const a = instance(name, 10);
    const b = instance(name, 10);
    expect(await consumeTimes(a, "grant:1", 4)).toEqual(Array(4).fill(true));
    await a.flush();
    // B's first request asks the database, which holds A's four.
    expect(await consumeTimes(b, "grant:1", 7)).toEqual([...Array(6).fill(true), false]);
    await b.flush();
    expect(await stored(name, "grant:1")).toBe(10);

    // A last heard 4: it may accept one more before its flush tells it of B's six — the
    // bounded overshoot — and refuses from then on.
    expect(await a.consume("grant:1")).toEqual({ allowed: true });
    await a.flush();
    expect(await stored(name, "grant:1")).toBe(11);
    expect(await a.consume("grant:1")).toMatchObject({ allowed: false });
    expect(await b.consume("grant:1")).toMatchObject({ allowed: false });
  });

  it("asks the database again once its count is older than staleAfterMs, so another instance's requests bind at once", async () => {
    const name = `batch-${randomUUID().slice(0, 8)}`;
    const a = instance(name, 5);
    const b = instance(name, 5);
    await a.consume("grant:1");
    expect(await consumeTimes(b, "grant:1", 4)).toEqual(Array(4).fill(true));
    await b.flush();
    vi.useFakeTimers({ now: Date.now() + STALE_MS + 1, toFake: ["Date"] });
    // A still holds "1", but that is too old to decide on: this request asks the database (5 + 1).
    expect(await a.consume("grant:1")).toMatchObject({ allowed: false });
  });

  it("starts a new window when the stored one has ended", async () => {
    const name = `batch-${randomUUID().slice(0, 8)}`;
    const a = instance(name, 2);
    expect(await consumeTimes(a, "grant:1", 3)).toEqual([true, true, false]);
    await a.flush();
    vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ["Date"] });
    expect(await consumeTimes(a, "grant:1", 3)).toEqual([true, true, false]);
  });

  it("counts a batch of calls as that many requests", async () => {
    const name = `batch-${randomUUID().slice(0, 8)}`;
    const a = instance(name, 5);
    expect(await a.consume("grant:1", 3)).toEqual({ allowed: true });
    expect(await a.consume("grant:1", 3)).toMatchObject({ allowed: false });
    expect(await a.consume("grant:1", 2)).toEqual({ allowed: true });
    expect(await a.consume("grant:2", 6)).toMatchObject({ allowed: false });
  });

  it("keeps the counts a failed flush could not send, and sends them with the next", async () => {
    const counts = new Map<string, number>();
    const res = (key: string) => Object.assign(new RateLimiterRes(), { consumedPoints: counts.get(key) ?? 0, msBeforeNext: 60_000 });
    let failNext = false;
    const store: CountingStore = {
      consume: async (key, points) => {
        counts.set(key, (counts.get(key) ?? 0) + points);
        return res(key);
      },
      penalty: async (key, points) => {
        if (failNext) {
          failNext = false;
          throw new Error("database is locked");
        }
        counts.set(key, (counts.get(key) ?? 0) + points);
        return res(key);
      },
    };
    const a = new BatchedRateLimit({ store, limit: 100, staleAfterMs: STALE_MS });
    await consumeTimes(a, "grant:1", 5);
    failNext = true;
    await expect(a.flush()).rejects.toThrow("database is locked");
    expect(counts.get("grant:1")).toBe(1);
    await a.consume("grant:1");
    await a.flush();
    expect(counts.get("grant:1")).toBe(6);
  });

  it("lets a store failure that is not a refusal through on a request that asks the store", async () => {
    const failure = new Error("unable to open database file");
    const a = new BatchedRateLimit({ store: { consume: () => Promise.reject(failure), penalty: () => Promise.reject(failure) }, limit: 5, staleAfterMs: STALE_MS });
    await expect(a.consume("grant:1")).rejects.toBe(failure);
  });
});
