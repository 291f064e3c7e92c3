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
    await expect(withIdempotencyKey(call, (tx) => failing(tx, call))).rejects.toThrow(/refused|died mid-request/);
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

  it("binds the key for exactly 24 hours from the claim", async () => {
    const claimedAt = new Date("2030-01-01T12:00:00.000Z");
    vi.useFakeTimers({ toFake: ["Date"], now: claimedAt });
    try {
      const call = keyedCall();
      await withIdempotencyKey(call, (tx) => write(tx, call));
      expect(await recordsOf(call)).toMatchObject([{ expiresAt: new Date(claimedAt.getTime() + IDEMPOTENCY_TTL_SECONDS * 1000) }]);
      expect(IDEMPOTENCY_TTL_SECONDS).toBe(24 * 60 * 60);
    } finally {
      vi.useRealTimers();
    }
  });

  it("no longer binds the key from the very moment its record expires", async () => {
    const at = new Date("2030-01-01T12:00:00.000Z");
    const call = keyedCall();
    await db.idempotencyRecord.create({
      data: { grantId: call.grantId, operation: call.operation, key: call.key, requestHash: "other arguments", status: "completed", response: { n: 0 }, expiresAt: at },
    });
    vi.useFakeTimers({ toFake: ["Date"], now: at });
    try {
      expect(await withIdempotencyKey(call, (tx) => write(tx, call))).toMatchObject({ replayed: false, result: { n: 1 } });
    } finally {
      vi.useRealTimers();
    }
  });

  it("waits for a long write transaction ahead of it instead of failing", async () => {
    const call = keyedCall();
    const busy = deferred();
    const ahead = db.$transaction(
      async (tx) => {
        await tx.auditEvent.create({ data: { type: "settings.changed", grantId: `${call.grantId}-ahead` } });
        await busy.promise;
      },
      { timeout: 20_000 },
    );
    const keyed = withIdempotencyKey(call, (tx) => write(tx, call)).catch((error: unknown) => error);
    // Longer than Prisma's default waits for a transaction to start and to finish.
    await new Promise((r) => setTimeout(r, 6_500));
    busy.resolve();
    await ahead;
    expect(await keyed).toMatchObject({ replayed: false, result: { n: 1 } });
  });

  /**
   * Runs `work` with the clock set before each transaction to the next of `times` (the last one
   * staying): a keyed call's claim and its read of the record that blocked the claim are
   * transactions of their own, so this puts a moment between them.
   */
  async function withClockPerTransaction<R>(times: Date[], work: () => Promise<R>): Promise<{ outcome: R | unknown; transactions: number }> {
    vi.useFakeTimers({ toFake: ["Date"], now: times[0] });
    const transaction = db.$transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    let transactions = 0;
    const spy = vi.spyOn(db, "$transaction").mockImplementation(((...args: unknown[]) => {
      vi.setSystemTime(times[Math.min(transactions, times.length - 1)]!);
      transactions += 1;
      return transaction(...args);
    }) as never);
    try {
      const outcome = await work().catch((error: unknown) => error);
      return { outcome, transactions };
    } finally {
      spy.mockRestore();
      vi.useRealTimers();
    }
  }

  /** A completed record binding `call`'s key until `expiresAt`, for the same arguments. */
  async function completedRecord(call: IdempotentCall, expiresAt: Date) {
    const first = await withIdempotencyKey(call, (tx) => write(tx, call, 0));
    await db.idempotencyRecord.updateMany({ where: { grantId: call.grantId }, data: { expiresAt } });
    return first;
  }

  it("performs anew when the record that blocked its claim expires before it can be replayed", async () => {
    const at = new Date("2030-01-01T12:00:00.000Z");
    const call = keyedCall();
    await completedRecord(call, new Date(at.getTime() + 1000));
    const perform = vi.fn((tx: DbTx) => write(tx, call, 1));
    const { outcome } = await withClockPerTransaction([at, new Date(at.getTime() + 2000)], () => withIdempotencyKey(call, perform));
    expect(outcome).toMatchObject({ replayed: false, result: { n: 1 } });
    expect(perform).toHaveBeenCalledOnce();
  });

  it("gives up after three claims lost to a record it never gets to replay, saying the request is still being processed", async () => {
    const at = new Date("2030-01-01T12:00:00.000Z");
    const later = new Date(at.getTime() + 2000);
    const call = keyedCall();
    await completedRecord(call, new Date(at.getTime() + 1000));
    const perform = vi.fn((tx: DbTx) => write(tx, call, 1));
    // Each claim sees the record binding the key; each read finds it expired.
    const { outcome, transactions } = await withClockPerTransaction([at, later, at, later, at, later, at], () => withIdempotencyKey(call, perform));
    expect(isDomainError(outcome) && outcome.code === "conflict" && outcome.message).toBe(
      `A request with the idempotency key "${call.key}" is still being processed. Retry in a moment to get its result.`,
    );
    expect(transactions).toBe(6);
    expect(perform).not.toHaveBeenCalled();
  });

  it("passes on exactly what perform threw, not a 'still being processed' of its own", async () => {
    const call = keyedCall();
    const failure = new Error("the domain refused");
    await expect(withIdempotencyKey(call, () => Promise.reject(failure))).rejects.toBe(failure);
  });

  it("passes on a storage failure of the claim itself, rather than taking it for a key already in use", async () => {
    const call = keyedCall();
    const failure = new Error("SQLITE_FULL: database or disk is full");
    const transaction = db.$transaction.bind(db) as (work: (tx: DbTx) => Promise<unknown>, options?: unknown) => Promise<unknown>;
    const spy = vi.spyOn(db, "$transaction").mockImplementation(((work: (tx: DbTx) => Promise<unknown>, options?: unknown) =>
      transaction((tx) => {
        const failingRecords = new Proxy(tx.idempotencyRecord, { get: (target, name) => (name === "create" ? () => Promise.reject(failure) : Reflect.get(target, name)) });
        return work(new Proxy(tx, { get: (target, name) => (name === "idempotencyRecord" ? failingRecords : Reflect.get(target, name)) }));
      }, options)) as never);
    const perform = vi.fn((tx: DbTx) => write(tx, call));
    try {
      await expect(withIdempotencyKey(call, perform)).rejects.toBe(failure);
    } finally {
      spy.mockRestore();
    }
    expect(perform).not.toHaveBeenCalled();
    expect(await writesOf(call)).toBe(0);
  });

  it("claims again when the record that blocked its claim is gone by the time it is read", async () => {
    const call = keyedCall();
    await completedRecord(call, new Date(Date.now() + 3600_000));
    const transaction = db.$transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    let transactions = 0;
    const spy = vi.spyOn(db, "$transaction").mockImplementation((async (...args: unknown[]) => {
      transactions += 1;
      // Between the lost claim and the read, someone (the sweep, a revocation) deletes the record.
      if (transactions === 2) await db.idempotencyRecord.deleteMany({ where: { grantId: call.grantId } });
      return transaction(...args);
    }) as never);
    const perform = vi.fn((tx: DbTx) => write(tx, call, 7));
    try {
      expect(await withIdempotencyKey(call, perform)).toMatchObject({ replayed: false, result: { n: 7 } });
    } finally {
      spy.mockRestore();
    }
    expect(perform).toHaveBeenCalledOnce();
  });

  it("does not replay a record read at the very moment it expires", async () => {
    const expiresAt = new Date("2030-01-01T12:00:00.000Z");
    const call = keyedCall();
    await completedRecord(call, expiresAt);
    const perform = vi.fn((tx: DbTx) => write(tx, call, 1));
    // The claim a millisecond before expiry loses to the record; the read is at expiry itself.
    const { outcome } = await withClockPerTransaction([new Date(expiresAt.getTime() - 1), expiresAt], () => withIdempotencyKey(call, perform));
    expect(outcome).toMatchObject({ replayed: false, result: { n: 1 } });
    expect(perform).toHaveBeenCalledOnce();
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

  it("deletes a record from the moment it expires, and not a millisecond before", async () => {
    const grantId = `grant-${randomUUID()}`;
    const now = new Date("2030-01-01T12:00:00.000Z");
    const record = (key: string, expiresAt: Date) => ({ grantId, operation: "test:sweep", key, requestHash: "h", status: "completed", response: {}, expiresAt });
    await db.idempotencyRecord.createMany({ data: [record("now", now), record("later", new Date(now.getTime() + 1))] });
    await deleteExpiredIdempotencyRecords(now);
    expect(await db.idempotencyRecord.findMany({ where: { grantId }, select: { key: true } })).toEqual([{ key: "later" }]);
  });

  it("judges expiry by the current time when given none", async () => {
    const grantId = `grant-${randomUUID()}`;
    await db.idempotencyRecord.create({
      data: { grantId, operation: "test:sweep", key: "k", requestHash: "h", status: "completed", response: {}, expiresAt: new Date(Date.now() - 1000) },
    });
    await deleteExpiredIdempotencyRecords();
    expect(await db.idempotencyRecord.count({ where: { grantId } })).toBe(0);
  });
});
