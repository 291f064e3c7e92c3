#!/usr/bin/env node
// `npm test`: every check, cheapest first, stopping at the first failure:
// browser lookup → type check → a throwaway PostgreSQL 15 → both engines' migrations match
// schema.prisma → unit and integration tests (Vitest) on SQLite → the same on PostgreSQL, in
// the background while the production build and the end-to-end tests (Playwright) run.
// Prints how long each step took.
import fs from "node:fs";
import path from "node:path";
import { findChromium } from "./find-chromium.mjs";
import { startPostgres } from "./postgres-server.mjs";
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

/**
 * Starts a command whose output goes to a log file rather than the terminal, so it can run
 * beside the steps that follow without interleaving with theirs. `finish()` waits for it, then
 * prints the log's summary (the whole log when it failed) and throws if it failed.
 */
function runInBackground(command, args, env, logName) {
  const logFile = path.join(repoRoot, ".data", "test-logs", logName);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, "w");
  const started = Date.now();
  const { done } = runInGroup(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", out, out] });
  console.log(`started; its output goes to ${path.relative(repoRoot, logFile)}`);
  return {
    async finish() {
      const { code, signal } = await done;
      fs.closeSync(out);
      const log = fs.readFileSync(logFile, "utf8");
      const failed = code !== 0;
      console.log(failed ? log : log.split("\n").slice(-8).join("\n"));
      console.log(`(ran for ${seconds(Date.now() - started)} in the background)`);
      if (failed) throw new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit code ${code}`}); log: ${logFile}`);
    },
  };
}

let postgresPass;


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
  [
    "start PostgreSQL",
    async () => {
      // One server for every step that needs one (each makes its own databases on it); it is
      // stopped and removed when this process exits. Exported so Vitest, the migration check
      // and the two-instance spec use it instead of starting their own.
      const server = await startPostgres();
      process.env.POSTGRES_ADMIN_URL = server.url();
      console.log(process.env.POSTGRES_ADMIN_URL);
    },
  ],
  ["migrations match schema (both engines)", () => run(process.execPath, ["scripts/migrate-engines.mjs", "check"])],
  ["unit + integration tests on SQLite", () => run(bin("vitest"), ["run"])],
  [
    "start the PostgreSQL pass in the background",
    async () => {
      // One file at a time, so the build and the browser keep a core: the three together take
      // about as long as the build and the end-to-end tests alone.
      postgresPass = runInBackground(bin("vitest"), ["run", "--maxWorkers=1"], { HOURBOOK_TEST_ENGINE: "postgresql" }, "vitest-postgresql.log");
    },
  ],
  // Always build: the tests must run against these sources. The recorded fingerprint lets a
  // later `npm start` reuse this build.
  ["production build", () => ensureBuild({ env: { ...process.env, ...e2eEnv, HOURBOOK_TYPES_CHECKED: "1" }, force: true })],
  ["end-to-end tests", () => run(bin("playwright"), ["test"])],
  ["unit + integration tests on PostgreSQL (waiting for the background pass)", () => postgresPass.finish()],
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
