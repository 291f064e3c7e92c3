/**
 * Vitest setup file: runs in each test file's process before the file's own imports, so the
 * environment set here is what lib/env.ts reads when the test first imports lib/db. Every test
 * file gets its own copy of the migrated template database (a file on SQLite, a database on
 * PostgreSQL) and its own data folder, so files never see each other's rows.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { copyPostgresDatabase, onPostgresServer, POSTGRES_TEMPLATE, postgresDatabaseUrl, testEngine } from "./test-databases";

const dataDir = fs.mkdtempSync(path.join(inject("hourbookTestRoot"), "file-"));
const adminUrl = inject("hourbookPostgresAdminUrl");
// Named after the data folder, which is unique to this file's run.
const postgresDatabase = `test_${path.basename(dataDir).replace(/[^a-zA-Z0-9]/g, "_").toLowerCase()}`;

if (testEngine() === "postgresql") {
  await copyPostgresDatabase(adminUrl, POSTGRES_TEMPLATE, postgresDatabase);
  process.env.DATABASE_URL = postgresDatabaseUrl(adminUrl, postgresDatabase);
} else {
  const databaseFile = path.join(dataDir, "hourbook.db");
  fs.copyFileSync(inject("hourbookTemplateDb"), databaseFile);
  process.env.DATABASE_URL = `file:${databaseFile}`;
}
process.env.HOURBOOK_DATA_DIR = dataDir;
// Tests stand in for a reverse proxy: each gives its own X-Forwarded-For to keep rate limits apart.
process.env.HOURBOOK_TRUST_PROXY = "1";

// Runs after the file's own afterAll hooks (Vitest runs "after" hooks in reverse order).
afterAll(async () => {
  if (testEngine() === "postgresql") {
    const { db } = await import("@/lib/db");
    await db.$disconnect();
    await onPostgresServer(adminUrl, [`DROP DATABASE IF EXISTS "${postgresDatabase}" WITH (FORCE)`]);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});
