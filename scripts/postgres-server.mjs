// A throwaway PostgreSQL server for tests, the benchmark and `db:*` checks: initdb in a temp
// folder, listening on 127.0.0.1 only, on a free port; stopped and removed by `stop()`.
// Uses the machine's server binaries (PG_BIN, /usr/lib/postgresql/<newest>/bin or PATH) and,
// when there are none and we are root, installs Debian's `postgresql` package first.
// initdb refuses to run as root, so as root the server runs as the `postgres` user.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { installDebianPackage } from "./debian-package.mjs";

const isRoot = process.getuid?.() === 0;

function binDirWith(name) {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const versions = fs.existsSync("/usr/lib/postgresql")
    ? fs
        .readdirSync("/usr/lib/postgresql")
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) candidates.push(`/usr/lib/postgresql/${version}/bin`);
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir) candidates.push(dir);
  return candidates.find((dir) => fs.existsSync(path.join(dir, name))) ?? null;
}

/** The folder holding initdb, pg_ctl and postgres; installs them with apt when missing (as root). */
export function postgresBinDir() {
  let dir = binDirWith("initdb");
  if (dir) return dir;
  if (!isRoot) {
    throw new Error("PostgreSQL server binaries (initdb, pg_ctl) were not found: install Debian's `postgresql` package or set PG_BIN.");
  }
  installDebianPackage("postgresql");
  dir = binDirWith("initdb");
  if (!dir) throw new Error("Installing PostgreSQL did not provide initdb.");
  return dir;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary, as `postgres` when we are root. */
function runAsServerUser(binDir, name, args) {
  const command = path.join(binDir, name);
  const result = isRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${name} ${args.join(" ")} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Starts a fresh PostgreSQL server.
 * @param {{ durable?: boolean }} [options] durable: keep fsync on (the benchmark); tests turn
 *   it off, since a crash of a throwaway server loses nothing anyone wants.
 * @returns {Promise<{ port: number, dir: string, url: (database?: string) => string, stop: () => void }>}
 *   url(database) is a postgresql:// URL for user `postgres` (trust authentication on loopback).
 */
export async function startPostgres({ durable = false } = {}) {
  const binDir = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-pg-"));
  const dataDir = path.join(dir, "data");
  fs.mkdirSync(dataDir);
  if (isRoot) execFileSync("chown", ["-R", "postgres:", dir]);
  runAsServerUser(binDir, "initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c max_connections=300",
    ...(durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
  ].join(" ");
  runAsServerUser(binDir, "pg_ctl", ["-D", dataDir, "-o", settings, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      runAsServerUser(binDir, "pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } catch {
      // Already gone: removing the folder is all that is left.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stop);
  return { port, dir, url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`, stop };
}

// `node scripts/postgres-server.mjs`: start one and keep it until Ctrl-C (for trying things by hand).
if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startPostgres();
  console.log(`PostgreSQL on ${server.url()} — Ctrl-C (or SIGTERM) stops it and removes its data.`);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => process.exit(0));
  setInterval(() => {}, 1 << 30);
}
