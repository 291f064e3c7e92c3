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
 * Reads what the database already has, without changing it. `migrated` is true only when every
 * migration folder is recorded as applied, so a new or failed migration still goes through the
 * migration script (which also reports failures properly).
 */
function inspectSqlite(file, cwd) {
  if (!fs.existsSync(file)) return { migrated: false, hasUsers: false };
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
    if (!tables.has("_prisma_migrations")) return { migrated: false, hasUsers: false };
    const applied = new Set(
      db
        .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
        .pluck()
        .all(),
    );
    const migrated = migrationNames(cwd).every((name) => applied.has(name));
    const hasUsers = tables.has("User") && db.prepare('SELECT EXISTS (SELECT 1 FROM "User")').pluck().get() === 1;
    return { migrated, hasUsers };
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

/**
 * Prepares the data folder and database named by `env`. Returns what it did, for callers that
 * want to report it.
 */
export async function prepareData({ env = process.env, cwd = repoRoot } = {}) {
  const dataDir = path.resolve(cwd, dataDirOf(env));
  const databaseUrl = databaseUrlOf(env);
  fs.mkdirSync(dataDir, { recursive: true });

  const file = sqliteFile(databaseUrl, cwd);
  if (!file) {
    // A server database: the migration script and the seed decide for themselves what is needed.
    await migrate(cwd, env);
    await seed(cwd, env);
    return { dataDir, migrated: true, seeded: true };
  }

  const before = inspectSqlite(file, cwd);
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
