/**
 * `npm run db:check` on a copy of prisma/: passes as committed, and exits 2 when either
 * engine's migrations lag the schema or the derived PostgreSQL schema is stale.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "..");
const copies: string[] = [];

function copyOfPrisma(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-db-check-"));
  copies.push(dir);
  fs.cpSync(path.join(repoRoot, "prisma"), path.join(dir, "prisma"), { recursive: true });
  return dir;
}

function check(cwd: string) {
  return spawnSync(process.execPath, [path.join(repoRoot, "scripts/migrate-engines.mjs"), "check"], { cwd, encoding: "utf8", env: { ...process.env } });
}

function newest(dir: string): string {
  return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort().at(-1)!;
}

afterEach(() => {
  for (const dir of copies.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("db:check", () => {
  it("passes on the committed schema and both engines' migrations", () => {
    const result = check(copyOfPrisma());
    expect(result.stdout).toMatch(/SQLite:\nMigrations match schema.prisma.[\s\S]*PostgreSQL:\nMigrations match schema.prisma./);
    expect(result.status).toBe(0);
  }, 60_000);

  it("exits 2 when PostgreSQL's migrations lag the schema", () => {
    const dir = copyOfPrisma();
    const migrations = path.join(dir, "prisma/postgresql/migrations");
    fs.rmSync(path.join(migrations, newest(migrations)), { recursive: true });
    const result = check(dir);
    expect(result.stdout).toMatch(/PostgreSQL:\nschema.prisma has changes that no migration captures/);
    expect(result.status).toBe(2);
  }, 60_000);

  it("exits 2 when SQLite's migrations lag the schema", () => {
    const dir = copyOfPrisma();
    const migrations = path.join(dir, "prisma/migrations");
    fs.rmSync(path.join(migrations, newest(migrations)), { recursive: true });
    const result = check(dir);
    expect(result.stdout).toMatch(/SQLite:\nschema.prisma has changes that no migration captures/);
    expect(result.status).toBe(2);
  }, 60_000);

  it("exits 2 when prisma/postgresql/schema.prisma was not derived again after a schema change", () => {
    const dir = copyOfPrisma();
    fs.appendFileSync(path.join(dir, "prisma/schema.prisma"), "\nmodel Added {\n  id String @id\n}\n");
    const result = check(dir);
    expect(result.stdout).toContain("prisma/postgresql/schema.prisma is stale: run `npm run db:generate`.");
    expect(result.status).toBe(2);
  }, 60_000);
});
