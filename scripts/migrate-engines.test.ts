/**
 * `npm run db:check` on a copy of prisma/: passes as committed, and exits 2 when either
 * engine's migrations lag the schema or the derived PostgreSQL schema is stale.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startPostgres } from "./postgres-server.mjs";

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

function migrateDev(cwd: string, name: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(repoRoot, "scripts/migrate-engines.mjs"), "dev", "--name", name], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
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

  it("db:migrate with a postgresql:// DATABASE_URL still writes both engines' migrations, under one name", async () => {
    const dir = copyOfPrisma();
    const schema = path.join(dir, "prisma/schema.prisma");
    fs.writeFileSync(schema, fs.readFileSync(schema, "utf8").replace(/model Tag \{\n/, "model Tag {\n  colour String?\n"));
    const server = process.env.POSTGRES_ADMIN_URL ? null : await startPostgres();
    try {
      const result = migrateDev(dir, "tag_colour", { DATABASE_URL: process.env.POSTGRES_ADMIN_URL ?? server!.url() });
      expect(result.status, result.stdout + result.stderr).toBe(0);
    } finally {
      server?.stop();
    }
    const sqlite = newest(path.join(dir, "prisma/migrations"));
    expect(sqlite).toMatch(/_tag_colour$/);
    expect(newest(path.join(dir, "prisma/postgresql/migrations"))).toBe(sqlite);
    expect(fs.readFileSync(path.join(dir, "prisma/postgresql/migrations", sqlite, "migration.sql"), "utf8")).toContain('ALTER TABLE "Tag" ADD COLUMN     "colour" TEXT');
    expect(check(dir).status).toBe(0);
  }, 120_000);

  it("db:migrate writes PostgreSQL's migration for a change only PostgreSQL's database sees (a new enum value)", async () => {
    const dir = copyOfPrisma();
    const schema = path.join(dir, "prisma/schema.prisma");
    const sqliteBefore = newest(path.join(dir, "prisma/migrations"));
    fs.writeFileSync(schema, fs.readFileSync(schema, "utf8").replace(/enum InvitationStatus \{\n/, "enum InvitationStatus {\n  lapsed\n"));
    const server = process.env.POSTGRES_ADMIN_URL ? null : await startPostgres();
    try {
      const result = migrateDev(dir, "invitation_lapsed", { DATABASE_URL: `file:${path.join(dir, "dev.db")}`, POSTGRES_ADMIN_URL: process.env.POSTGRES_ADMIN_URL ?? server!.url() });
      expect(result.status, result.stdout + result.stderr).toBe(0);
    } finally {
      server?.stop();
    }
    expect(newest(path.join(dir, "prisma/migrations"))).toBe(sqliteBefore);
    const postgres = newest(path.join(dir, "prisma/postgresql/migrations"));
    expect(postgres).toMatch(/_invitation_lapsed$/);
    expect(fs.readFileSync(path.join(dir, "prisma/postgresql/migrations", postgres, "migration.sql"), "utf8")).toContain(`ALTER TYPE "InvitationStatus" ADD VALUE 'lapsed'`);
  }, 120_000);
});
