#!/usr/bin/env node
// Gets the data folder and database ready for the app: creates the folder, applies pending
// migrations, switches SQLite to WAL and seeds the demo data into an empty database.
// Used by `npm start`, `npm run dev` and the Playwright web server; safe to run every time
// (a prepared database costs one SQLite open and a few small queries).
//
// Reads the same variables, with the same defaults (lib/data-location.mjs), as lib/env.ts:
// HOURBOOK_DATA_DIR, and DATABASE_URL (default: hourbook.db inside the data folder).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { databaseUrlOf, dataDirOf } from "../lib/data-location.mjs";
import { engineOf } from "../lib/database-engine.mjs";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");


/** The SQLite file of a file: URL, resolved like the driver does (against the working directory). */
export function sqliteFile(url, cwd = repoRoot) {
  if (!url.startsWith("file:")) return null;
  return path.resolve(cwd, url.slice("file:".length).replace(/\?.*$/, ""));
}

/** Runs a command with inherited output; rejects with `failure` when it does not exit 0. */
function run(command, args, { cwd, env, failure }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit" });
    child.on("error", (error) => reject(new Error(`${failure}: ${error.message}`)));
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${failure} (${signal ? `killed by ${signal}` : `exit code ${code}`}).`));
    });
  });
}

function migrationNames(cwd) {
  const dir = path.join(cwd, "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/**
 * Reads what the database already has. `migrated` is true only when every migration folder is
 * recorded as applied, so a new or failed migration still goes through the migration script
 * (which also reports failures properly). `empty`: nobody's data is in it (no user, no
 * workspace) — what a first start that was interrupted leaves behind.
 *
 * Opened read-write: a process killed mid-write leaves a hot journal, which only a writer can
 * roll back; a read-only open fails on it ("attempt to write a readonly database").
 */
function inspectSqlite(file, cwd) {
  const db = new Database(file, { fileMustExist: true });
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
    const count = (table) => (tables.has(table) ? db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() : 0);
    const empty = count("User") === 0 && count("Workspace") === 0;
    if (!tables.has("_prisma_migrations")) return { migrated: false, hasUsers: false, empty };
    const applied = new Set(
      db
        .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
        .pluck()
        .all(),
    );
    const migrated = migrationNames(cwd).every((name) => applied.has(name));
    return { migrated, hasUsers: count("User") > 0, empty };
  } finally {
    db.close();
  }
}

/**
 * WAL lets the web server read while another process (a seed, a script) writes. The mode is
 * stored in the database file, so setting it once is enough.
 */
function ensureWal(file) {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (db.pragma("journal_mode", { simple: true }) !== "wal") db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

function migrate(cwd, env) {
  return run(process.execPath, ["scripts/migrate.mjs", "deploy"], {
    cwd,
    env,
    failure: "Applying the database migrations failed (node scripts/migrate.mjs deploy); see the messages above",
  });
}

function seed(cwd, env) {
  const tsx = path.join(cwd, "node_modules", ".bin", "tsx");
  if (!fs.existsSync(tsx)) throw new Error(`${tsx} is missing: run \`npm install\` first.`);
  return run(tsx, ["prisma/seed.ts"], {
    cwd,
    env,
    failure: "Seeding the demo data failed (npm run db:seed); see the messages above",
  });
}

/** An arbitrary constant: the PostgreSQL advisory lock every instance's preparation takes. */
const PREPARE_LOCK_ID = 4_873_201_115;

/**
 * Runs `work` holding a PostgreSQL session-level advisory lock, so several instances starting at
 * once prepare the database one after another: the first migrates and seeds, the others find
 * it done. The lock ends with the session, also when this process dies.
 */
async function whilePreparingAlone(databaseUrl, work) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    const { host, port, pathname } = new URL(databaseUrl);
    throw new Error(`Cannot open the PostgreSQL database of DATABASE_URL (${host}${port ? "" : ":5432"}${pathname}): ${error.message}. Is the server running, and does the database exist (createdb)?`);
  }
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PREPARE_LOCK_ID]);
    await work();
  } finally {
    await client.end();
  }
}

const SQLITE_SIDE_FILES = ["", "-journal", "-wal", "-shm"];

/**
 * Builds a new embedded database — migrated, in WAL mode, with the demo data — beside `file`
 * and moves it into place with one rename. A start killed at any instant leaves either no
 * database (the next start begins again) or a complete one, never a half-made one.
 */
async function createSqliteDatabase(file, cwd, env) {
  const preparing = `${file}.preparing`;
  for (const suffix of SQLITE_SIDE_FILES) fs.rmSync(`${preparing}${suffix}`, { force: true });
  const preparingEnv = { ...env, DATABASE_URL: `file:${preparing}` };
  await migrate(cwd, preparingEnv);
  ensureWal(preparing);
  await seed(cwd, preparingEnv);
  // A clean close checkpoints the WAL into the file and removes it, so the file is whole.
  const db = new Database(preparing, { fileMustExist: true });
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  for (const suffix of SQLITE_SIDE_FILES.slice(1)) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.renameSync(preparing, file);
}

/**
 * Prepares the data folder and database named by `env`. Returns what it did, for callers that
 * want to report it. Safe to interrupt at any instant and run again.
 */
export async function prepareData({ env = process.env, cwd = repoRoot } = {}) {
  const dataDir = path.resolve(cwd, dataDirOf(env));
  const databaseUrl = databaseUrlOf(env);
  // Before anything is created or connected to: another kind of URL is refused with the reason.
  engineOf(databaseUrl);
  fs.mkdirSync(dataDir, { recursive: true });

  const file = sqliteFile(databaseUrl, cwd);
  if (!file) {
    // A server database: the migration script and the seed decide for themselves what is needed,
    // one instance at a time, so instances started together never seed an empty database twice.
    await whilePreparingAlone(databaseUrl, async () => {
      await migrate(cwd, env);
      await seed(cwd, env);
    });
    return { dataDir, migrated: true, seeded: true };
  }

  // No database yet, or only the remains of an interrupted first start: make it afresh.
  const before = fs.existsSync(file) ? inspectSqlite(file, cwd) : null;
  if (!before || before.empty) {
    await createSqliteDatabase(file, cwd, env);
    return { dataDir, migrated: true, seeded: true };
  }
  if (!before.migrated) await migrate(cwd, env);
  ensureWal(file);
  if (!before.hasUsers) await seed(cwd, env);
  return { dataDir, migrated: !before.migrated, seeded: !before.hasUsers };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  process.chdir(repoRoot);
  prepareData().then(
    () => console.log("Data folder and database are ready."),
    (error) => {
      console.error(`prepare-data: ${error.message}`);
      process.exit(1);
    },
  );
}
