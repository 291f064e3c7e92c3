#!/usr/bin/env node
// `npm start`: prepare the data folder, build when the sources changed since the last build,
// then serve the production build (scripts/serve.mjs) from this process.
//
// Env: PORT (default 3000), HOURBOOK_HOST (address to listen on; default: every interface — not HOSTNAME,
//      which shells and containers set to the machine name),
//      APP_URL (public URL; default http://localhost:<PORT>), NEXT_DIST_DIR (build folder,
//      default .next), plus whatever lib/env.ts reads.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { prepareData, repoRoot } from "./prepare-data.mjs";
import { assertPortFree, serve } from "./serve.mjs";

const nextBin = path.join(repoRoot, "node_modules", ".bin", "next");
// Same setting as next.config.ts's distDir.
const distDir = path.resolve(repoRoot, process.env.NEXT_DIST_DIR || ".next");
const buildIdFile = path.join(distDir, "BUILD_ID");
const fingerprintFile = path.join(distDir, "hourbook-build-fingerprint");

// Everything `next build` compiles or is configured by. Tests are left out: they are not built.
const BUILD_INPUT_DIRS = ["app", "components", "lib", "public"];
const BUILD_INPUT_FILES = [
  "instrumentation.ts",
  "prisma/schema.prisma",
  "package-lock.json",
  "next.config.ts",
  "proxy.ts",
  "postcss.config.mjs",
  "tsconfig.json",
];
const NOT_BUILT = /\.test\.tsx?$/;

// ---------------------------------------------------------------------------------------------
// Child processes. Each runs in its own process group so that stopping it also stops what it
// started: killing `next start` alone leaves its `next-server` child serving the port.

const liveGroups = new Set();

/** Spawns a command as the leader of a new process group; `done` settles when it exits. `stdio` as for spawn. */
export function runInGroup(command, args, { env = process.env, cwd = repoRoot, stdio = undefined } = {}) {
  /** @type {import("node:child_process").ChildProcess} */
  const child = spawn(command, args, { cwd, env, stdio: stdio ?? "inherit", detached: true });
  liveGroups.add(child.pid);
  const done = new Promise((resolve, reject) => {
    child.on("error", (error) => {
      liveGroups.delete(child.pid);
      reject(new Error(`Cannot run ${command}: ${error.message}`));
    });
    child.on("exit", (code, signal) => {
      // The leader is gone but its children may not be; take the rest of the group down too.
      signalGroup(child.pid, "SIGKILL");
      liveGroups.delete(child.pid);
      resolve({ code, signal });
    });
  });
  return { child, done };
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group has already exited.
  }
}

/** Stops every live group: SIGTERM first so servers close cleanly, SIGKILL after a grace period. */
async function stopAll(graceMs = 5_000) {
  const pids = [...liveGroups];
  for (const pid of pids) signalGroup(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (liveGroups.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids) signalGroup(pid, "SIGKILL");
}

let handlersInstalled = false;

/** Stops the children when this process is interrupted, terminated or exits for any reason. */
export function stopChildrenOnExit() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Synchronous last resort (e.g. an uncaught exception): no time for a grace period.
  process.on("exit", () => {
    for (const pid of liveGroups) signalGroup(pid, "SIGKILL");
  });
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(codes)) {
    process.on(signal, () => {
      stopAll().finally(() => process.exit(code));
    });
  }
}

/**
 * The npm process that ran this script (`npm start` → sh -c → node), or null when not run by
 * npm. Linux: read from /proc.
 */
function npmProcessId() {
  if (!process.env.npm_lifecycle_event) return null;
  /** A process's own name and its parent's pid. */
  const statOf = (pid) => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "(comm)": state, ppid, ...; comm itself may contain spaces.
    return { comm: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), ppid: Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) };
  };
  try {
    const parent = statOf(statOf(process.pid).ppid);
    return parent.comm === "sh" ? parent.ppid : statOf(process.pid).ppid;
  } catch {
    return null;
  }
}

/**
 * Stops this process when the `npm start` that ran it is gone. Killing npm outright (SIGKILL)
 * tells nobody, and the server would go on holding the port as an orphan.
 */
export function exitWithNpm(checkEveryMs = 1_000) {
  const npm = npmProcessId();
  if (!npm || npm === 1) return;
  setInterval(() => {
    try {
      process.kill(npm, 0);
    } catch {
      console.error("npm start was stopped: stopping the server.");
      stopAll().finally(() => process.exit(143));
    }
  }, checkEveryMs).unref();
}

// ---------------------------------------------------------------------------------------------
// Build, only when needed.

function listFiles(dir) {
  const absolute = path.join(repoRoot, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)))
    .filter((file) => !NOT_BUILT.test(file));
}

/**
 * A hash of every build input's path and content. Content rather than mtimes: a fresh clone or
 * a branch switch touches every file without changing what gets built.
 */
export function buildFingerprint() {
  const files = [...BUILD_INPUT_DIRS.flatMap(listFiles), ...BUILD_INPUT_FILES.filter((f) => fs.existsSync(path.join(repoRoot, f)))];
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(repoRoot, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

function storedFingerprint() {
  try {
    return fs.readFileSync(fingerprintFile, "utf8").trim();
  } catch {
    return null;
  }
}

/**
 * Runs `next build` unless the last build is of the same sources (`force` always builds).
 * The fingerprint is taken before building, so edits made during the build cause a rebuild next time.
 */
export async function ensureBuild({ env = process.env, force = false } = {}) {
  const fingerprint = buildFingerprint();
  if (!force && fs.existsSync(buildIdFile) && storedFingerprint() === fingerprint) {
    console.log("The build is up to date.");
    return;
  }
  console.log(force ? "Building the app..." : "Sources changed since the last build: building the app...");
  fs.rmSync(fingerprintFile, { force: true });
  const { code, signal } = await runInGroup(nextBin, ["build"], { env }).done;
  if (code !== 0) throw new Error(`next build failed (${signal ?? `exit code ${code}`}); see the messages above.`);
  fs.writeFileSync(fingerprintFile, `${fingerprint}\n`);
}

// ---------------------------------------------------------------------------------------------
// Serve.

/** The health check's answer when it answers 2xx (the server serves), else null. */
async function healthOf(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

function printBanner(appUrl) {
  console.log(
    [
      "",
      "  Hourbook is running",
      `  Open       ${appUrl}`,
      "  Sign in    ada@example.com or grace@example.com",
      "  Password   hourbook-demo",
      "  Stop       Ctrl+C",
      "",
    ].join("\n"),
  );
}

async function main() {
  process.chdir(repoRoot);
  stopChildrenOnExit();
  exitWithNpm();
  const port = process.env.PORT || "3000";
  const host = process.env.HOURBOOK_HOST || undefined;
  // Before preparing or building anything: a busy port is reported at once.
  await assertPortFree(port, host);
  const appUrl = process.env.APP_URL || `http://localhost:${port}`;
  // next-auth v4 reads NEXTAUTH_URL itself; it must be the public URL the browser uses.
  const env = { ...process.env, PORT: port, APP_URL: appUrl, NEXTAUTH_URL: appUrl, NEXT_TELEMETRY_DISABLED: "1" };

  await prepareData({ env });
  await ensureBuild({ env });

  // Served from this process (scripts/serve.mjs), so stopping `npm start` stops the server too.
  Object.assign(process.env, env);
  await serve({ port, host });
  // Probe over loopback unless the server listens on one specific address.
  const probeHost = !host || host === "0.0.0.0" || host.includes(":") ? "127.0.0.1" : host;
  const health = await healthOf(`http://${probeHost}:${port}/api/health`);
  if (!health) {
    console.error("The server started but /api/health does not answer yet; see the messages above.");
    return;
  }
  printBanner(appUrl);
  // Degraded still serves reads; say so, or a failed save would be the first sign of it.
  if (health.status === "degraded") console.warn(`  Warning: storage is degraded (${health.storage}): ${health.reason}.\n`);
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  main().catch((error) => {
    console.error(`start: ${error.message}`);
    process.exit(1);
  });
}
