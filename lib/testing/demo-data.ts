/**
 * The demo data (prisma/seed/demo.ts) in this test file's database: a copy of the database
 * Vitest's global setup seeded once (global-setup.ts), in place of this file's own.
 */
import fs from "node:fs";
import { inject } from "vitest";
import { db, databaseFile } from "@/lib/db";
import type { seedDemo } from "@/prisma/seed/demo";

export type DemoData = Awaited<ReturnType<typeof seedDemo>>;

/**
 * Replaces everything in this file's database with the demo data and returns what
 * `seedDemo()` returns (the two demo users and the four workspaces). Closes the connection
 * first; the next query opens the new file.
 */
export async function loadDemoData(): Promise<DemoData> {
  const file = databaseFile();
  if (!file) throw new Error("loadDemoData needs a SQLite test database.");
  await db.$disconnect();
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.copyFileSync(inject("hourbookDemoDb"), file);
  const user = (email: string) => db.user.findUniqueOrThrow({ where: { email } });
  const workspace = (slug: string) => db.workspace.findUniqueOrThrow({ where: { slug } });
  return {
    ada: await user("ada@example.com"),
    grace: await user("grace@example.com"),
    lovelace: await workspace("lovelace-studio"),
    engines: await workspace("analytical-engines"),
    sketchbook: await workspace("sketchbook"),
    hopper: await workspace("hopper-labs"),
  };
}
