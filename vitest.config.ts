import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { databaseFreeTests } from "./lib/testing/database-free-tests";

const root = import.meta.dirname;

// Files about SQLite itself (its storage failures, its file on first start, its statements),
// left out of the PostgreSQL run (HOURBOOK_TEST_ENGINE=postgresql, see lib/testing/test-databases.ts).
const SQLITE_ONLY = [
  "scripts/first-start.test.ts",
  "scripts/prepare-data.test.ts",
  "lib/reopening-sqlite-adapter.test.ts",
  "lib/db-errors.test.ts",
  "lib/health.test.ts",
];
// Files that use no test database, run once: those that check scripts on copies of their own,
// and (worked out from their imports) every file that never reaches the database.
const onPostgres = process.env.HOURBOOK_TEST_ENGINE === "postgresql";
const ENGINE_NEUTRAL = onPostgres
  ? [
      "scripts/migrate-engines.test.ts",
      ...databaseFreeTests(
        root,
        ["app", "components", "lib", "prisma", "scripts"]
          .flatMap((folder) => fs.readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" }).map((file) => path.join(folder, file)))
          .filter((file) => file.endsWith(".test.ts") && !file.startsWith("lib/generated/")),
      ),
    ]
  : [];

export default defineConfig({
  resolve: {
    alias: [
      // Same as tsconfig's "@/*" paths. A regex, so "@prisma/..." packages are not rewritten.
      { find: /^@\//, replacement: `${root}/` },
      { find: /^server-only$/, replacement: path.join(root, "lib/testing/empty-module.ts") },
    ],
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: [
      "**/node_modules/**",
      "e2e/**",
      ".next/**",
      ".next-*/**",
      ".data/**",
      ".stryker-tmp/**",
      "lib/generated/**",
      ...(onPostgres ? [...SQLITE_ONLY, ...ENGINE_NEUTRAL] : []),
    ],
    // Child processes rather than threads: native better-sqlite3, and each test file gets a
    // process of its own, so lib/env.ts and lib/db.ts (a globalThis singleton) start afresh.
    pool: "forks",
    // Two at a time even on two cores (Vitest's default is cores − 1, so one): a file spends
    // much of its time waiting on its database, and the other file uses that time.
    maxWorkers: 2,
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup-database.ts"],
    // Integration files seed the demo data in beforeAll: ~2 s on an idle 2-core machine, but
    // several times that while a build or browser shares the cores. Generous limits keep a
    // busy machine from turning slowness into failures; a real hang still ends.
    hookTimeout: 60_000,
    testTimeout: 20_000,
  },
});
