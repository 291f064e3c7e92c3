/**
 * Vitest global setup (runs once, in the main process): migrates ONE template SQLite database
 * in a temporary folder. Each test file then starts from a copy of it (see setup-database.ts),
 * which is much faster than migrating a database per file.
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

export default function setup(project: TestProject) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-vitest-"));
  const template = path.join(root, "template.db");
  migrate(template);
  project.provide("hourbookTestRoot", root);
  project.provide("hourbookTemplateDb", template);
  return () => fs.rmSync(root, { recursive: true, force: true });
}
