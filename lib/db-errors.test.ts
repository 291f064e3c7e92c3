/**
 * The storage classification against real failures: each row provokes the condition for real
 * (a page limit for a full disk, query_only for a read-only database, a tmpfs filled or mounted
 * read-only where this machine allows mounting) and classifies whatever error object Prisma,
 * its driver adapter or better-sqlite3 actually hands back. PostgreSQL rows are the shape
 * @prisma/adapter-pg reports, written out (no server here).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { bestEffortWrite, storageUnavailableOf, type StorageProblem } from "./db-errors";
import { mountTmpfs, type Tmpfs } from "./testing/tmpfs";

const template = process.env.DATABASE_URL!.replace(/^file:/, "");
const scratchDir = fs.mkdtempSync(path.join(path.dirname(template), "scratch-"));
const clients: PrismaClient[] = [];

/** A client of its own on a fresh copy of the migrated database (journal mode as in production: WAL). */
function scratchClient(dir = scratchDir): { db: PrismaClient; file: string } {
  const file = path.join(dir, `db-${clients.length}.db`);
  fs.copyFileSync(template, file);
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.close();
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 200 }) });
  clients.push(db);
  return { db, file };
}

afterAll(async () => {
  for (const client of clients) await client.$disconnect().catch(() => undefined);
});

const bigUser = () => ({ data: { email: `${Math.random()}@example.com`, name: "x".repeat(200_000), passwordHash: "x" } });

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the operation to fail");
}

async function fullDatabase(): Promise<PrismaClient> {
  const { db } = scratchClient();
  // The file may not grow past the pages it has: the next page it needs fails as SQLITE_FULL.
  await db.$queryRawUnsafe("PRAGMA max_page_count = 1");
  return db;
}

async function readOnlyDatabase(): Promise<PrismaClient> {
  const { db } = scratchClient();
  await db.$queryRawUnsafe("PRAGMA query_only = 1");
  return db;
}

describe("storageUnavailableOf on real failures", () => {
  const rows: [string, () => Promise<unknown>, StorageProblem | null, RegExp][] = [
    ["a model write on a full database (P2039)", async () => caught(async () => (await fullDatabase()).user.create(bigUser())), "full", /SQLITE_FULL/],
    [
      "a write inside an interactive transaction on a full database (DriverAdapterError)",
      async () => {
        const db = await fullDatabase();
        return caught(() => db.$transaction((tx) => tx.user.create(bigUser())));
      },
      "full",
      /SQLITE_FULL/,
    ],
    [
      "a raw write on a full database (P2010)",
      async () => {
        const db = await fullDatabase();
        return caught(() => db.$executeRawUnsafe(`INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES ('u', 'u@x', ?, 'x', 0)`, "x".repeat(200_000)));
      },
      "full",
      /SQLITE_FULL/,
    ],
    ["a model write on a read-only connection", async () => caught(async () => (await readOnlyDatabase()).user.create(bigUser())), "read_only", /SQLITE_READONLY/],
    [
      "an upsert on a read-only connection inside a transaction",
      async () => {
        const db = await readOnlyDatabase();
        return caught(() => db.$transaction((tx) => tx.storageProbe.upsert({ where: { id: 1 }, create: { id: 1 }, update: { writtenAt: new Date() } })));
      },
      "read_only",
      /SQLITE_READONLY/,
    ],
    [
      "better-sqlite3 on its own, read-only",
      async () => {
        const { file } = scratchClient();
        const raw = new Database(file);
        raw.pragma("query_only = 1");
        try {
          return caught(async () => raw.prepare(`DELETE FROM "User"`).run());
        } finally {
          raw.close();
        }
      },
      "read_only",
      /SQLITE_READONLY/,
    ],
    [
      "a database whose folder does not exist",
      async () => {
        const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${path.join(scratchDir, "missing", "x.db")}` }) });
        clients.push(db);
        return caught(() => db.user.count());
      },
      "unavailable",
      /directory does not exist/,
    ],
    [
      "a unique violation is not a storage failure",
      async () => {
        const { db } = scratchClient();
        await db.user.create({ data: { email: "same@example.com", name: "A", passwordHash: "x" } });
        return caught(() => db.user.create({ data: { email: "same@example.com", name: "B", passwordHash: "x" } }));
      },
      null,
      /P2002/,
    ],
    [
      "a busy database is not a storage failure",
      async () => {
        const { db, file } = scratchClient();
        const other = new Database(file);
        other.prepare("BEGIN IMMEDIATE").run();
        try {
          return await caught(() => db.user.create({ data: { email: "busy@example.com", name: "A", passwordHash: "x" } }));
        } finally {
          other.prepare("ROLLBACK").run();
          other.close();
        }
      },
      null,
      /timed out|BUSY|locked/i,
    ],
    ["an ordinary error", async () => new Error("something else"), null, /something else/],
  ];

  it.each(rows)("%s", async (_name, provoke, problem, shape) => {
    const error = await provoke();
    const described = `${String((error as Error).message)} ${JSON.stringify(error)}`;
    expect(described).toMatch(shape);
    expect(storageUnavailableOf(error)?.problem ?? null).toBe(problem);
  });
});

describe("storageUnavailableOf on shapes reported elsewhere", () => {
  it.each([
    ["PostgreSQL disk_full through @prisma/adapter-pg", { name: "DriverAdapterError", cause: { kind: "postgres", code: "53100", originalCode: "53100", message: "could not extend file" } }, "full"],
    ["PostgreSQL read_only_sql_transaction in a Prisma error", { code: "P2039", meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "25006" } } } }, "read_only"],
    ["SQLite I/O error on write", { code: "SQLITE_IOERR_WRITE", message: "disk I/O error" }, "io_error"],
    ["an extended SQLite code better-sqlite3 has no name for (SQLITE_READONLY_DIRECTORY)", { cause: { kind: "sqlite", originalCode: "UNKNOWN_SQLITE_ERROR_1544" } }, "read_only"],
    ["Node's ENOSPC", Object.assign(new Error("no space left on device"), { code: "ENOSPC" }), "full"],
    ["Node's EROFS", Object.assign(new Error("read-only file system"), { code: "EROFS" }), "read_only"],
    ["only the message survived", new Error("Invalid invocation: attempt to write a readonly database"), "read_only"],
  ])("%s", (_name, error, problem) => {
    expect(storageUnavailableOf(error)?.problem).toBe(problem);
  });

  it("says why in words", () => {
    expect(storageUnavailableOf({ code: "SQLITE_FULL" })?.reason).toBe("the disk is full");
    expect(storageUnavailableOf({ code: "SQLITE_READONLY" })?.reason).toBe("the database is read-only");
  });
});

describe("on a real disk", () => {
  const mounted = mountTmpfs(8, "hourbook-db-errors-");
  afterAll(() => {
    if (mounted.ok) mounted.tmpfs.unmount();
  });

  it("a full tmpfs: Node's ENOSPC and SQLite's SQLITE_FULL, and writes work again once space is freed", async (ctx) => {
    if (!mounted.ok) return ctx.skip(mounted.reason);
    const { tmpfs } = mounted;
    const { db } = scratchClient(tmpfs.dir);
    await db.user.count();
    const ballast = tmpfs.fill();
    expect(storageUnavailableOf(await caught(async () => fs.appendFileSync(ballast, "x")))?.problem).toBe("full");
    expect(storageUnavailableOf(await caught(() => db.user.create(bigUser())))?.problem).toBe("full");
    expect(await db.user.count()).toBe(0);
    tmpfs.drain();
    await db.user.create(bigUser());
    expect(await db.user.count()).toBe(1);
    await db.$disconnect();
  });

  async function writeOnReadOnlyMount(file: string): Promise<unknown> {
    const { tmpfs } = mounted as { tmpfs: Tmpfs };
    tmpfs.remount("ro");
    try {
      const raw = new Database(file);
      try {
        return await caught(async () => raw.prepare(`DELETE FROM "User"`).run());
      } finally {
        raw.close();
      }
    } finally {
      tmpfs.remount("rw");
    }
  }

  it("a WAL database closed cleanly, then its mount read-only: it cannot even be opened (SQLITE_CANTOPEN)", async (ctx) => {
    if (!mounted.ok) return ctx.skip(mounted.reason);
    const { file } = scratchClient(mounted.tmpfs.dir);
    expect(storageUnavailableOf(await writeOnReadOnlyMount(file))?.problem).toBe("unavailable");
  });

  it("a WAL database whose -wal and -shm were left behind, opened on a read-only mount: SQLITE_READONLY on writes", async (ctx) => {
    if (!mounted.ok) return ctx.skip(mounted.reason);
    const { file } = scratchClient(mounted.tmpfs.dir);
    // A process killed with the database open leaves its -wal and -shm beside it.
    spawnSync(process.execPath, ["-e", `const D = require("better-sqlite3"); new D(${JSON.stringify(file)}).prepare("SELECT 1 FROM User").all(); process.kill(process.pid, "SIGKILL")`]);
    expect(fs.existsSync(`${file}-shm`)).toBe(true);
    expect(storageUnavailableOf(await writeOnReadOnlyMount(file))?.problem).toBe("read_only");
  });
});

describe("bestEffortWrite", () => {
  it("swallows a storage failure and says it did not save", async () => {
    const db = await readOnlyDatabase();
    await expect(bestEffortWrite("a test write", () => db.user.create(bigUser()))).resolves.toBe(false);
  });

  it("rethrows anything else", async () => {
    await expect(bestEffortWrite("a test write", async () => Promise.reject(new Error("a bug")))).rejects.toThrow("a bug");
  });

  it("says it saved", async () => {
    const { db } = scratchClient();
    await expect(bestEffortWrite("a test write", () => db.user.create(bigUser()))).resolves.toBe(true);
  });
});
