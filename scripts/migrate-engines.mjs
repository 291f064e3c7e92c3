#!/usr/bin/env node
// Keeps both engines' migrations in step with prisma/schema.prisma, the one schema source.
//
//   node scripts/migrate-engines.mjs check          (npm run db:check)
//     exit 2 when either engine's migrations lag the schema, or the derived PostgreSQL schema
//     (prisma/postgresql/schema.prisma) is stale; SQLite is replayed in a temp file, PostgreSQL
//     on a throwaway server (or on POSTGRES_ADMIN_URL's server when set: only temp databases).
//   node scripts/migrate-engines.mjs dev --name <name>   (npm run db:migrate -- <name>)
//     creates the migration for SQLite on DATABASE_URL's database (as `migrate.mjs dev` does),
//     then the same-named one for PostgreSQL on a throwaway server.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { databaseUrlOf } from "../lib/data-location.mjs";
import { ENGINE_FILES } from "../lib/database-engine.mjs";
import { readDerivedSchema } from "./derive-postgres-schema.mjs";
import { startPostgres } from "./postgres-server.mjs";

// The project whose prisma/ folder is checked: the working directory, as for migrate.mjs.
const repoRoot = process.cwd();
const migrateScript = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrate.mjs");

/** Runs scripts/migrate.mjs with `env` added; returns its exit code (output inherited). */
function migrate(args, env) {
  const result = spawnSync(process.execPath, [migrateScript, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: "inherit",
  });
  return result.status ?? 1;
}

async function withPostgres(work) {
  if (process.env.POSTGRES_ADMIN_URL) return work(process.env.POSTGRES_ADMIN_URL);
  const server = await startPostgres();
  try {
    return await work(server.url());
  } finally {
    server.stop();
  }
}

function derivedSchemaIsCurrent() {
  const file = path.join(repoRoot, ENGINE_FILES.postgresql.schema);
  return fs.existsSync(file) && fs.readFileSync(file, "utf8") === readDerivedSchema(repoRoot);
}

async function check() {
  if (!derivedSchemaIsCurrent()) {
    console.log(`${ENGINE_FILES.postgresql.schema} is stale: run \`npm run db:generate\`.`);
    return 2;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-migrations-"));
  try {
    console.log("SQLite:");
    const sqlite = migrate(["check"], { DATABASE_URL: `file:${path.join(dir, "check.db")}` });
    if (sqlite !== 0) return sqlite;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log("PostgreSQL:");
  return withPostgres((url) => migrate(["check"], { DATABASE_URL: url }));
}

function newestMigration(dir) {
  return fs
    .readdirSync(path.join(repoRoot, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .at(-1);
}

async function dev(name) {
  if (!name) throw new Error("Name the migration: npm run db:migrate -- <name>");
  const before = newestMigration(ENGINE_FILES.sqlite.migrations);
  // The SQLite migration is made on DATABASE_URL's database when that is SQLite (the developer's,
  // so it is applied there too), otherwise on a throwaway file: a postgresql:// DATABASE_URL
  // must not make this step read the PostgreSQL files, which are derived only afterwards.
  const developerDatabase = databaseUrlOf(process.env);
  const scratch = developerDatabase.startsWith("file:") ? null : fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-migrate-"));
  const sqlite = migrate(["dev", "--name", name], { DATABASE_URL: scratch ? `file:${path.join(scratch, "dev.db")}` : developerDatabase });
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  if (sqlite !== 0) return sqlite;
  const created = newestMigration(ENGINE_FILES.sqlite.migrations);
  // No SQLite migration does not mean no PostgreSQL one: SQLite stores enums as text, so a new
  // enum value changes only PostgreSQL's database.
  const sqliteCreated = created !== before;
  const derived = spawnSync(process.execPath, [path.join(path.dirname(migrateScript), "derive-postgres-schema.mjs")], { cwd: repoRoot, stdio: "inherit" });
  if (derived.status !== 0) return derived.status ?? 1;
  return withPostgres(async (url) => {
    const pgBefore = newestMigration(ENGINE_FILES.postgresql.migrations);
    const code = migrate(["dev", "--name", name, "--create-only"], { DATABASE_URL: url });
    const pgCreated = newestMigration(ENGINE_FILES.postgresql.migrations);
    // Same folder name on both engines, so a migration reads as one change.
    if (code === 0 && sqliteCreated && pgCreated !== pgBefore && pgCreated !== created) {
      const folder = path.join(repoRoot, ENGINE_FILES.postgresql.migrations);
      fs.renameSync(path.join(folder, pgCreated), path.join(folder, created));
      console.log(`Renamed it to ${ENGINE_FILES.postgresql.migrations}/${created}`);
    }
    return code;
  });
}

const [command, flag, value] = process.argv.slice(2);
const run = command === "check" ? check() : command === "dev" && flag === "--name" ? dev(value) : null;
if (!run) {
  console.error("usage: npm run db:check | npm run db:migrate -- <name>  (migrate-engines.mjs check | dev --name <name>)");
  process.exit(1);
}
run.then(
  (code) => process.exit(code),
  (error) => {
    console.error(error.message);
    process.exit(1);
  },
);
