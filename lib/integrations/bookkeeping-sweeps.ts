/**
 * The background sweep of the connections' bookkeeping: idempotency records that no longer bind
 * their key, activity beyond what each connection keeps, and DPoP proofs too old to replay. The
 * tables grow with every call, so without it they would grow for ever; with it they stay bounded. It runs on every server
 * process (started from instrumentation.ts), never on a request's path.
 */
import { trimConnectionActivity } from "@/lib/domain/connections/trim-connection-activity";
import { deleteExpiredDpopProofs } from "@/lib/oauth/dpop/claim-dpop-proof";
import { deleteExpiredIdempotencyRecords } from "./idempotency";

/** How often each server process sweeps, after a first sweep at start-up. */
export const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

export interface SweepResult {
  idempotencyRecords: number;
  activity: number;
  dpopProofs: number;
}

/** One sweep as of `now`. Returns how many rows went from each table. */
export async function sweepBookkeeping(now = new Date()): Promise<SweepResult> {
  const idempotencyRecords = await deleteExpiredIdempotencyRecords(now);
  const activity = await trimConnectionActivity(now);
  const dpopProofs = await deleteExpiredDpopProofs(now);
  return { idempotencyRecords, activity, dpopProofs };
}

// On globalThis: Next may load this module more than once in one process (one copy per bundle).
const STARTED = Symbol.for("hourbook.bookkeepingSweeps");

/**
 * Sweeps now and then every SWEEP_INTERVAL_MS, once per process however often it is called. The
 * timer never keeps the process alive; a failed sweep is logged and the next one tries again.
 */
export function startBookkeepingSweeps(): void {
  const global = globalThis as { [STARTED]?: boolean };
  if (global[STARTED]) return;
  global[STARTED] = true;
  let running = false;
  const sweep = async () => {
    if (running) return; // a slow sweep is not piled on
    running = true;
    try {
      await sweepBookkeeping();
    } catch (error) {
      console.error("Sweeping idempotency records, connection activity and DPoP proofs failed; the next sweep tries again.", error);
    } finally {
      running = false;
    }
  };
  void sweep();
  setInterval(() => void sweep(), SWEEP_INTERVAL_MS).unref();
}
