/**
 * Bookkeeping that would otherwise cost a database write per request (rate-limit counts,
 * connection activity) is kept in memory and written in one go shortly after: a flush runs at
 * most `intervalMs` after the first thing queued since the last one, so the database lags by at
 * most that (plus the flush's own time), and an idle server runs no timer at all.
 *
 * Each write-behind lives on globalThis under its name: Next may load a module once per route
 * bundle in one process, and the Integrations page must flush the very queue the MCP route
 * filled. `flushAllWriteBehind()` writes everything now (tests, shutdown).
 */

export interface WriteBehind {
  /** Asks for a flush within the interval (no-op when one is already due). */
  schedule(): void;
  /** Writes now; resolves when this flush, and any already running, are done. Never rejects. */
  flush(): Promise<void>;
}

interface Registry {
  queues: Map<string, WriteBehind>;
  /** Tests that count statements hold the timers, so nothing is written in the middle of a call. */
  held: boolean;
}

const REGISTRY = Symbol.for("hourbook.writeBehind");

function registry(): Registry {
  const global = globalThis as { [REGISTRY]?: Registry };
  return (global[REGISTRY] ??= { queues: new Map(), held: false });
}

/**
 * The write-behind called `name`, created on first use with `write` (which takes what is
 * queued and writes it; it should not throw — a throw is logged and the next flush tries again).
 * @param intervalMs the longest a queued item waits for its flush
 */
export function writeBehind(name: string, intervalMs: number, write: () => Promise<void>): WriteBehind {
  const { queues } = registry();
  let queue = queues.get(name);
  if (!queue) {
    queue = createWriteBehind(name, intervalMs, write);
    queues.set(name, queue);
  }
  return queue;
}

function createWriteBehind(name: string, intervalMs: number, write: () => Promise<void>): WriteBehind {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    // Flushes run one after another, so two never write the same items.
    running = running.then(() =>
      write().catch((error: unknown) => {
        console.error(`Writing ${name} failed; the next flush tries again.`, error);
      }),
    );
    return running;
  };
  return {
    schedule() {
      if (timer || registry().held) return;
      // unref: a queued item never keeps the process alive.
      timer = setTimeout(() => void flush(), intervalMs);
      timer.unref();
    },
    flush,
  };
}

/** Writes everything every write-behind of this process holds. */
export async function flushAllWriteBehind(): Promise<void> {
  await Promise.all([...registry().queues.values()].map((q) => q.flush()));
}

/**
 * Tests only: while held, no timer is started, so a test can count the statements of one call
 * without a flush landing in the middle of it; `flushAllWriteBehind()` still writes.
 */
export function holdWriteBehindTimers(held: boolean): void {
  registry().held = held;
}
