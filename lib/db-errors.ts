/**
 * Storage failures, recognised in one place: "the disk is full", "the database is read-only",
 * "the disk reports I/O errors", "the database cannot be opened". Every surface turns the
 * answer into its own refusal (REST 503 problem, MCP tool error, OAuth temporarily_unavailable,
 * a form message), and the bookkeeping writes of read requests use it to fail quietly.
 *
 * Prisma 7 with a driver adapter hands failures over in several shapes, all of which carry the
 * driver's own code somewhere (checked against real failures in db-errors.test.ts):
 * - a model query: PrismaClientKnownRequestError P2039 ("Database error") or P2010 (raw query),
 *   with `meta.driverAdapterError.cause = { kind: "sqlite", originalCode: "SQLITE_FULL", … }`;
 * - inside an interactive transaction: the DriverAdapterError itself, with the same `cause`;
 * - better-sqlite3 used directly: SqliteError with `code: "SQLITE_READONLY"`;
 * - PostgreSQL through @prisma/adapter-pg: `cause = { kind: "postgres", code: "53100", … }`
 *   (SQLSTATE disk_full; 25006 read_only_sql_transaction; 58030 io_error);
 * - Node's own file calls: ENOSPC, EDQUOT, EROFS, EIO.
 */

export type StorageProblem = "full" | "read_only" | "io_error" | "unavailable";

export interface StorageUnavailable {
  problem: StorageProblem;
  /** Why, in words an operator and a user can act on: "the disk is full". */
  reason: string;
  /** The driver's own code, for logs: SQLITE_FULL, 53100, ENOSPC. */
  code: string;
}

export const STORAGE_REASONS: Record<StorageProblem, string> = {
  full: "the disk is full",
  read_only: "the database is read-only",
  io_error: "the disk reports input/output errors",
  unavailable: "the database file cannot be opened",
};

/** What a client is told to wait before trying a write again (Retry-After, seconds). */
export const STORAGE_RETRY_AFTER_SECONDS = 30;

// SQLite result codes by name (better-sqlite3 names extended codes too: SQLITE_IOERR_WRITE,
// SQLITE_READONLY_DBMOVED, SQLITE_CANTOPEN_ISDIR…, so a prefix decides).
const SQLITE_PREFIXES: [string, StorageProblem][] = [
  ["SQLITE_FULL", "full"],
  ["SQLITE_READONLY", "read_only"],
  ["SQLITE_IOERR", "io_error"],
  ["SQLITE_CANTOPEN", "unavailable"],
];

// Primary result codes, for extended codes better-sqlite3 has no name for (UNKNOWN_SQLITE_ERROR_<n>).
const SQLITE_PRIMARY: Record<number, StorageProblem> = { 13: "full", 8: "read_only", 10: "io_error", 14: "unavailable" };

const POSTGRES_SQLSTATES: Record<string, StorageProblem> = { "53100": "full", "25006": "read_only", "58030": "io_error" };

const ERRNOS: Record<string, StorageProblem> = { ENOSPC: "full", EDQUOT: "full", EROFS: "read_only", EIO: "io_error" };

// SQLite's own messages, for errors that kept the text but lost the code along the way.
const SQLITE_MESSAGES: [string, StorageProblem][] = [
  ["database or disk is full", "full"],
  ["attempt to write a readonly database", "read_only"],
  ["disk I/O error", "io_error"],
  ["unable to open database file", "unavailable"],
  // better-sqlite3's own check before SQLite is asked (the data volume is gone).
  ["Cannot open database because the directory does not exist", "unavailable"],
];

function problemOfCode(code: string): StorageProblem | null {
  for (const [prefix, problem] of SQLITE_PREFIXES) if (code.startsWith(prefix)) return problem;
  const unknown = /^UNKNOWN_SQLITE_ERROR_(\d+)$/.exec(code);
  if (unknown) return SQLITE_PRIMARY[Number(unknown[1]) & 0xff] ?? null;
  return POSTGRES_SQLSTATES[code] ?? ERRNOS[code] ?? null;
}

function fromCode(node: Record<string, unknown>): StorageUnavailable | null {
  for (const key of ["originalCode", "code"] as const) {
    const code = node[key];
    if (typeof code !== "string") continue;
    const problem = problemOfCode(code);
    if (problem) return { problem, reason: STORAGE_REASONS[problem], code };
  }
  return null;
}

function fromMessage(node: Record<string, unknown>): StorageUnavailable | null {
  for (const key of ["originalMessage", "message"] as const) {
    const message = node[key];
    if (typeof message !== "string") continue;
    for (const [text, problem] of SQLITE_MESSAGES) {
      if (message.includes(text)) return { problem, reason: STORAGE_REASONS[problem], code: text };
    }
  }
  return null;
}

/** The error and everything it wraps: Prisma's `meta.driverAdapterError` and the `cause` chain. */
function unwrap(error: unknown): Record<string, unknown>[] {
  const nodes: Record<string, unknown>[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && nodes.length < 10) {
    const node = queue.shift();
    if (!node || typeof node !== "object" || nodes.includes(node as Record<string, unknown>)) continue;
    const record = node as Record<string, unknown>;
    nodes.push(record);
    const meta = record.meta;
    if (meta && typeof meta === "object") queue.push((meta as Record<string, unknown>).driverAdapterError);
    queue.push(record.cause);
  }
  return nodes;
}

/**
 * Whether `error` means the storage cannot take the operation right now, and why; null for
 * every other failure (a constraint, a bug, a busy database). A driver code anywhere in the
 * wrapping decides; SQLite's message text only when no code survived.
 */
export function storageUnavailableOf(error: unknown): StorageUnavailable | null {
  const nodes = unwrap(error);
  for (const node of nodes) {
    const found = fromCode(node);
    if (found) return found;
  }
  for (const node of nodes) {
    const found = fromMessage(node);
    if (found) return found;
  }
  return null;
}

export function isStorageUnavailable(error: unknown): boolean {
  return storageUnavailableOf(error) !== null;
}

/**
 * The sentence every surface shows for an operation storage refused. Nothing is half-done: a
 * refused write ran in a transaction that rolled back (or never began). A full disk or a
 * read-only database refuses only writes; I/O errors or an unopenable file may refuse reads too.
 */
export function storageUnavailableMessage(storage: StorageUnavailable): string {
  if (storage.problem === "full" || storage.problem === "read_only") {
    return `Hourbook cannot save changes right now because ${storage.reason}. Nothing was changed; reading still works. Try again later.`;
  }
  return `Hourbook cannot use its database right now because ${storage.reason}. Nothing was changed. Try again later.`;
}

const skippedLog = new Map<string, { loggedAt: number; skipped: number }>();
const SKIPPED_LOG_INTERVAL_MS = 60_000;

/**
 * Runs a bookkeeping write that a request must not fail for (last-used times, sweeps, activity
 * lines): a storage failure is swallowed and logged (one line per kind a minute, so an outage
 * does not flood the log), anything else still throws. Resolves to whether the write was saved.
 */
export async function bestEffortWrite(what: string, write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    const storage = storageUnavailableOf(error);
    if (!storage) throw error;
    const log = skippedLog.get(what) ?? { loggedAt: 0, skipped: 0 };
    log.skipped += 1;
    if (Date.now() - log.loggedAt >= SKIPPED_LOG_INTERVAL_MS) {
      console.warn(`Skipped ${what} ${log.skipped === 1 ? "once" : `${log.skipped} times`}: ${storage.reason} (${storage.code}).`);
      log.loggedAt = Date.now();
      log.skipped = 0;
    }
    skippedLog.set(what, log);
    return false;
  }
}
