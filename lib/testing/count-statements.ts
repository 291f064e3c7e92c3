/**
 * Counts the SQL statements `work` sends to the database (issue 15: "measure, don't guess"),
 * on the engine this test run uses:
 * - SQLite: every query and write of Prisma's better-sqlite3 adapter is prepared through
 *   `Database.prototype.prepare`, transactions' BEGIN included;
 * - PostgreSQL: every statement of Prisma's pg adapter goes through `Client.prototype.query`
 *   (the pool's queries too).
 * Returns the statements, in order, reads and writes apart.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { vi } from "vitest";
import { databaseEngine } from "@/lib/db";

export interface StatementCount {
  statements: string[];
  reads: number;
  writes: number;
}

function sqlOf(query: unknown): string {
  if (typeof query === "string") return query;
  return typeof (query as { text?: unknown })?.text === "string" ? (query as { text: string }).text : String(query);
}

function spyOnStatements(statements: string[]): { mockRestore(): void } {
  if (databaseEngine === "postgresql") {
    const query = pg.Client.prototype.query;
    return vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      statements.push(sqlOf(args[0]));
      return (query as (...a: unknown[]) => unknown).apply(this, args) as never;
    });
  }
  const prepare = Database.prototype.prepare;
  return vi.spyOn(Database.prototype, "prepare").mockImplementation(function (this: Database.Database, sql: string) {
    statements.push(sql);
    return prepare.call(this, sql);
  });
}

export async function countStatements(work: () => Promise<unknown>): Promise<StatementCount> {
  const statements: string[] = [];
  const spy = spyOnStatements(statements);
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  const writes = statements.filter((sql) => /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql)).length;
  const reads = statements.filter((sql) => /^\s*SELECT\b/i.test(sql)).length;
  return { statements, reads, writes };
}
