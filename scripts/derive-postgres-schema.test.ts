import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema, readDerivedSchema } from "./derive-postgres-schema.mjs";

const root = path.resolve(import.meta.dirname, "..");

describe("derivePostgresSchema", () => {
  const source = `generator client {\n  provider = "prisma-client"\n  output   = "../lib/generated/prisma"\n}\n\ndatasource db {\n  provider = "sqlite"\n}\n\nmodel A {\n  id String @id\n}\n`;

  it("changes only the provider and the client's folder", () => {
    const derived = derivePostgresSchema(source);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output   = "../../lib/generated/prisma-postgresql"');
    expect(derived).toContain("model A {\n  id String @id\n}");
    expect(derived).not.toContain('"sqlite"');
  });

  it("refuses a source that is not the SQLite schema it expects", () => {
    expect(() => derivePostgresSchema(source.replace('"sqlite"', '"mysql"'))).toThrow(/provider = "sqlite"/);
    expect(() => derivePostgresSchema(source.replace("../lib/generated/prisma", "./elsewhere"))).toThrow(/output/);
  });

  it("the committed PostgreSQL schema is the one derived from prisma/schema.prisma", () => {
    expect(fs.readFileSync(path.join(root, "prisma/postgresql/schema.prisma"), "utf8")).toBe(readDerivedSchema(root));
  });
});
