/**
 * The one Prisma client of the app: one per process (see below), on SQLite through
 * better-sqlite3, with a connection that reopens itself after a read-only or I/O failure
 * (lib/reopening-sqlite-adapter.ts) so storage problems end without a restart.
 */
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { reopeningSqliteAdapter, type ConnectionState, type ReopeningAdapterFactory } from "./reopening-sqlite-adapter";

/** The SQLite file of DATABASE_URL, resolved as the driver does (against the working directory); null for a server database. */
export function databaseFile(url = env.DATABASE_URL): string | null {
  return url.startsWith("file:") ? path.resolve(url.slice("file:".length).replace(/\?.*$/, "")) : null;
}

function createClient(): { client: PrismaClient; adapter: ReopeningAdapterFactory } {
  if (!env.DATABASE_URL.startsWith("file:")) {
    throw new Error("This build of Hourbook is generated for SQLite; DATABASE_URL must be a file: URL.");
  }
  // `timeout` is SQLite's busy timeout: concurrent writers wait instead of failing at once.
  const adapter = reopeningSqliteAdapter(new PrismaBetterSqlite3({ url: env.DATABASE_URL, timeout: 5_000 }));
  return { client: new PrismaClient({ adapter }), adapter };
}

// One client per process — in production too, where Next may load this module once per route
// bundle — so dev hot-reloads do not leak connections, and because SQLite shares one -shm
// mapping among a process's connections to a file: a reopened connection is writable only
// when no other connection of the process still holds a read-only one.
const globalForPrisma = globalThis as unknown as { hourbookDb?: { client: PrismaClient; adapter: ReopeningAdapterFactory } };
const shared = (globalForPrisma.hourbookDb ??= createClient());

export const db: PrismaClient = shared.client;

/** What the connection has seen of storage failures (null before its first query). */
export function connectionState(): ConnectionState | null {
  return shared.adapter.state();
}

export type Db = PrismaClient;
/** A client or an interactive transaction: domain helpers accept either. */
export type DbTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Runs `work` in the caller's transaction when there is one — a keyed write commits its
 * idempotency record and its domain rows together (lib/integrations/idempotency.ts) — and
 * otherwise in a transaction of its own.
 */
export function inTransaction<T>(tx: DbTx | undefined, work: (tx: DbTx) => Promise<T>): Promise<T> {
  return tx ? work(tx) : db.$transaction(work);
}

/**
 * Deletes rows a batch at a time until `pick` finds none: each batch (`pick` its ids, `remove`
 * them) is a short transaction of its own, so a large clean-up never holds the database's one
 * writer for long. Returns how many rows went.
 */
export async function deleteInBatches(
  pick: (tx: DbTx, batchSize: number) => Promise<Array<{ id: string }>>,
  remove: (tx: DbTx, ids: string[]) => Promise<{ count: number }>,
  batchSize = 500,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      const ids = (await pick(tx, batchSize)).map((row) => row.id);
      return { picked: ids.length, removed: ids.length > 0 ? (await remove(tx, ids)).count : 0 };
    });
    deleted += batch.removed;
    if (batch.picked < batchSize) return deleted;
  }
}
