#!/usr/bin/env node
// `npm test`: every check, cheapest first, stopping at the first failure:
// browser lookup → type check → migrations match schema.prisma → unit and integration tests
// (Vitest) → production build → end-to-end tests (Playwright). Prints how long each step took.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findChromium } from "./find-chromium.mjs";
import { repoRoot } from "./prepare-data.mjs";
import { ensureBuild, runInGroup, stopChildrenOnExit } from "./start.mjs";

const bin = (name) => path.join(repoRoot, "node_modules", ".bin", name);

// The environment the end-to-end server runs with (see playwright.config.ts). The build gets
// it too, so nothing the build evaluates sees a different public URL than the tests.
const e2eEnv = {
  HOURBOOK_DATA_DIR: ".data/e2e",
  DATABASE_URL: "file:./.data/e2e/hourbook.db",
  APP_URL: "http://127.0.0.1:3200",
  NEXTAUTH_URL: "http://127.0.0.1:3200",
  NEXT_TELEMETRY_DISABLED: "1",
};

async function run(command, args, env = {}) {
  const { code, signal } = await runInGroup(command, args, { env: { ...process.env, ...env } }).done;
  if (code !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit code ${code}`})`);
}

/** `check` replays the migrations in a shadow database; it still opens a main one, so give it a throwaway file. */
async function checkMigrations() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-migrations-"));
  try {
    await run(process.execPath, ["scripts/migrate.mjs", "check"], { DATABASE_URL: `file:${path.join(dir, "check.db")}` });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const steps = [
  [
    "find Chromium",
    async () => {
      // Exported so Playwright (config and workers) does not have to search again.
      process.env.CHROMIUM_PATH = findChromium();
      console.log(process.env.CHROMIUM_PATH);
    },
  ],
  ["type check", () => run(bin("tsc"), ["--noEmit"])],
  ["migrations match schema", checkMigrations],
  ["unit + integration tests", () => run(bin("vitest"), ["run"])],
  // Always build: the tests must run against these sources. The recorded fingerprint lets a
  // later `npm start` reuse this build.
  ["production build", () => ensureBuild({ env: { ...process.env, ...e2eEnv, HOURBOOK_TYPES_CHECKED: "1" }, force: true })],
  ["end-to-end tests", () => run(bin("playwright"), ["test"])],
];

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function printSummary(results) {
  const width = Math.max(...steps.map(([name]) => name.length));
  console.log("\nSummary");
  for (const { name, ms, ok } of results) console.log(`  ${ok ? "ok  " : "FAIL"}  ${name.padEnd(width)}  ${seconds(ms)}`);
  const total = results.reduce((sum, r) => sum + r.ms, 0);
  console.log(`  total ${seconds(total)}`);
}

async function main() {
  process.chdir(repoRoot);
  stopChildrenOnExit();
  const results = [];
  for (const [name, step] of steps) {
    console.log(`\n▶ ${name}`);
    const started = Date.now();
    try {
      await step();
      results.push({ name, ms: Date.now() - started, ok: true });
    } catch (error) {
      results.push({ name, ms: Date.now() - started, ok: false });
      printSummary(results);
      console.error(`\n${name} failed: ${error.message}`);
      process.exit(1);
    }
  }
  printSummary(results);
}

main();
