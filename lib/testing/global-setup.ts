/**
 * Vitest global setup (runs once, in the main process): migrates ONE template database, and
 * seeds a copy of it with the demo data, on the engine of this run (test-databases.ts). Each
 * test file then starts from a copy of the empty one (see setup-database.ts) and swaps in the
 * demo one when it asks (demo-data.ts): much faster than migrating or seeding per file, and
 * the seed runs outside the code a test file (or a mutation-testing run) is checking.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startPostgres } from "../../scripts/postgres-server.mjs";
import { copyPostgresDatabase, onPostgresServer, POSTGRES_DEMO, POSTGRES_TEMPLATE, postgresDatabaseUrl, testEngine } from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    /** Folder for this run's files (SQLite databases, data folders); removed when the run ends. */
    hourbookTestRoot: string;
    /** SQLite: the migrated, empty database every test file copies. */
    hourbookTemplateDb: string;
    /** SQLite: the same, with the demo data of prisma/seed/demo.ts. */
    hourbookDemoDb: string;
    /** PostgreSQL: the server's maintenance database URL ("" on SQLite). */
    hourbookPostgresAdminUrl: string;
  }
}

const repoRoot = path.resolve(import.meta.dirname, "../..");

function runScript(command: string, args: string[], env: Record<string, string>, what: string) {
  const result = spawnSync(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${what} failed:\n${result.stdout}${result.stderr}`);
}

function migrate(databaseUrl: string) {
  runScript(process.execPath, ["scripts/migrate.mjs", "deploy"], { DATABASE_URL: databaseUrl }, "Migrating the test template database");
}

function seed(databaseUrl: string, dataDir: string) {
  runScript(
    path.join(repoRoot, "node_modules/.bin/tsx"),
    ["prisma/seed.ts"],
    { DATABASE_URL: databaseUrl, HOURBOOK_DATA_DIR: dataDir },
    "Seeding the demo template database",
  );
}

async function setUpPostgres(root: string): Promise<{ adminUrl: string; stop: () => void }> {
  const server = process.env.POSTGRES_ADMIN_URL ? null : await startPostgres();
  const adminUrl = process.env.POSTGRES_ADMIN_URL ?? server!.url();
  await onPostgresServer(adminUrl, [
    `DROP DATABASE IF EXISTS "${POSTGRES_DEMO}" WITH (FORCE)`,
    `DROP DATABASE IF EXISTS "${POSTGRES_TEMPLATE}" WITH (FORCE)`,
    `CREATE DATABASE "${POSTGRES_TEMPLATE}"`,
  ]);
  migrate(postgresDatabaseUrl(adminUrl, POSTGRES_TEMPLATE));
  await copyPostgresDatabase(adminUrl, POSTGRES_TEMPLATE, POSTGRES_DEMO);
  seed(postgresDatabaseUrl(adminUrl, POSTGRES_DEMO), fs.mkdtempSync(path.join(root, "demo-")));
  return { adminUrl, stop: () => server?.stop() };
}

export default async function setup(project: TestProject) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-vitest-"));
  project.provide("hourbookTestRoot", root);
  if (testEngine() === "postgresql") {
    const postgres = await setUpPostgres(root);
    project.provide("hourbookPostgresAdminUrl", postgres.adminUrl);
    project.provide("hourbookTemplateDb", "");
    project.provide("hourbookDemoDb", "");
    return () => {
      postgres.stop();
      fs.rmSync(root, { recursive: true, force: true });
    };
  }
  const template = path.join(root, "template.db");
  migrate(`file:${template}`);
  const demo = path.join(root, "demo.db");
  fs.copyFileSync(template, demo);
  seed(`file:${demo}`, fs.mkdtempSync(path.join(root, "demo-")));
  project.provide("hourbookPostgresAdminUrl", "");
  project.provide("hourbookTemplateDb", template);
  project.provide("hourbookDemoDb", demo);
  return () => fs.rmSync(root, { recursive: true, force: true });
}
