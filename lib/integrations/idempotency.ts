/**
 * Idempotency keys for additive writes, shared by MCP tools and the REST API. The first
 * request with a key claims it (a unique row per grant + operation + key); a retry with the
 * same arguments gets the stored result; other arguments are a conflict; a duplicate
 * arriving while the first still runs is told so and performs nothing. Kept in the database
 * so it holds across app instances; records live 24 hours.
 */
import { db } from "@/lib/db";
import { bestEffortWrite } from "@/lib/db-errors";
import { conflict } from "@/lib/domain/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/domain/unique-violation";
import { canonicalHash } from "./canonical-hash";

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export interface IdempotentCall {
  grantId: string;
  operation: string;
  key: string;
  arguments: unknown;
}

export type IdempotentOutcome<T> = { replayed: boolean; result: T };

/** Runs `perform` at most once per key; `result` must be JSON. */
export async function withIdempotencyKey<T extends Prisma.InputJsonValue>(call: IdempotentCall, perform: () => Promise<T>): Promise<IdempotentOutcome<T>> {
  const requestHash = canonicalHash(call.arguments);
  const where = { grantId_operation_key: { grantId: call.grantId, operation: call.operation, key: call.key } };
  const claimed = await claim(call, requestHash);
  if (!claimed) {
    const existing = await db.idempotencyRecord.findUnique({ where });
    if (!existing) return withIdempotencyKey(call, perform);
    if (existing.requestHash !== requestHash) {
      throw conflict(`The idempotency key "${call.key}" was already used with different arguments. Use a new key for a new request.`);
    }
    if (existing.status !== "completed") {
      throw conflict(`A request with the idempotency key "${call.key}" is still being processed. Retry in a moment to get its result.`);
    }
    return { replayed: true, result: existing.response as T };
  }
  let result: T;
  try {
    result = await perform();
  } catch (error) {
    // Nothing was done, so the key is free again for a corrected retry.
    await db.idempotencyRecord.delete({ where }).catch(() => undefined);
    throw error;
  }
  // The work is done and must be reported as done, even if storage now refuses the record: it
  // then stays pending, so a retry with this key is told to wait instead of doing it twice.
  await bestEffortWrite("storing an idempotent result", () => db.idempotencyRecord.update({ where, data: { status: "completed", response: result } }));
  return { replayed: false, result };
}

async function claim(call: IdempotentCall, requestHash: string): Promise<boolean> {
  const now = new Date();
  // An expired record no longer binds its key.
  await db.idempotencyRecord.deleteMany({ where: { grantId: call.grantId, operation: call.operation, key: call.key, expiresAt: { lt: now } } });
  try {
    await db.idempotencyRecord.create({
      data: {
        grantId: call.grantId,
        operation: call.operation,
        key: call.key,
        requestHash,
        status: "pending",
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_SECONDS * 1000),
      },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
