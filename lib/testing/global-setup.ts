/**
 * Vitest global setup (runs once, in the main process): migrates ONE template SQLite database
 * in a temporary folder, and seeds a copy of it with the demo data. Each test file then starts
 * from a copy of the empty one (see setup-database.ts) and swaps in the demo one when it asks
 * (demo-data.ts): much faster than migrating or seeding per file, and the seed runs outside
 * the code a test file (or a mutation-testing run) is checking.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Folder for this run's databases; removed when the run ends. */
    hourbookTestRoot: string;
    /** The migrated, empty database every test file copies. */
    hourbookTemplateDb: string;
    /** The same, with the demo data of prisma/seed/demo.ts. */
    hourbookDemoDb: string;
  }
}

const repoRoot = path.resolve(import.meta.dirname, "../..");

function migrate(databaseFile: string) {
  const result = spawnSync(process.execPath, ["scripts/migrate.mjs", "deploy"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`Migrating the test template database failed:\n${result.stdout}${result.stderr}`);
  }
}

function seed(databaseFile: string, dataDir: string) {
  const result = spawnSync(path.join(repoRoot, "node_modules/.bin/tsx"), ["prisma/seed.ts"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, HOURBOOK_DATA_DIR: dataDir },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`Seeding the demo template database failed:\n${result.stdout}${result.stderr}`);
  }
}

export default function setup(project: TestProject) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-vitest-"));
  const template = path.join(root, "template.db");
  migrate(template);
  const demo = path.join(root, "demo.db");
  fs.copyFileSync(template, demo);
  const demoDataDir = fs.mkdtempSync(path.join(root, "demo-"));
  seed(demo, demoDataDir);
  project.provide("hourbookTestRoot", root);
  project.provide("hourbookTemplateDb", template);
  project.provide("hourbookDemoDb", demo);
  return () => fs.rmSync(root, { recursive: true, force: true });
}
