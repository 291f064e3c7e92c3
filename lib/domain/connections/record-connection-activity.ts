/**
 * A connection's recent calls, for the Integrations pages, written behind (lib/write-behind.ts):
 * a call queues its line and every line queued within ACTIVITY_FLUSH_MS goes in one INSERT,
 * instead of one INSERT per request. Each line keeps the moment of its call as `createdAt`.
 * The pages flush this process's queue before reading (connection-view.ts), so a call shows at
 * once on the instance that served it and within ACTIVITY_FLUSH_MS on every other.
 */
import { db } from "@/lib/db";
import { bestEffortWrite } from "@/lib/db-errors";
import { writeBehind } from "@/lib/write-behind";
import type { ActivityOutcome } from "./connection-view";

export interface ActivityLine {
  grantId: string;
  /** tool (MCP) or api (REST) */
  kind: "tool" | "api";
  /** The tool's name or "METHOD /path". */
  name: string;
  outcome: ActivityOutcome;
  /** At most 300 characters are kept. */
  detail?: string;
}

/** The longest a line waits in memory before it is written, in ms. */
export const ACTIVITY_FLUSH_MS = 1_000;

/** While storage refuses writes, lines wait for the next flush; beyond this many the oldest go. */
const MAX_WAITING = 5_000;

type Row = { grantId: string; kind: string; name: string; outcome: string; detail: string | null; createdAt: Date };

const QUEUE = Symbol.for("hourbook.connectionActivity");
const queued: Row[] = ((globalThis as { [QUEUE]?: Row[] })[QUEUE] ??= []);

const activity = writeBehind("connection activity", ACTIVITY_FLUSH_MS, async () => {
  const batch = queued.splice(0, queued.length);
  if (batch.length === 0) return;
  // Stryker disable next-line StringLiteral: names the write in a log line only
  const saved = await bestEffortWrite("recording connection activity", () => db.connectionActivity.createMany({ data: batch }));
  if (saved) return;
  // Storage refused (full disk, read-only): keep the lines for the next flush, newest kept.
  queued.unshift(...batch.slice(-MAX_WAITING));
  queued.splice(0, Math.max(0, queued.length - MAX_WAITING));
  activity.schedule();
});

/** Queues one line; never fails a request and never waits for the database. */
export function recordConnectionActivity(line: ActivityLine): void {
  queued.push({ grantId: line.grantId, kind: line.kind, name: line.name, outcome: line.outcome, detail: line.detail?.slice(0, 300) ?? null, createdAt: new Date() });
  activity.schedule();
}

/** Writes every queued line now (the pages before reading; tests). */
export function flushConnectionActivity(): Promise<void> {
  return activity.flush();
}
