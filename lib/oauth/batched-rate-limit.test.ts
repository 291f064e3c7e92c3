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
    // The clock stands still: on a busy machine twenty requests can take longer than staleAfterMs.
    vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
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

const T0 = Date.UTC(2026, 10, 30, 12, 0, 0);
const WINDOW_MS = 60_000;
/** Long enough that no count goes stale within a window: the window's end is what decides. */
const NEVER_STALE_MS = 10 * WINDOW_MS;

/** Moves the (fake) clock to `ms` after T0. */
const at = (ms: number) => vi.setSystemTime(T0 + ms);

/**
 * A store in memory with rate-limiter-flexible's semantics (a fixed window from the first point,
 * refused points counted too), recording each call. `windows` is what other instances see.
 */
function memoryStore(limit: number) {
  const windows = new Map<string, { points: number; endsAt: number }>();
  const calls: string[] = [];
  const add = (key: string, points: number) => {
    let window = windows.get(key);
    if (!window || Date.now() >= window.endsAt) windows.set(key, (window = { points: 0, endsAt: Date.now() + WINDOW_MS }));
    window.points += points;
    return Object.assign(new RateLimiterRes(), { consumedPoints: window.points, msBeforeNext: window.endsAt - Date.now() });
  };
  const store: CountingStore = {
    consume: async (key, points) => {
      calls.push(`consume ${key} ${points}`);
      const res = add(key, points);
      if (res.consumedPoints > limit) throw res;
      return res;
    },
    penalty: async (key, points) => {
      calls.push(`penalty ${key} ${points}`);
      return add(key, points);
    },
  };
  return { store, calls, windows };
}

function withStore(limit: number, staleAfterMs: number, onPending?: () => void) {
  const memory = memoryStore(limit);
  return { ...memory, limit: new BatchedRateLimit({ store: memory.store, limit, staleAfterMs, onPending }) };
}

describe("BatchedRateLimit at the edges of a window and of a count's freshness", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function frozenClock() {
    vi.useFakeTimers({ toFake: ["Date"], now: T0 });
  }

  it("says exactly how many seconds are left in the window, rounded up, when it refuses on its own count", async () => {
    frozenClock();
    const { limit, calls } = withStore(2, NEVER_STALE_MS);
    await consumeTimes(limit, "k", 2);
    at(10_500);
    expect(await limit.consume("k")).toEqual({ allowed: false, retryAfterSeconds: 50 });
    at(59_001);
    expect(await limit.consume("k")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(calls).toEqual(["consume k 1"]);
  });

  it("says exactly how many seconds are left in the window when the store refuses", async () => {
    frozenClock();
    const { limit, windows } = withStore(2, NEVER_STALE_MS);
    windows.set("k", { points: 2, endsAt: T0 + 42_300 });
    expect(await limit.consume("k")).toEqual({ allowed: false, retryAfterSeconds: 43 });
  });

  it("decides on its own count until the very end of the window, and at its end asks the store for a new one", async () => {
    frozenClock();
    const { limit, calls } = withStore(1, NEVER_STALE_MS);
    await limit.consume("k");
    at(WINDOW_MS - 1);
    expect(await limit.consume("k")).toMatchObject({ allowed: false });
    expect(calls).toEqual(["consume k 1"]);
    at(WINDOW_MS);
    expect(await limit.consume("k")).toEqual({ allowed: true });
    expect(calls).toEqual(["consume k 1", "consume k 1"]);
  });

  it("drops the requests of an ended window rather than counting them in the next", async () => {
    frozenClock();
    const { limit, calls, windows } = withStore(5, NEVER_STALE_MS);
    await consumeTimes(limit, "k", 3); // one asks the store, two wait for the flush
    at(WINDOW_MS);
    expect(await limit.consume("k")).toEqual({ allowed: true });
    await limit.flush();
    expect(calls).toEqual(["consume k 1", "consume k 1"]);
    expect(windows.get("k")?.points).toBe(1);
  });

  it("sends nothing at a flush once the window of the waiting requests has ended", async () => {
    frozenClock();
    const { limit, calls, windows } = withStore(5, NEVER_STALE_MS);
    await consumeTimes(limit, "k", 3);
    at(WINDOW_MS);
    await limit.flush();
    expect(calls).toEqual(["consume k 1"]);
    // The next request starts the new window from its own count alone.
    expect(await limit.consume("k")).toEqual({ allowed: true });
    expect(windows.get("k")?.points).toBe(1);
  });

  it("sends nothing at a flush for a key without requests since the last exchange", async () => {
    frozenClock();
    const { limit, calls } = withStore(5, NEVER_STALE_MS);
    await consumeTimes(limit, "k", 2);
    await limit.flush();
    await limit.flush();
    expect(calls).toEqual(["consume k 1", "penalty k 1"]);
  });

  it("still decides on a count exactly staleAfterMs old, and asks the store once it is older", async () => {
    frozenClock();
    const { limit, calls } = withStore(5, STALE_MS);
    await limit.consume("k");
    at(STALE_MS);
    await limit.consume("k");
    expect(calls).toEqual(["consume k 1"]);
    at(STALE_MS + 1);
    await limit.consume("k");
    expect(calls).toEqual(["consume k 1", "consume k 2"]);
  });

  it("takes its unflushed requests along when it asks the store, and does not send them again", async () => {
    frozenClock();
    const { limit, calls, windows } = withStore(10, STALE_MS);
    await consumeTimes(limit, "k", 3);
    at(STALE_MS + 1);
    await limit.consume("k");
    await limit.flush();
    expect(calls).toEqual(["consume k 1", "consume k 3"]);
    expect(windows.get("k")?.points).toBe(4);
  });

  it("keeps the requests it took along to a store call that failed, and sends them at the next flush", async () => {
    frozenClock();
    const { limit, calls, store } = withStore(10, STALE_MS);
    await consumeTimes(limit, "k", 3);
    const failure = new Error("database is locked");
    vi.spyOn(store, "consume").mockRejectedValueOnce(failure);
    at(STALE_MS + 1);
    await expect(limit.consume("k")).rejects.toBe(failure);
    await limit.flush();
    expect(calls).toEqual(["consume k 1", "penalty k 2"]);
  });

  it("counts a flush's answer as an exchange: the count stays fresh for staleAfterMs after it", async () => {
    frozenClock();
    const { limit, calls } = withStore(10, STALE_MS);
    await limit.consume("k");
    at(1_000);
    await limit.consume("k");
    at(1_500);
    await limit.flush();
    at(STALE_MS + 1_000);
    await limit.consume("k");
    expect(calls).toEqual(["consume k 1", "penalty k 1"]);
  });

  it("keeps the larger count and the later exchange when an older answer arrives after a newer one", async () => {
    frozenClock();
    const { limit, calls, store, windows } = withStore(10, STALE_MS);
    await limit.consume("k");
    at(100);
    await consumeTimes(limit, "k", 2);
    // The flush's answer (3) is held back until after a newer exchange.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const penalty = store.penalty;
    vi.spyOn(store, "penalty").mockImplementationOnce((key, points) => {
      const answer = penalty(key, points);
      return held.then(() => answer);
    });
    at(200);
    const flushed = limit.flush();
    windows.get("k")!.points += 5; // another instance's requests
    at(STALE_MS + 500);
    expect(await limit.consume("k")).toEqual({ allowed: true }); // the store now holds 9
    release();
    await flushed;
    at(STALE_MS + 600);
    expect(await consumeTimes(limit, "k", 2)).toEqual([true, false]);
    expect(calls).toEqual(["consume k 1", "penalty k 2", "consume k 1"]);
  });

  it.each([
    ["ends within a second of the known end: the same window, the larger count stands", 1_000, [false]],
    ["ends more than a second after the known end: a new window, its count replaces the old", 1_001, [true, true, false]],
  ])("treats a store answer whose window %s", async (_, later, expected) => {
    frozenClock();
    const { limit, windows } = withStore(3, STALE_MS);
    windows.set("k", { points: 2, endsAt: T0 + WINDOW_MS });
    expect(await limit.consume("k")).toEqual({ allowed: true }); // 3 of 3
    // The store's window was cut short and restarted (as when its rows are cleared).
    at(STALE_MS + 1);
    windows.set("k", { points: 0, endsAt: T0 + WINDOW_MS + later });
    expect(await limit.consume("k")).toEqual({ allowed: true }); // the store: 1
    at(STALE_MS + 2);
    expect(await consumeTimes(limit, "k", expected.length)).toEqual(expected);
  });

  it("takes the store's window as the known one once the old has ended, however soon the new one ends", async () => {
    frozenClock();
    const { limit, calls, windows } = withStore(3, NEVER_STALE_MS);
    await limit.consume("k");
    at(WINDOW_MS);
    windows.set("k", { points: 0, endsAt: T0 + WINDOW_MS + 500 });
    await limit.consume("k");
    at(WINDOW_MS + 100);
    expect(await limit.consume("k")).toEqual({ allowed: true });
    expect(calls).toEqual(["consume k 1", "consume k 1"]);
  });

  it("keeps requests accepted while a flush was on its way, even when its answer opens a new window", async () => {
    frozenClock();
    const { limit, calls, store, windows } = withStore(10, NEVER_STALE_MS);
    await limit.consume("k");
    at(100);
    await limit.consume("k");
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const penalty = store.penalty;
    vi.spyOn(store, "penalty").mockImplementationOnce((key, points) => {
      // The store's window restarted: its answer ends well after the known window.
      windows.set(key, { points: 0, endsAt: T0 + 2 * WINDOW_MS });
      const answer = penalty(key, points);
      return held.then(() => answer);
    });
    at(200);
    const flushed = limit.flush();
    at(300);
    await limit.consume("k");
    release();
    await flushed;
    await limit.flush();
    expect(calls).toEqual(["consume k 1", "penalty k 1", "penalty k 1"]);
  });

  it("tells its owner each time a request waits for a flush, and only then", async () => {
    frozenClock();
    const onPending = vi.fn();
    const { limit } = withStore(2, NEVER_STALE_MS, onPending);
    await limit.consume("k"); // asked the store: nothing waits
    expect(onPending).not.toHaveBeenCalled();
    await limit.consume("k");
    expect(onPending).toHaveBeenCalledTimes(1);
    await limit.consume("k"); // refused: nothing waits
    expect(onPending).toHaveBeenCalledTimes(1);
  });
});
