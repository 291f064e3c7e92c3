/**
 * The connection reopens itself after a read-only failure: once the cool-down has passed, no
 * transaction is open, and never before. On a real read-only mount (where this machine allows
 * mounting), a server that first opened its database while the mount was read-only writes
 * again once the mount is writable — which Prisma's adapter alone never does.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { storageUnavailableOf } from "./db-errors";
import { reopeningSqliteAdapter, type ReopeningAdapterFactory } from "./reopening-sqlite-adapter";
import { mountTmpfs } from "./testing/tmpfs";

const template = process.env.DATABASE_URL!.replace(/^file:/, "");
const scratchDir = fs.mkdtempSync(path.join(path.dirname(template), "reopen-"));
const clients: PrismaClient[] = [];

function copyDatabase(dir: string): string {
  const file = path.join(dir, `db-${clients.length}-${Math.random().toString(36).slice(2)}.db`);
  fs.copyFileSync(template, file);
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.close();
  return file;
}

function client(file: string, cooldownMs: number): { db: PrismaClient; adapter: ReopeningAdapterFactory } {
  const adapter = reopeningSqliteAdapter(new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 1_000 }), { cooldownMs });
  const db = new PrismaClient({ adapter });
  clients.push(db);
  return { db, adapter };
}

afterAll(async () => {
  for (const c of clients) await c.$disconnect().catch(() => undefined);
});

const newUser = () => ({ data: { email: `${Math.random()}@example.com`, name: "A", passwordHash: "x" } });

async function failure(work: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await work();
  } catch (error) {
    return storageUnavailableOf(error)?.problem ?? `not a storage failure: ${String(error)}`;
  }
  return undefined;
}

describe("reopening after a read-only failure", () => {
  it("reopens on the first operation after the cool-down and takes writes again", async () => {
    const { db, adapter } = client(copyDatabase(scratchDir), 0);
    await db.$queryRawUnsafe("PRAGMA query_only = 1"); // this connection, not the file, is read-only
    expect(await failure(() => db.user.create(newUser()))).toBe("read_only");
    expect(adapter.state()?.suspect?.reason).toBe("the database is read-only");

    await db.user.create(newUser());
    expect(adapter.state()).toEqual({ suspect: null, reopened: 1 });
    expect(await db.user.count()).toBe(1);
  });

  it("keeps the connection during the cool-down", async () => {
    const { db, adapter } = client(copyDatabase(scratchDir), 60_000);
    await db.$queryRawUnsafe("PRAGMA query_only = 1");
    expect(await failure(() => db.user.create(newUser()))).toBe("read_only");
    expect(await failure(() => db.user.create(newUser()))).toBe("read_only");
    expect(adapter.state()?.reopened).toBe(0);
  });

  it("never reopens under an open transaction", async () => {
    const { db, adapter } = client(copyDatabase(scratchDir), 0);
    await db.$transaction(async (tx) => {
      await tx.$queryRawUnsafe("PRAGMA query_only = 1");
      expect(await failure(() => tx.user.create(newUser()))).toBe("read_only");
      // A query outside the transaction meanwhile runs on the same connection, unreopened.
      expect(await db.user.count()).toBe(0);
      expect(adapter.state()?.reopened).toBe(0);
      await tx.$queryRawUnsafe("PRAGMA query_only = 0");
    });
    await db.user.count();
    expect(adapter.state()?.reopened).toBe(1);
  });

  it("a full disk is not a reason to reopen", async () => {
    const { db, adapter } = client(copyDatabase(scratchDir), 0);
    await db.$queryRawUnsafe("PRAGMA max_page_count = 1");
    expect(await failure(() => db.user.create({ data: { email: "big@example.com", name: "x".repeat(100_000), passwordHash: "x" } }))).toBe("full");
    expect(adapter.state()).toEqual({ suspect: null, reopened: 0 });
  });
});

describe("on a real mount", () => {
  const mounted = mountTmpfs(8, "hourbook-reopen-");
  afterAll(() => {
    if (mounted.ok) mounted.tmpfs.unmount();
  });

  /** A database on the tmpfs with -wal and -shm left behind, as a killed server leaves them. */
  function databaseLeftOpen(): string {
    if (!mounted.ok) throw new Error(mounted.reason);
    const file = copyDatabase(mounted.tmpfs.dir);
    spawnSync(process.execPath, ["-e", `const D = require("better-sqlite3"); new D(${JSON.stringify(file)}).prepare("SELECT 1 FROM User").all(); process.kill(process.pid, "SIGKILL")`]);
    return file;
  }

  it("a database first opened on a read-only mount writes again once the mount is writable, without a restart", async (ctx) => {
    if (!mounted.ok) return ctx.skip(mounted.reason);
    const file = databaseLeftOpen();
    mounted.tmpfs.remount("ro");
    let remounted = false;
    try {
      const { db } = client(file, 0);
      expect(await db.user.count()).toBe(0);
      expect(await failure(() => db.user.create(newUser()))).toBe("read_only");
      expect(await failure(() => db.user.create(newUser()))).toBe("read_only"); // reopened, still read-only
      mounted.tmpfs.remount("rw");
      remounted = true;
      await db.user.create(newUser());
      expect(await db.user.count()).toBe(1);
      await db.$disconnect();
    } finally {
      if (!remounted) mounted.tmpfs.remount("rw");
    }
  });

  it("(why: Prisma's adapter alone keeps its read-only connection after the mount is writable)", async (ctx) => {
    if (!mounted.ok) return ctx.skip(mounted.reason);
    const file = databaseLeftOpen();
    mounted.tmpfs.remount("ro");
    const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}` }) });
    clients.push(db);
    try {
      expect(await failure(() => db.user.create(newUser()))).toBe("read_only");
    } finally {
      mounted.tmpfs.remount("rw");
    }
    expect(await failure(() => db.user.create(newUser()))).toBe("read_only");
    await db.$disconnect();
  });

  it("a COMMIT refused by a full disk leaves no transaction open: writes resume once space is freed", async (ctx) => {
    if (!mounted.ok) return ctx.skip(mounted.reason);
    const { db } = client(copyDatabase(mounted.tmpfs.dir), 0);
    await db.user.create(newUser());
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    mounted.tmpfs.fill();
    try {
      expect(await failure(() => db.$transaction(async (tx) => tx.user.create(newUser())))).toBe("full");
    } finally {
      mounted.tmpfs.drain();
    }
    await db.$transaction(async (tx) => tx.user.create(newUser()));
    expect(await db.user.count()).toBe(2);
    await db.$disconnect();
  });
});
