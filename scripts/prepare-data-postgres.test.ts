/**
 * First start on PostgreSQL with several instances at once: each runs prepareData on the same
 * empty database; the demo data is seeded exactly once, and no instance goes on to serve before
 * the seed is complete.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { onPostgresServer, postgresDatabaseUrl, testEngine } from "@/lib/testing/test-databases";
import { prepareData } from "./prepare-data.mjs";

const DATABASE = "first_start_together";

describe.skipIf(testEngine() !== "postgresql")("prepareData on PostgreSQL", () => {
  afterAll(async () => {
    await onPostgresServer(inject("hourbookPostgresAdminUrl"), [`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`]);
  });

  it("two instances starting together on an empty database: seeded once, and each sees it complete when its preparation ends", async () => {
    const adminUrl = inject("hourbookPostgresAdminUrl");
    await onPostgresServer(adminUrl, [`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`, `CREATE DATABASE "${DATABASE}"`]);
    const databaseUrl = postgresDatabaseUrl(adminUrl, DATABASE);
    const instances = [1, 2].map((n) => ({
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOURBOOK_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), `hourbook-instance-${n}-`)),
    }));
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const workspaces = async () => (await client.query('SELECT slug FROM "Workspace"')).rowCount;
    try {
      // Counted the moment each preparation ends: an instance would start serving right then.
      const seen = await Promise.all(instances.map((env) => prepareData({ env }).then(workspaces)));
      expect(seen).toEqual([4, 4]);
      const users = await client.query<{ email: string }>('SELECT email FROM "User" ORDER BY email');
      expect(users.rows.map((row) => row.email)).toEqual(["ada@example.com", "grace@example.com"]);
      expect((await client.query('SELECT slug FROM "Workspace"')).rowCount).toBe(4);
    } finally {
      await client.end();
    }
    for (const env of instances) fs.rmSync(env.HOURBOOK_DATA_DIR, { recursive: true, force: true });
  }, 120_000);
});
