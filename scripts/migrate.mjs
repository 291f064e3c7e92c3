#!/usr/bin/env node
// Offline replacement for `prisma migrate dev|deploy|status|diff` (Prisma 7.x).
// Drives Prisma's own schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm) through a Prisma driver adapter, so no native
// schema-engine binary has to be downloaded. Migration files, the
// _prisma_migrations table and migration_lock.toml are the same as Prisma's.
//
// Usage:
//   node scripts/migrate.mjs deploy                  apply pending migrations (prod/startup)
//   node scripts/migrate.mjs dev --name <name>       apply pending, create a migration from schema changes, apply it
//   node scripts/migrate.mjs dev --name <name> --create-only
//   node scripts/migrate.mjs status                  exit 1 when migrations are pending/diverged
//   node scripts/migrate.mjs check                   exit 2 when schema.prisma has changes with no migration
//   node scripts/migrate.mjs push [--accept-data-loss]  like `prisma db push` (no migration file)
//   node scripts/migrate.mjs resolve --rolled-back <name> | --applied <name>
//   node scripts/migrate.mjs reset --force           drop everything, re-apply all migrations
//
//   node scripts/migrate.mjs check-all               check both engines (SQLite in a temp file, PostgreSQL on a temp server)
//
// Env: DATABASE_URL (default: hourbook.db in HOURBOOK_DATA_DIR, itself .data; or postgresql://...),
//      PRISMA_SCHEMA, PRISMA_MIGRATIONS (default: the engine's files of lib/database-engine.mjs —
//      prisma/schema.prisma and prisma/migrations for SQLite, prisma/postgresql/* for PostgreSQL),
//      SHADOW_DATABASE_URL (postgres only; default: a temporary database is created and dropped),
//      SCHEMA_ENGINE_WASM (path to another schema_engine_bg.wasm), DEBUG_SCHEMA_ENGINE=1 for engine logs.
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { databaseUrlOf } from "../lib/data-location.mjs";
import { ENGINE_FILES, engineOf } from "../lib/database-engine.mjs";

const root = process.cwd();
/** The engine's files; a DATABASE_URL of another kind ends the script with the reason alone. */
function engineFilesOf(url) {
  try {
    return ENGINE_FILES[engineOf(url)];
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
const engineFiles = engineFilesOf(databaseUrlOf(process.env));
const schemaPath = path.resolve(root, process.env.PRISMA_SCHEMA ?? engineFiles.schema);
const migrationsDir = path.resolve(root, process.env.PRISMA_MIGRATIONS ?? engineFiles.migrations);
const LOCKFILE = "migration_lock.toml";
const filters = { externalTables: [], externalEnums: [] };

function arg(name) {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : (process.argv[i + 1] ?? "");
}
const has = (flag) => process.argv.includes(flag);

async function loadSchemaEngine() {
  // Same loading procedure as the Prisma CLI uses for its wasm engine.
  const glueUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = await import(glueUrl);
  const wasmPath = process.env.SCHEMA_ENGINE_WASM
    ? path.resolve(root, process.env.SCHEMA_ENGINE_WASM)
    : path.join(path.dirname(fileURLToPath(glueUrl)), "schema_engine_bg.wasm");
  const module = new WebAssembly.Module(await fs.readFile(wasmPath));
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue.SchemaEngine;
}

function providerOf(schema) {
  const m = schema.match(/datasource\s+\w+\s*\{[^}]*provider\s*=\s*"([^"]+)"/s);
  if (!m) throw new Error(`no datasource provider in ${schemaPath}`);
  return m[1];
}

async function makeAdapterFactory(provider, url) {
  if (provider === "sqlite") {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    // file: URLs are resolved relative to the current working directory.
    return new PrismaBetterSqlite3({ url });
  }
  if (provider === "postgresql" || provider === "postgres") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { default: pg } = await import("pg");
    // Workaround 1: the engine's schema describer selects pg_catalog columns of
    // type "char" (OID 18, e.g. pg_constraint.contype), which @prisma/adapter-pg
    // 7.10.x rejects ("Column type 'char' could not be deserialized from the
    // database"). Report them as text (OID 25); pg returns their values as strings.
    const charAsText = (res) => {
      for (const f of res?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
      return res;
    };
    class Pool extends pg.Pool {
      async query(...args) {
        return charAsText(await super.query(...args));
      }
      connect(...args) {
        if (args.length) return super.connect(...args); // callback style, used by Pool#query
        return super.connect().then((client) => {
          if (!client.__charAsText) {
            const q = client.query.bind(client);
            client.query = async (...a) => charAsText(await q(...a));
            client.__charAsText = true;
          }
          return client;
        });
      }
    }
    const fieldsOf = (u) => ({
      host: u.hostname,
      port: u.port ? Number(u.port) : 5432,
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database: decodeURIComponent(u.pathname.slice(1)),
    });
    const u = new URL(url);
    const options = u.searchParams.get("schema") ? { schema: u.searchParams.get("schema") } : {};
    const fields = fieldsOf(u);
    // One pool per connection, closed by the adapter's dispose().
    const connectTo = (cfg) => new PrismaPg(new Pool(cfg), { ...options, disposeExternalPool: true }).connect();
    return {
      provider: "postgres",
      adapterName: "@prisma/adapter-pg",
      connect: () => connectTo(fields),
      // Workaround 2: PrismaPg#connectToShadowDb (7.10.x) drops the temporary
      // shadow database before closing its pool, so DROP DATABASE fails ("is
      // being accessed by other users"). Create/drop it here, or use
      // SHADOW_DATABASE_URL (an existing database that may be wiped).
      async connectToShadowDb() {
        if (process.env.SHADOW_DATABASE_URL) return connectTo(fieldsOf(new URL(process.env.SHADOW_DATABASE_URL)));
        const main = await connectTo(fields);
        const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
        await main.executeScript(`CREATE DATABASE "${database}"`);
        const shadow = await connectTo({ ...fields, database });
        const dispose = shadow.dispose.bind(shadow);
        shadow.dispose = async () => {
          await dispose();
          await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
          await main.dispose();
        };
        return shadow;
      },
    };
  }
  throw new Error(`provider ${provider} not wired in scripts/migrate.mjs`);
}

// The wasm engine replays migration files on the shadow database through
// adapter.executeRaw() without parameters. better-sqlite3 rejects multi-statement
// SQL there ("contains more than one statement"). Route parameterless executeRaw()
// calls to executeScript().
function withScriptFallback(factory) {
  const wrap = (adapter) => {
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if ((query.args?.length ?? 0) === 0 && adapter.provider === "sqlite") {
        await adapter.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()),
    connectToShadowDb: async () => wrap(await factory.connectToShadowDb()),
  };
}

async function readMigrations() {
  let entries = [];
  try {
    entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = [];
  for (const name of dirs) {
    let content;
    try {
      content = { tag: "ok", value: await fs.readFile(path.join(migrationsDir, name, "migration.sql"), "utf8") };
    } catch (e) {
      content = { tag: "error", value: String(e.message) };
    }
    migrationDirectories.push({ path: name, migrationFile: { path: "migration.sql", content } });
  }
  let lockContent = null;
  try {
    lockContent = await fs.readFile(path.join(migrationsDir, LOCKFILE), "utf8");
  } catch {}
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: lockContent },
    migrationDirectories,
    shadowDbInitScript: "",
  };
}

async function main() {
  const cmd = process.argv[2];
  // Same default as lib/env.ts: the embedded database inside the data folder.
  const url = databaseUrlOf(process.env);
  if (url.startsWith("file:")) {
    await fs.mkdir(path.dirname(path.resolve(root, url.replace(/^file:/, "").replace(/\?.*$/, ""))), { recursive: true });
  }
  const schemaContent = await fs.readFile(schemaPath, "utf8");
  const provider = providerOf(schemaContent);
  const schemaFiles = { files: [{ path: schemaPath, content: schemaContent }] };

  // The wasm engine's reset is a no-op for SQLite (it cannot delete the file it
  // is connected through), so reset SQLite by deleting the database file first.
  const sqliteFileReset = cmd === "reset" && has("--force") && provider === "sqlite";
  if (sqliteFileReset) {
    const file = path.resolve(root, url.replace(/^file:/, "").replace(/\?.*$/, ""));
    for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) await fs.rm(f, { force: true });
  }

  const SchemaEngine = await loadSchemaEngine();
  const factory = bindMigrationAwareSqlAdapterFactory(withScriptFallback(await makeAdapterFactory(provider, url)));
  const log = process.env.DEBUG_SCHEMA_ENGINE ? (m) => console.error("[schema-engine]", m) : () => {};
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schemaContent]] }, log, factory);

  const apply = async () => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: await readMigrations(), filters });
    if (appliedMigrationNames.length) console.log(`Applied: ${appliedMigrationNames.join(", ")}`);
    else console.log("No pending migrations.");
    return appliedMigrationNames;
  };

  switch (cmd) {
    case "deploy": {
      await apply();
      break;
    }
    case "dev": {
      const name = arg("--name");
      if (!name) throw new Error("dev needs --name <migration_name>");
      // applyMigrations first: it creates _prisma_migrations on a fresh database
      // (the wasm engine's devDiagnostic fails with P1014 when that table is missing).
      await apply();
      const { action } = await engine.devDiagnostic({ migrationsList: await readMigrations(), filters });
      if (action.tag === "reset") {
        throw new Error(`Database needs a reset: ${action.reason}\nRun: node scripts/migrate.mjs reset --force`);
      }
      const loss = await engine.evaluateDataLoss({ migrationsList: await readMigrations(), schema: schemaFiles, filters });
      for (const w of loss.warnings) console.warn(`warning: ${w.message}`);
      if (loss.unexecutableSteps.length) {
        throw new Error(loss.unexecutableSteps.map((s) => s.message).join("\n"));
      }
      const out = await engine.createMigration({
        draft: has("--create-only"),
        migrationName: name,
        migrationsList: await readMigrations(),
        schema: schemaFiles,
        filters,
      });
      if (out.migrationScript === null) {
        console.log("Schema and migrations are in sync; no migration created.");
        break;
      }
      const dir = path.join(migrationsDir, out.generatedMigrationName);
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, `migration.${out.extension}`), out.migrationScript);
      const lockPath = path.join(migrationsDir, LOCKFILE);
      try {
        await fs.access(lockPath);
      } catch {
        await fs.writeFile(
          lockPath,
          `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
        );
      }
      console.log(`Created ${path.relative(root, dir)}/migration.${out.extension}`);
      if (!has("--create-only")) await apply();
      break;
    }
    case "status": {
      const d = await engine.diagnoseMigrationHistory({ migrationsList: await readMigrations(), optInToShadowDatabase: false, filters });
      console.log(JSON.stringify(d, null, 2));
      if (d.history || d.failedMigrationNames.length || d.editedMigrationNames.length) process.exitCode = 1;
      break;
    }
    case "check": {
      // Like `prisma migrate diff --from-migrations prisma/migrations --to-schema prisma/schema.prisma --exit-code`
      // (replays the migrations in a shadow database).
      const r = await engine.diff({
        from: { tag: "migrations", ...(await readMigrations()) },
        to: { tag: "schemaDatamodel", ...schemaFiles },
        script: true,
        exitCode: true,
        filters,
      });
      if (r.exitCode === 2) {
        console.log("schema.prisma has changes that no migration captures:\n" + (r.stdout ?? ""));
        process.exitCode = 2;
      } else console.log("Migrations match schema.prisma.");
      break;
    }
    case "push": {
      // Like `prisma db push` (prototyping only: no migration file is written).
      const r = await engine.schemaPush({ force: has("--accept-data-loss"), schema: schemaFiles, filters });
      if (r.unexecutable.length) throw new Error(r.unexecutable.join("\n"));
      if (r.warnings.length && !has("--accept-data-loss")) {
        throw new Error(r.warnings.join("\n") + "\nRe-run with --accept-data-loss");
      }
      console.log(`Pushed schema (${r.executedSteps} steps).`);
      break;
    }
    case "resolve": {
      // Like `prisma migrate resolve --applied N | --rolled-back N`
      const applied = arg("--applied");
      const rolledBack = arg("--rolled-back");
      if (applied) await engine.markMigrationApplied({ migrationName: applied, migrationsList: await readMigrations() });
      else if (rolledBack) await engine.markMigrationRolledBack({ migrationName: rolledBack });
      else throw new Error("resolve needs --applied <name> or --rolled-back <name>");
      console.log("Resolved.");
      break;
    }
    case "reset": {
      if (!has("--force")) throw new Error("reset drops all data; pass --force");
      if (!sqliteFileReset) await engine.reset({ filter: filters });
      await apply();
      break;
    }
    default:
      throw new Error(`unknown command ${cmd ?? ""}; use deploy | dev --name N | status | check | push | resolve | reset --force`);
  }
  engine.free();
}

// Exit explicitly: the engine can leave a timer behind that keeps Node alive ~60 s.
main().then(() => process.exit(process.exitCode ?? 0), (e) => {
  console.error(e?.message ?? e);
  if (e?.code) console.error(`code: ${e.code}`);
  process.exit(1);
});
