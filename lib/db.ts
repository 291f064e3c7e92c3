/**
 * The one Prisma client of the app: one per process (see below), on the engine DATABASE_URL
 * names (lib/database-engine.mjs):
 * - SQLite (`file:`) through better-sqlite3, with a connection that reopens itself after a
 *   read-only or I/O failure (lib/reopening-sqlite-adapter.ts) so storage problems end
 *   without a restart;
 * - PostgreSQL (`postgresql://`) through pg's pool, with the client generated from the
 *   derived schema (prisma/postgresql/schema.prisma). Both clients are generated from one
 *   schema, so they share one type: code is written once against `PrismaClient`.
 */
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { ArgType, SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgresql/client";
import { env } from "@/lib/env";
import { engineOf } from "@/lib/database-engine.mjs";
import { reopeningSqliteAdapter, type ConnectionState, type ReopeningAdapterFactory } from "./reopening-sqlite-adapter";

/** The SQLite file of DATABASE_URL, resolved as the driver does (against the working directory); null for a server database. */
export function databaseFile(url = env.DATABASE_URL): string | null {
  return url.startsWith("file:") ? path.resolve(url.slice("file:".length).replace(/\?.*$/, "")) : null;
}

interface SharedClient {
  client: PrismaClient;
  /** SQLite's self-reopening adapter; null on PostgreSQL, whose pool replaces broken connections itself. */
  sqliteAdapter: ReopeningAdapterFactory | null;
  /** The driver connection Prisma opened (null before its first query): readRows reads through it. */
  connection: () => SqlDriverAdapter | null;
}

/** The factory, remembering the connection it opens for Prisma, so readRows shares it (and its pool). */
function remembering(factory: SqlDriverAdapterFactory): { factory: SqlDriverAdapterFactory; connection: () => SqlDriverAdapter | null } {
  let connection: SqlDriverAdapter | null = null;
  return {
    factory: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => (connection = await factory.connect()),
    },
    connection: () => connection,
  };
}

function createClient(): SharedClient {
  if (engineOf(env.DATABASE_URL) === "postgresql") {
    const { factory, connection } = remembering(new PrismaPg({ connectionString: env.DATABASE_URL, max: env.HOURBOOK_DATABASE_POOL_SIZE }));
    const client = new PostgresPrismaClient({ adapter: factory });
    // Same models, same generated API: only the SQL dialect differs.
    return { client: client as unknown as PrismaClient, sqliteAdapter: null, connection };
  }
  // `timeout` is SQLite's busy timeout: concurrent writers wait instead of failing at once.
  const adapter = reopeningSqliteAdapter(new PrismaBetterSqlite3({ url: env.DATABASE_URL, timeout: 5_000 }));
  const { factory, connection } = remembering(adapter);
  return { client: new PrismaClient({ adapter: factory }), sqliteAdapter: adapter, connection };
}

// One client per process — in production too, where Next may load this module once per route
// bundle — so dev hot-reloads do not leak connections, and because SQLite shares one -shm
// mapping among a process's connections to a file: a reopened connection is writable only
// when no other connection of the process still holds a read-only one.
const globalForPrisma = globalThis as unknown as { hourbookDb?: SharedClient };
const shared = (globalForPrisma.hourbookDb ??= createClient());

export const db: PrismaClient = shared.client;

/** Which engine this process runs on. */
export const databaseEngine = engineOf(env.DATABASE_URL);

/** What the SQLite connection has seen of storage failures (null before its first query, and on PostgreSQL). */
export function connectionState(): ConnectionState | null {
  return shared.sqliteAdapter?.state() ?? null;
}

/**
 * The rows of one read-only query, as arrays of column values in the SELECT's order, read
 * through the driver connection Prisma uses (the same SQLite connection, the same pg pool) but
 * not through Prisma's client. For exports that stream many pages: a 100,000-entry export read
 * through the client kept every page's rows alive until they reached the old generation (they
 * are freed only by a full collection, so the server's memory grew by ~120 MB); read here, a
 * page dies young. Values come as the driver adapter gives them: text for DateTime columns
 * (ISO 8601), numbers for integers, booleans as 1/0 on SQLite and true/false on PostgreSQL.
 *
 * `query` is a Prisma.sql template with double-quoted identifiers, portable to both engines;
 * its placeholders are written in the engine's dialect (`?` or `$1`).
 * @throws the driver adapter's error (DriverAdapterError) when the query fails
 */
export async function readRows(query: Prisma.Sql): Promise<unknown[][]> {
  if (!shared.connection()) await db.$connect();
  const connection = shared.connection();
  if (!connection) throw new Error("The database connection did not open.");
  const result = await connection.queryRaw({
    sql: databaseEngine === "postgresql" ? query.text : query.sql,
    args: query.values,
    argTypes: query.values.map(argTypeOf),
  });
  return result.rows;
}

/** How the adapters bind a value (Dates as each engine stores DateTime, booleans as SQLite's 1/0). */
function argTypeOf(value: unknown): ArgType {
  if (value instanceof Date) return { scalarType: "datetime", arity: "scalar" };
  if (typeof value === "boolean") return { scalarType: "boolean", arity: "scalar" };
  if (typeof value === "number") return { scalarType: Number.isInteger(value) ? "int" : "float", arity: "scalar" };
  return { scalarType: typeof value === "string" ? "string" : "unknown", arity: "scalar" };
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

/**
 * Whether the database aborted a transaction to keep it serializable (PostgreSQL SQLSTATE
 * 40001). Prisma reports it as P2034 when the commit fails, but as the driver adapter's own
 * error (cause.kind "TransactionWriteConflict") when a statement inside the transaction does.
 */
function isSerializationFailure(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { kind?: unknown; originalCode?: unknown } };
  return code === "P2034" || cause?.kind === "TransactionWriteConflict" || cause?.originalCode === "40001";
}

/**
 * Runs `work` in a SERIALIZABLE transaction: for invariants that span rows (at least one active
 * owner), where two transactions that each change a different row could otherwise both pass the
 * same check (write skew under PostgreSQL's default READ COMMITTED; SQLite already runs one
 * writer at a time). When the database aborts one of two such transactions, `onConflict()` is
 * thrown instead of Prisma's error.
 * @throws whatever `onConflict` returns, when the database reports a serialization failure
 */
export async function serializableTransaction<T>(work: (tx: DbTx) => Promise<T>, onConflict: () => Error): Promise<T> {
  try {
    return await db.$transaction(work, { isolationLevel: "Serializable" });
  } catch (error) {
    if (isSerializationFailure(error)) throw onConflict();
    throw error;
  }
}
