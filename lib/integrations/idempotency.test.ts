/**
 * The idempotency contract itself, without MCP or HTTP around it: the claim, the write and the
 * stored result commit together. Each test writes audit events through the transaction it is
 * given (a table without foreign keys), marked with a grant id of its own.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db, type DbTx } from "@/lib/db";
import { isDomainError } from "@/lib/domain/errors";
import { deleteExpiredIdempotencyRecords, IDEMPOTENCY_TTL_SECONDS, withIdempotencyKey, type IdempotentCall } from "./idempotency";

function keyedCall(args: unknown = { amount: 100 }): IdempotentCall {
  return { grantId: `grant-${randomUUID()}`, operation: "test:write", key: randomUUID(), arguments: args };
}

/** A write through `tx`, visible afterwards only if its transaction committed. */
async function write(tx: DbTx, call: IdempotentCall, n = 1) {
  const event = await tx.auditEvent.create({ data: { type: "settings.changed", grantId: call.grantId, detail: { n } } });
  return { id: event.id, n };
}

const writesOf = (call: IdempotentCall) => db.auditEvent.count({ where: { grantId: call.grantId } });
const recordsOf = (call: IdempotentCall) => db.idempotencyRecord.findMany({ where: { grantId: call.grantId, key: call.key } });

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("withIdempotencyKey", () => {
  it("performs once and replays the stored result for the same key and arguments", async () => {
    const call = keyedCall();
    const first = await withIdempotencyKey(call, (tx) => write(tx, call));
    const again = await withIdempotencyKey(call, (tx) => write(tx, call, 2));
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ replayed: true, result: first.result });
    expect(await writesOf(call)).toBe(1);
    expect(await recordsOf(call)).toMatchObject([{ status: "completed", response: first.result }]);
  });

  it("refuses the key with other arguments and performs nothing", async () => {
    const call = keyedCall({ amount: 100 });
    await withIdempotencyKey(call, (tx) => write(tx, call));
    const perform = vi.fn((tx: DbTx) => write(tx, call));
    const refusal = await withIdempotencyKey({ ...call, arguments: { amount: 200 } }, perform).catch((error: unknown) => error);
    expect(isDomainError(refusal) && refusal.code === "conflict" && refusal.message).toMatch(/already used with different arguments/);
    expect(perform).not.toHaveBeenCalled();
    expect(await writesOf(call)).toBe(1);
  });

  it("makes a duplicate that arrives while the first is still running wait for it and replay its full result", async () => {
    const call = keyedCall();
    const gate = deferred();
    let performed = 0;
    const first = withIdempotencyKey(call, async (tx) => {
      performed += 1;
      const result = await write(tx, call);
      await gate.promise; // still running: claimed and written, not committed
      return result;
    });
    await vi.waitFor(() => expect(performed).toBe(1));

    let duplicateSettled = false;
    const duplicate = withIdempotencyKey(call, async (tx) => {
      performed += 1;
      return write(tx, call, 2);
    }).finally(() => (duplicateSettled = true));
    await new Promise((r) => setTimeout(r, 150));
    // Neither an empty or absent result replayed from the claim, nor a second write.
    expect(duplicateSettled).toBe(false);

    gate.resolve();
    const [firstOutcome, duplicateOutcome] = await Promise.all([first, duplicate]);
    expect(firstOutcome).toMatchObject({ replayed: false, result: { n: 1 } });
    expect(duplicateOutcome).toEqual({ replayed: true, result: firstOutcome.result });
    expect(performed).toBe(1);
    expect(await writesOf(call)).toBe(1);
  });

  it.each([
    ["a refusal", () => Promise.reject(new Error("refused"))],
    ["a failure after the write, as when the process dies before the commit", async (tx: DbTx, call: IdempotentCall) => {
      await write(tx, call);
      throw new Error("died mid-request");
    }],
  ])("leaves neither the write nor the claim behind after %s, so a retry performs once", async (_, failing) => {
    const call = keyedCall();
    await expect(withIdempotencyKey(call, (tx) => failing(tx, call))).rejects.toThrow();
    expect(await writesOf(call)).toBe(0);
    expect(await recordsOf(call)).toEqual([]);

    const retry = await withIdempotencyKey(call, (tx) => write(tx, call));
    expect(retry.replayed).toBe(false);
    expect(await writesOf(call)).toBe(1);
  });

  it("frees a claim left pending by a request that died before claims were atomic, instead of answering 'still being processed'", async () => {
    const call = keyedCall();
    await db.idempotencyRecord.create({
      data: { grantId: call.grantId, operation: call.operation, key: call.key, requestHash: "from a crashed request", status: "pending", expiresAt: new Date(Date.now() + 3600_000) },
    });
    const retry = await withIdempotencyKey(call, (tx) => write(tx, call));
    expect(retry.replayed).toBe(false);
    expect(await writesOf(call)).toBe(1);
    expect(await recordsOf(call)).toMatchObject([{ status: "completed", response: retry.result }]);
  });

  it("stops binding the key once its record has expired", async () => {
    const call = keyedCall();
    await withIdempotencyKey(call, (tx) => write(tx, call));
    await db.idempotencyRecord.updateMany({ where: { grantId: call.grantId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const later = await withIdempotencyKey({ ...call, arguments: { amount: 999 } }, (tx) => write(tx, call, 2));
    expect(later).toMatchObject({ replayed: false, result: { n: 2 } });
    expect(await recordsOf(call)).toHaveLength(1);
  });
});

describe("deleteExpiredIdempotencyRecords", () => {
  it("deletes every expired record, in batches, and keeps the ones still binding their key", async () => {
    const grantId = `grant-${randomUUID()}`;
    const now = new Date();
    const record = (i: number, expiresAt: Date) => ({ grantId, operation: "test:sweep", key: `key-${i}`, requestHash: "h", status: "completed", response: {}, expiresAt });
    await db.idempotencyRecord.createMany({
      data: [
        ...Array.from({ length: 1_200 }, (_, i) => record(i, new Date(now.getTime() - 1000 - i))),
        ...Array.from({ length: 3 }, (_, i) => record(10_000 + i, new Date(now.getTime() + IDEMPOTENCY_TTL_SECONDS * 1000))),
      ],
    });
    expect(await deleteExpiredIdempotencyRecords(now)).toBeGreaterThanOrEqual(1_200);
    expect(await db.idempotencyRecord.count({ where: { grantId } })).toBe(3);
  });
});
