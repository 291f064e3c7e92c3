/**
 * A rate limit counted by every app instance together without a database write per request:
 * the shared count stays in the database (rate-limiter-flexible's store, the same rows the
 * per-request limits use), and each instance adds its requests to it in batches.
 *
 * Per key, an instance knows the shared count as of its last exchange with the database, and
 * the requests it accepted since (unflushed). A request is allowed while shared + unflushed +
 * this request ≤ limit. Unflushed counts are added to the store at most `flushIntervalMs` after
 * the first of them (`penalty`, an increment that answers the new shared count). A request goes
 * to the database itself (`consume`, as a per-request limit does) when the instance has no
 * fresh count for the key: the first request of a window, or after `staleAfterMs` without an
 * exchange. So the count an instance decides on is never older than `staleAfterMs`, and the
 * limit is exceeded by at most what the other instances accept in that time before their
 * flush lands. A refused request is not counted: a flood past the limit costs no writes.
 *
 * When the store fails, its insurance limiter (memory) counts instead, as for per-request
 * limits; counts that could not be sent at all stay unflushed and go with the next flush.
 */
import { RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimitDecision } from "./rate-limit";

/** The two calls of a rate-limiter-flexible store this needs. Both resolve (or reject) with the key's state after the change. */
export interface CountingStore {
  consume(key: string, points: number): Promise<RateLimiterRes>;
  penalty(key: string, points: number): Promise<RateLimiterRes>;
}

export interface BatchedRateLimitOptions {
  store: CountingStore;
  /** Requests allowed per window (the store's own window). */
  limit: number;
  /** After this long without an exchange with the store, the next request asks the store itself. */
  staleAfterMs: number;
  /** Called when unflushed counts are waiting; the owner flushes within its interval. */
  onPending?: () => void;
}

interface KeyState {
  /** The store's count for the window, as of `syncedAt`: every instance's flushed requests. */
  shared: number;
  windowEndsAt: number;
  syncedAt: number;
  /** Accepted here, not yet in the store. */
  unflushed: number;
}

export class BatchedRateLimit {
  readonly #options: BatchedRateLimitOptions;
  readonly #keys = new Map<string, KeyState>();

  constructor(options: BatchedRateLimitOptions) {
    this.#options = options;
  }

  /** Counts `points` requests of `key`, or refuses them (uncounted) with the seconds left in the window. */
  async consume(key: string, points = 1): Promise<RateLimitDecision> {
    const now = Date.now();
    const state = this.#keys.get(key);
    if (!state || now >= state.windowEndsAt || now - state.syncedAt > this.#options.staleAfterMs) {
      return this.#consumeInStore(key, points, state, now);
    }
    if (state.shared + state.unflushed + points > this.#options.limit) return refused(state.windowEndsAt - now);
    state.unflushed += points;
    this.#options.onPending?.();
    return { allowed: true };
  }

  /** Adds every key's unflushed requests to the store. Rejects only when the store itself throws (no insurance). */
  async flush(): Promise<void> {
    const now = Date.now();
    // Stryker disable next-line ArrayDeclaration: allSettled takes a seeded non-promise element as fulfilled, so it changes nothing
    const sends: Promise<void>[] = [];
    for (const [key, state] of this.#keys) {
      // A finished window's state is of no further use; its unflushed requests no longer count.
      if (now >= state.windowEndsAt) {
        this.#keys.delete(key);
        continue;
      }
      if (state.unflushed === 0) continue;
      const points = state.unflushed;
      state.unflushed = 0;
      sends.push(
        this.#options.store.penalty(key, points).then(
          (res) => this.#learn(key, res, now),
          (error: unknown) => {
            state.unflushed += points;
            throw error;
          },
        ),
      );
    }
    const failed = (await Promise.allSettled(sends)).find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
  }

  async #consumeInStore(key: string, points: number, state: KeyState | undefined, now: number): Promise<RateLimitDecision> {
    // Requests accepted here in the current window and not yet flushed go along.
    const carried = state && now < state.windowEndsAt ? state.unflushed : 0;
    if (state) state.unflushed -= carried;
    try {
      this.#learn(key, await this.#options.store.consume(key, carried + points), now);
      return { allowed: true };
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) {
        if (state) state.unflushed += carried;
        throw outcome;
      }
      this.#learn(key, outcome, now);
      return refused(outcome.msBeforeNext);
    }
  }

  /** Takes the store's answer as the shared count; of two answers in one window the larger is the later. */
  #learn(key: string, res: RateLimiterRes, askedAt: number): void {
    const windowEndsAt = askedAt + res.msBeforeNext;
    const state = this.#keys.get(key);
    if (!state || windowEndsAt > state.windowEndsAt + 1_000 || Date.now() >= state.windowEndsAt) {
      this.#keys.set(key, { shared: res.consumedPoints, windowEndsAt, syncedAt: askedAt, unflushed: state && Date.now() < state.windowEndsAt ? state.unflushed : 0 });
      return;
    }
    state.shared = Math.max(state.shared, res.consumedPoints);
    state.syncedAt = Math.max(state.syncedAt, askedAt);
  }
}

function refused(msBeforeNext: number): RateLimitDecision {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
}
