/**
 * The demo data (prisma/seed/demo.ts) in this test file's database: a copy of the database
 * Vitest's global setup seeded once (global-setup.ts), in place of this file's own.
 */
import fs from "node:fs";
import { inject } from "vitest";
import { db, databaseFile } from "@/lib/db";
import { env } from "@/lib/env";
import { copyPostgresDatabase, POSTGRES_DEMO, postgresDatabaseName, testEngine } from "./test-databases";

/** Closes the connection and puts a copy of the demo database where this file's database was. */
async function swapInDemoDatabase() {
  await db.$disconnect();
  if (testEngine() === "postgresql") {
    const database = postgresDatabaseName(env.DATABASE_URL);
    await copyPostgresDatabase(inject("hourbookPostgresAdminUrl"), POSTGRES_DEMO, database);
    return;
  }
  const file = databaseFile();
  if (!file) throw new Error("loadDemoData needs a SQLite or PostgreSQL test database.");
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.copyFileSync(inject("hourbookDemoDb"), file);
}

export type DemoData = Awaited<ReturnType<typeof loadDemoData>>;

/**
 * Replaces everything in this file's database with the demo data and returns what
 * `seedDemo()` returns (the two demo users and the four workspaces), with the clients and
 * projects many tests act on. Closes the connection first; the next query opens the new database.
 */
export async function loadDemoData() {
  await swapInDemoDatabase();
  const user = (email: string) => db.user.findUniqueOrThrow({ where: { email } });
  const workspace = (slug: string) => db.workspace.findUniqueOrThrow({ where: { slug } });
  const lovelace = await workspace("lovelace-studio");
  const engines = await workspace("analytical-engines");
  const client = (workspaceId: string, name: string) => db.client.findFirstOrThrow({ where: { workspaceId, name } });
  const project = (workspaceId: string, name: string) => db.project.findFirstOrThrow({ where: { workspaceId, name } });
  return {
    ada: await user("ada@example.com"),
    grace: await user("grace@example.com"),
    lovelace,
    engines,
    sketchbook: await workspace("sketchbook"),
    hopper: await workspace("hopper-labs"),
    /** Lovelace Studio's two clients, and Babbage's project at €120.00/h. */
    babbage: await client(lovelace.id, "Babbage & Co"),
    menabrea: await client(lovelace.id, "Menabrea Press"),
    docs: await project(lovelace.id, "Difference Engine Docs"),
    /** A project of Analytical Engines, for "not in this workspace". */
    gearTrain: await project(engines.id, "Gear Train Audit"),
  };
}
