/** The one Prisma client of the app (a singleton, so dev hot-reloads do not leak connections). */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient(): PrismaClient {
  if (!env.DATABASE_URL.startsWith("file:")) {
    throw new Error("This build of Hourbook is generated for SQLite; DATABASE_URL must be a file: URL.");
  }
  // `timeout` is SQLite's busy timeout: concurrent writers wait instead of failing at once.
  const adapter = new PrismaBetterSqlite3({ url: env.DATABASE_URL, timeout: 5_000 });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;

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
