/**
 * A first start can be interrupted at any instant (kill -9) and the next start still ends
 * healthy with the complete demo data: the database is built beside its final name and
 * moved into place in one rename.
 */
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareData } from "./prepare-data.mjs";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-first-start-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function envFor(dataDir: string): NodeJS.ProcessEnv {
  const { DATABASE_URL: _harness, ...rest } = process.env;
  return { ...rest, HOURBOOK_DATA_DIR: dataDir };
}

/**
 * Runs `node scripts/prepare-data.mjs` and kills its whole process group (migration engine and
 * seed included) at a chosen point: when `when` first says so, given the output so far and
 * whether the half-made database file exists yet.
 */
function prepareAndKill(dataDir: string, when: (output: string, preparingExists: boolean) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/prepare-data.mjs"], { env: envFor(dataDir), detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const kill = () => {
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {
        // already finished
      }
    };
    const check = () => {
      if (when(output, fs.existsSync(path.join(dataDir, "hourbook.db.preparing")))) kill();
    };
    child.stdout.on("data", (chunk: Buffer) => ((output += chunk.toString()), check()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const poll = setInterval(check, 20);
    child.on("exit", () => {
      clearInterval(poll);
      resolve();
    });
  });
}

function demoCounts(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number;
    return { users: count("User"), workspaces: count("Workspace"), invoices: count("Invoice"), entries: count("TimeEntry") };
  } finally {
    db.close();
  }
}

// The demo data (prisma/seed/demo.ts) as an uninterrupted first start leaves it today: the
// seed tracks time relative to the current week, so how many entries it makes depends on the date.
let COMPLETE: ReturnType<typeof demoCounts>;
beforeAll(async () => {
  const dir = path.join(root, "uninterrupted");
  await prepareData({ env: envFor(dir) });
  COMPLETE = demoCounts(path.join(dir, "hourbook.db"));
  expect(COMPLETE).toMatchObject({ users: 2, workspaces: 4, invoices: 3 });
  expect(COMPLETE.entries).toBeGreaterThan(50);
}, 120_000);

let seedStartedAt = 0;
const KILL_POINTS: Array<[string, (output: string, preparingExists: boolean) => boolean]> = [
  ["during the migration (the database file just created)", (_output, exists) => exists],
  ["between the migration and the seed", (output) => output.includes("Applied:")],
  [
    "in the middle of the seed",
    (output) => {
      if (!output.includes("Applied:")) return false;
      seedStartedAt ||= Date.now();
      return Date.now() - seedStartedAt > 1_000;
    },
  ],
  ["after the seed, before the database is moved into place", (output) => output.includes("Seeded demo data")],
];

describe("an interrupted first start", () => {
  it.each(KILL_POINTS)("killed %s, the next start ends with the complete demo data", async (name, when) => {
    seedStartedAt = 0;
    const dir = path.join(root, name.replace(/\W+/g, "-"));
    await prepareAndKill(dir, when);
    const file = path.join(dir, "hourbook.db");
    // Whatever the kill left, there is no half-made database under the real name.
    if (fs.existsSync(file)) expect(demoCounts(file)).toEqual(COMPLETE);
    await prepareData({ env: envFor(dir) });
    expect(demoCounts(file)).toEqual(COMPLETE);
    expect(fs.existsSync(`${file}.preparing`)).toBe(false);
    // And a start after that changes nothing.
    await expect(prepareData({ env: envFor(dir) })).resolves.toMatchObject({ migrated: false, seeded: false });
  }, 120_000);

  it("recovers a database an older version left half-made: a failed first migration with its journal", async () => {
    const dir = path.join(root, "half-made");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "hourbook.db");
    // What a kill mid-migration used to leave: the migrations table with an unfinished row, and a hot journal.
    const db = new Database(file);
    db.exec(`CREATE TABLE "_prisma_migrations" (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, finished_at DATETIME, migration_name TEXT NOT NULL,
      logs TEXT, rolled_back_at DATETIME, started_at DATETIME NOT NULL DEFAULT current_timestamp, applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
    db.exec(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('x', 'x', '20261123032326_init')`);
    db.close();
    fs.writeFileSync(`${file}-journal`, "");
    await prepareData({ env: envFor(dir) });
    expect(demoCounts(file)).toEqual(COMPLETE);
  }, 120_000);
});
