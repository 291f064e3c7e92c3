#!/usr/bin/env node
// Derives prisma/postgresql/schema.prisma from prisma/schema.prisma, the one schema source:
// the same models with the datasource provider set to PostgreSQL and the client generated into
// lib/generated/prisma-postgresql. Run by `npm run db:generate` (and so by `npm install`);
// `db:check` compares the derived schema's migrations, not this file, with the source.
import fs from "node:fs";
import path from "node:path";
import { ENGINE_FILES } from "../lib/database-engine.mjs";

// The project whose schema is derived: the working directory (npm scripts run from the repository root).
const repoRoot = process.cwd();

const HEADER = "// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.mjs: edit that file, then run `npm run db:generate`.\n\n";

/**
 * The PostgreSQL schema text for a SQLite schema text.
 * @param {string} source prisma/schema.prisma's text
 * @returns {string}
 * @throws Error when the source has no `provider = "sqlite"` datasource or no client output to move
 */
export function derivePostgresSchema(source) {
  const provider = /(datasource\s+\w+\s*\{[^}]*provider\s*=\s*)"sqlite"/s;
  const output = /(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/s;
  if (!provider.test(source)) throw new Error('prisma/schema.prisma has no datasource with provider = "sqlite"');
  if (!output.test(source)) throw new Error('prisma/schema.prisma\'s client generator has no output = "../lib/generated/prisma"');
  return HEADER + source.replace(provider, '$1"postgresql"').replace(output, '$1"../../lib/generated/prisma-postgresql"');
}

/** Reads the source schema and returns the derived text. */
export function readDerivedSchema(root = repoRoot) {
  return derivePostgresSchema(fs.readFileSync(path.join(root, ENGINE_FILES.sqlite.schema), "utf8"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = path.join(repoRoot, ENGINE_FILES.postgresql.schema);
  const derived = readDerivedSchema();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== derived) {
    fs.writeFileSync(target, derived);
    console.log(`Derived ${ENGINE_FILES.postgresql.schema} from ${ENGINE_FILES.sqlite.schema}.`);
  }
}
