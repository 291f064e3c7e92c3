/**
 * Vitest setup file: runs in each test file's process before the file's own imports, so the
 * environment set here is what lib/env.ts reads when the test first imports lib/db. Every test
 * file gets its own copy of the migrated template database and its own data folder, so files
 * never see each other's rows.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";

const dataDir = fs.mkdtempSync(path.join(inject("hourbookTestRoot"), "file-"));
const databaseFile = path.join(dataDir, "hourbook.db");
fs.copyFileSync(inject("hourbookTemplateDb"), databaseFile);

process.env.DATABASE_URL = `file:${databaseFile}`;
process.env.HOURBOOK_DATA_DIR = dataDir;
// Tests stand in for a reverse proxy: each gives its own X-Forwarded-For to keep rate limits apart.
process.env.HOURBOOK_TRUST_PROXY = "1";

// Runs after the file's own afterAll hooks (Vitest runs "after" hooks in reverse order).
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});
