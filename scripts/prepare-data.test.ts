import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareData } from "./prepare-data.mjs";

/** The environment of a shell that sets only HOURBOOK_DATA_DIR (the test harness sets DATABASE_URL). */
function shellEnv(dataDir: string): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, HOURBOOK_DATA_DIR: dataDir };
}

function countRows(file: string, table: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe("prepareData with a data folder of its own", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-datadir-"));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("creates, migrates and seeds the database inside that folder, not the default one", async () => {
    const first = path.join(root, "instance-a");
    const second = path.join(root, "instance-b");
    const defaultDb = path.resolve(".data", "hourbook.db");
    const defaultBefore = fs.existsSync(defaultDb) ? fs.statSync(defaultDb).mtimeMs : null;

    await prepareData({ env: shellEnv(first) });
    await prepareData({ env: shellEnv(second) });

    for (const dir of [first, second]) {
      const file = path.join(dir, "hourbook.db");
      expect(fs.existsSync(file)).toBe(true);
      expect(countRows(file, "User")).toBeGreaterThan(0);
      expect(countRows(file, "Invoice")).toBeGreaterThan(0);
    }
    // Two databases, not one shared: invoices deleted in A are still in B.
    const a = new Database(path.join(first, "hourbook.db"));
    a.prepare(`DELETE FROM "Invoice"`).run();
    a.close();
    expect(countRows(path.join(second, "hourbook.db"), "Invoice")).toBeGreaterThan(0);
    expect(fs.existsSync(defaultDb) ? fs.statSync(defaultDb).mtimeMs : null).toBe(defaultBefore);
  }, 120_000);
});

describe("prepareData refuses a database it cannot run on, before touching anything", () => {
  it("another kind of DATABASE_URL: the reason, and no data folder made", async () => {
    const dataDir = path.join(os.tmpdir(), `hourbook-never-${process.pid}-${Date.now()}`);
    await expect(prepareData({ env: { ...process.env, HOURBOOK_DATA_DIR: dataDir, DATABASE_URL: "mysql://root:hunter2@127.0.0.1:1/hourbook" } })).rejects.toThrow(
      /DATABASE_URL must be a file: URL \(SQLite\) or a postgresql:\/\/ URL/,
    );
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it("a PostgreSQL server that does not answer: which database, and what to check", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-unreachable-"));
    await expect(prepareData({ env: { ...process.env, HOURBOOK_DATA_DIR: dataDir, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/hourbook" } })).rejects.toThrow(
      /Cannot open the PostgreSQL database of DATABASE_URL \(127\.0\.0\.1:1\/hourbook\): .*ECONNREFUSED.*Is the server running/,
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
