/**
 * Idempotency keys for additive writes, shared by MCP tools and the REST API. A keyed call
 * claims its key (a unique row per grant + operation + key), performs its write and stores the
 * result in ONE database transaction. So a crash leaves either nothing — the key is free and a
 * retry performs the write once — or everything — a retry replays the result; no claim is ever
 * left pending. A retry with the same arguments gets the stored result; other arguments are a
 * conflict. A duplicate arriving while the first still runs waits for it (its claim blocks on
 * the unique row, or on SQLite's single writer) and then replays its result. Kept in the
 * database so it holds across app instances; records bind their key for 24 hours, and the
 * bookkeeping sweep deletes them after that.
 */
import { db, deleteInBatches, type DbTx } from "@/lib/db";
import { conflict } from "@/lib/domain/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/domain/unique-violation";
import { canonicalHash } from "./canonical-hash";

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/**
 * A keyed call queues for the database's one writer behind every other write transaction of
 * this instance; under a burst that is longer than Prisma's default 2 s wait, and a keyed
 * write should wait rather than fail.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

/** Claims lost to another instance's committed record before giving up ("still being processed"). */
const MAX_ATTEMPTS = 3;

export interface IdempotentCall {
  grantId: string;
  operation: string;
  key: string;
  arguments: unknown;
}

export type IdempotentOutcome<T> = { replayed: boolean; result: T };

class KeyTaken extends Error {}

/**
 * Runs `perform` at most once per key, inside the transaction that claims the key and stores
 * its result: every write of `perform` must go through `tx`. `result` must be JSON.
 * @throws DomainError `conflict` when the key was used with other arguments, or (rarely) when
 *   it stays claimed by a request still in flight elsewhere; whatever `perform` throws, after
 *   which the key is free again.
 */
export async function withIdempotencyKey<T extends Prisma.InputJsonValue>(call: IdempotentCall, perform: (tx: DbTx) => Promise<T>): Promise<IdempotentOutcome<T>> {
  const requestHash = canonicalHash(call.arguments);
  const where = { grantId_operation_key: { grantId: call.grantId, operation: call.operation, key: call.key } };
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      const result = await db.$transaction(async (tx) => {
        await claim(tx, call, requestHash);
        const performed = await perform(tx);
        await tx.idempotencyRecord.update({ where, data: { status: "completed", response: performed } });
        return performed;
      }, TRANSACTION_OPTIONS);
      return { replayed: false, result };
    } catch (error) {
      if (!(error instanceof KeyTaken)) throw error;
    }
    // The key is bound by a committed record: read it in a transaction of its own, so that
    // only committed state is seen (SQLite's one connection runs plain queries inside whatever
    // transaction is open).
    const existing = await db.$transaction((tx) => tx.idempotencyRecord.findUnique({ where }), TRANSACTION_OPTIONS);
    // (Claims commit completed or not at all, and claim() clears any other, so a record that
    // blocked a claim is a completed one.)
    if (existing !== null && existing.expiresAt > new Date()) {
      if (existing.requestHash !== requestHash) {
        throw conflict(`The idempotency key "${call.key}" was already used with different arguments. Use a new key for a new request.`);
      }
      return { replayed: true, result: existing.response as T };
    }
    // Gone, expired or abandoned since: claim again.
  }
  throw conflict(`A request with the idempotency key "${call.key}" is still being processed. Retry in a moment to get its result.`);
}

/**
 * Inserts the claim, first clearing a record that no longer binds the key: an expired one, or a
 * pending one — committed pending claims exist only from before claims were atomic, and their
 * requests are long gone. The delete is the transaction's first statement, so on SQLite the
 * transaction takes the write lock before it reads anything.
 * @throws KeyTaken when a committed record holds the key
 */
async function claim(tx: DbTx, call: IdempotentCall, requestHash: string): Promise<void> {
  const now = new Date();
  const key = { grantId: call.grantId, operation: call.operation, key: call.key };
  await tx.idempotencyRecord.deleteMany({ where: { ...key, OR: [{ expiresAt: { lte: now } }, { status: { not: "completed" } }] } });
  try {
    await tx.idempotencyRecord.create({
      // Stryker disable next-line StringLiteral: "pending" is never seen outside this transaction, which marks the record completed before it commits
      data: { ...key, requestHash, status: "pending", expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_SECONDS * 1000) },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new KeyTaken();
    throw error;
  }
}

/**
 * Deletes the records that no longer bind their key (expired by `now`). For the background
 * sweep: a request never waits for it. Returns how many went.
 */
export function deleteExpiredIdempotencyRecords(now = new Date()): Promise<number> {
  return deleteInBatches(
    (tx, take) => tx.idempotencyRecord.findMany({ where: { expiresAt: { lte: now } }, select: { id: true }, take }),
    (tx, ids) => tx.idempotencyRecord.deleteMany({ where: { id: { in: ids } } }),
  );
}
