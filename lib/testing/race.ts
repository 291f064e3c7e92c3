/**
 * Races for concurrency tests. Two calls started together do not always overlap the way a race
 * needs (one may finish its reads before the other writes), so a test starts the second call a
 * little later each round and checks the outcome of every round: between them the rounds put the
 * second call before, inside and after the first one's transaction. On SQLite, which runs one
 * writer at a time, every round serializes; on PostgreSQL (READ COMMITTED) they interleave.
 */

/** How much later the second call starts, round by round (milliseconds). */
export const STAGGERS_MS = [0, 2, 5, 10, 20, 40] as const;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts `first`, then `second` `delayMs` later, and waits for both to settle. */
export async function startApart<A, B>(
  first: () => Promise<A>,
  second: () => Promise<B>,
  delayMs: number,
): Promise<[PromiseSettledResult<A>, PromiseSettledResult<B>]> {
  const [a, b] = await Promise.allSettled([first(), pause(delayMs).then(second)]);
  return [a as PromiseSettledResult<A>, b as PromiseSettledResult<B>];
}

/** The reason of a rejected call, for assertions; undefined when it succeeded. */
export function rejection(result: PromiseSettledResult<unknown>): unknown {
  return result.status === "rejected" ? result.reason : undefined;
}
