/**
 * Prisma's better-sqlite3 adapter, made to recover from storage failures without a restart.
 *
 * Why it is needed: when SQLite cannot open the database file read-write (the mount is
 * read-only), it opens it read-only without a word, and the -shm index with it; Prisma's
 * adapter keeps that one connection for the life of the process. After the mount became
 * writable again every write still failed with SQLITE_READONLY until the server was restarted.
 * A connection that hit I/O errors can likewise stay broken.
 *
 * So after a read-only, I/O or cannot-open failure, the connection is marked suspect; the next
 * operation at least `cooldownMs` later (and while no transaction is open on it) closes it,
 * opens a new one and test-writes in a transaction it rolls back. Writable: back to normal.
 * Still read-only: it tries again after the next cool-down. The old connection is closed
 * before the new one opens because SQLite shares one -shm mapping among all connections of a
 * process to the same file: a new connection beside a read-only one would be read-only too.
 *
 * A full disk needs none of this (the same connection writes again once there is space), but
 * after a failed COMMIT the transaction is rolled back explicitly, as SQLite asks
 * (https://sqlite.org/lang_transaction.html: "It is recommended that applications respond to
 * the errors listed above by explicitly issuing a ROLLBACK command"), so a connection is never
 * left inside a transaction nobody owns.
 */
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";
import { storageUnavailableOf } from "./db-errors";

/** How long after a read-only or I/O failure the connection is reopened (and between tries). */
export const REOPEN_COOLDOWN_MS = 5_000;

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });
const ROLLBACK = statement("ROLLBACK");
// Rolled back at once: it only asks SQLite whether this connection may write.
const TEST_WRITE = statement(`INSERT OR REPLACE INTO "StorageProbe" ("id", "writtenAt") VALUES (0, 0)`);

/** What the connection has seen, for the health check and tests. */
export interface ConnectionState {
  /** A read-only, I/O or cannot-open failure not yet cured by a reopen, and its reason. */
  suspect: { since: Date; reason: string } | null;
  reopened: number;
}

export interface ReopeningAdapterFactory extends SqlDriverAdapterFactory {
  /** The state of the connection Prisma currently holds (null before it connected). */
  state(): ConnectionState | null;
}

export function reopeningSqliteAdapter(inner: SqlDriverAdapterFactory, { cooldownMs = REOPEN_COOLDOWN_MS } = {}): ReopeningAdapterFactory {
  let current: ReopeningSqliteAdapter | null = null;
  return {
    provider: "sqlite",
    adapterName: inner.adapterName,
    async connect() {
      current = new ReopeningSqliteAdapter(inner, await inner.connect(), cooldownMs);
      return current;
    },
    state: () => current?.state() ?? null,
  };
}

class ReopeningSqliteAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  #connection: SqlDriverAdapter | null;
  #suspect: { since: Date; reason: string } | null = null;
  #lastAttempt = 0;
  #openTransactions = 0;
  #reopening: Promise<void> | null = null;
  #reopened = 0;

  constructor(
    private readonly factory: SqlDriverAdapterFactory,
    connection: SqlDriverAdapter,
    private readonly cooldownMs: number,
  ) {
    this.adapterName = connection.adapterName;
    this.#connection = connection;
  }

  state(): ConnectionState {
    return { suspect: this.#suspect, reopened: this.#reopened };
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#run((connection) => connection.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#run((connection) => connection.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.#run((connection) => connection.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const transaction = await this.#run((connection) => connection.startTransaction(isolationLevel));
    this.#openTransactions += 1;
    return new TrackedTransaction(
      transaction,
      () => (this.#openTransactions -= 1),
      (error) => this.#note(error),
    );
  }

  async dispose(): Promise<void> {
    const connection = this.#connection;
    this.#connection = null;
    await connection?.dispose();
  }

  async #run<T>(operation: (connection: SqlDriverAdapter) => Promise<T>): Promise<T> {
    await this.#reopenIfDue();
    try {
      this.#connection ??= await this.factory.connect();
      return await operation(this.#connection);
    } catch (error) {
      this.#note(error);
      throw error;
    }
  }

  #note(error: unknown): void {
    const storage = storageUnavailableOf(error);
    if (!storage || storage.problem === "full" || this.#suspect) return;
    this.#suspect = { since: new Date(), reason: storage.reason };
    this.#lastAttempt = Date.now();
    console.warn(`Database connection failed (${storage.code}: ${storage.reason}); it will be reopened.`);
  }

  async #reopenIfDue(): Promise<void> {
    if (this.#reopening) return this.#reopening;
    if (!this.#suspect || this.#openTransactions > 0 || Date.now() - this.#lastAttempt < this.cooldownMs) return;
    this.#reopening = this.#reopen().finally(() => (this.#reopening = null));
    return this.#reopening;
  }

  async #reopen(): Promise<void> {
    this.#lastAttempt = Date.now();
    const old = this.#connection;
    this.#connection = null;
    await old?.dispose().catch(() => undefined);
    try {
      this.#connection = await this.factory.connect();
    } catch (error) {
      // Left closed: the next operation tries to open it and reports why it cannot.
      console.warn("Reopening the database failed:", error);
      return;
    }
    this.#reopened += 1;
    if (await canWrite(this.#connection)) {
      console.warn("Database connection reopened; it takes writes again.");
      this.#suspect = null;
    }
  }
}

async function canWrite(connection: SqlDriverAdapter): Promise<boolean> {
  let transaction: Transaction | undefined;
  try {
    transaction = await connection.startTransaction();
    await transaction.executeRaw(TEST_WRITE);
    return true;
  } catch {
    return false;
  } finally {
    if (transaction) {
      await transaction.executeRaw(ROLLBACK).catch(() => undefined);
      await transaction.rollback();
    }
  }
}

/** A transaction that reports when it ends and rolls back explicitly after a failed COMMIT. */
class TrackedTransaction implements Transaction {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly options: Transaction["options"];
  #settled = false;

  constructor(
    private readonly inner: Transaction,
    private readonly onSettled: () => void,
    private readonly note: (error: unknown) => void,
  ) {
    this.adapterName = inner.adapterName;
    this.options = inner.options;
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    try {
      return await this.inner.queryRaw(query);
    } catch (error) {
      this.note(error);
      throw error;
    }
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    try {
      return await this.inner.executeRaw(query);
    } catch (error) {
      this.note(error);
      if (/^\s*COMMIT\b/i.test(query.sql)) await this.inner.executeRaw(ROLLBACK).catch(() => undefined);
      throw error;
    }
  }

  commit(): Promise<void> {
    this.#settle();
    return this.inner.commit();
  }

  rollback(): Promise<void> {
    this.#settle();
    return this.inner.rollback();
  }

  async createSavepoint(name: string): Promise<void> {
    await (this.inner.createSavepoint ? this.inner.createSavepoint(name) : this.executeRaw(statement(`SAVEPOINT ${name}`)));
  }

  async rollbackToSavepoint(name: string): Promise<void> {
    await (this.inner.rollbackToSavepoint ? this.inner.rollbackToSavepoint(name) : this.executeRaw(statement(`ROLLBACK TO ${name}`)));
  }

  async releaseSavepoint(name: string): Promise<void> {
    await (this.inner.releaseSavepoint ? this.inner.releaseSavepoint(name) : this.executeRaw(statement(`RELEASE SAVEPOINT ${name}`)));
  }

  #settle(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.onSettled();
  }
}
