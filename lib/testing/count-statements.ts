/**
 * Counts the SQL statements `work` sends to SQLite (issue 15: "measure, don't guess"): every
 * query and write of the Prisma better-sqlite3 adapter is prepared through
 * `Database.prototype.prepare`, transactions' BEGIN included. Returns the statements, in order,
 * reads and writes apart.
 */
import Database from "better-sqlite3";
import { vi } from "vitest";

export interface StatementCount {
  statements: string[];
  reads: number;
  writes: number;
}

export async function countStatements(work: () => Promise<unknown>): Promise<StatementCount> {
  const statements: string[] = [];
  const prepare = Database.prototype.prepare;
  const spy = vi.spyOn(Database.prototype, "prepare").mockImplementation(function (this: Database.Database, sql: string) {
    statements.push(sql);
    return prepare.call(this, sql);
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  const writes = statements.filter((sql) => /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql)).length;
  const reads = statements.filter((sql) => /^\s*SELECT\b/i.test(sql)).length;
  return { statements, reads, writes };
}
