/**
 * The app runs on SQLite and PostgreSQL from one codebase (lib/db.ts): only the SQLite storage
 * code may send SQL of its own. Everything else goes through Prisma's query API, which speaks
 * each engine's dialect — except the hot path's two joins (issue 15 §3), which Prisma cannot
 * express as one query on SQLite (relation loading is one query per relation there, prisma/orm
 * #23348): plain joins with quoted identifiers, checked against Prisma's own relation loading
 * on both engines (resolve-connection.test.ts, load-time-entry-views.test.ts) — and the CSV
 * export of time entries, whose pages go through readRows (lib/db.ts says why) with the
 * filters written once as a TimeEntryScope (time-entry-scope.test.ts checks SQL and Prisma agree).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const ALLOWED = new Set([
  "lib/db.ts",
  "lib/reopening-sqlite-adapter.ts",
  "lib/oauth/find-request-grant.ts",
  "lib/domain/time-entries/load-time-entry-views.ts",
  "lib/domain/time-entries/time-entry-scope.ts",
  "lib/domain/time-entries/export-time-entries.ts",
]);
const RAW_SQL = /\$(queryRaw|executeRaw)(Unsafe)?\b|\breadRows\(|\bqueryRaw\(|\bPrisma\.sql`|\bPRAGMA\b|\bsqlite_master\b/;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return ["generated", "testing", "node_modules"].includes(entry.name) ? [] : sources(relative);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

describe("portable SQL", () => {
  it("no app code outside the SQLite storage adapter sends raw SQL", () => {
    const offenders = ["lib", "app", "components"].flatMap(sources).filter((file) => !ALLOWED.has(file) && RAW_SQL.test(fs.readFileSync(path.join(root, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});
