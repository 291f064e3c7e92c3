/**
 * `npm start` as an operator meets it: a busy port is a clear error before anything claims
 * success, and stopping `npm start` — politely or with kill -9 — stops the server it started,
 * leaving the port free. Runs the real `npm start` on its own port and data folder, with the
 * build `npm test` made (skipped when that build is not of the current sources, since
 * `npm start` would then rebuild the folder the suite's server is using).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { buildFingerprint } from "../scripts/start.mjs";

const PORT = 3231;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-start-"));

test.describe.configure({ mode: "serial" });
test.afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function buildIsCurrent(): boolean {
  try {
    return fs.readFileSync(path.join(".next", "hourbook-build-fingerprint"), "utf8").trim() === buildFingerprint();
  } catch {
    return false;
  }
}

function startEnv(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _harness, NEXT_DIST_DIR: _dist, ...rest } = process.env;
  return { ...rest, PORT: String(PORT), HOURBOOK_HOST: "127.0.0.1", HOURBOOK_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(command: string, args: string[]): Started {
  // Its own process group, so a failed test can still clean up everything it started.
  const child = spawn(command, args, { env: startEnv(), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function portAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port: PORT, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

function killGroup(pid: number | undefined) {
  try {
    if (pid) process.kill(-pid, "SIGKILL");
  } catch {
    // gone already
  }
}

test.beforeEach(() => {
  test.skip(!buildIsCurrent(), "the production build is not of these sources (npm test builds first)");
});

test("a busy port is reported at once, before preparing data or claiming to run", async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(PORT, "127.0.0.1", resolve));
  try {
    const started = run(process.execPath, ["scripts/start.mjs"]);
    const code = await Promise.race([started.exited, new Promise<"hung">((r) => setTimeout(() => r("hung"), 15_000))]);
    killGroup(started.child.pid);
    expect(code).toBe(1);
    expect(started.output()).toContain(`Port ${PORT} on 127.0.0.1 is already in use`);
    expect(started.output()).not.toContain("Hourbook is running");
    expect(fs.existsSync(path.join(dataDir, "hourbook.db"))).toBe(false);
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});

for (const [how, stop] of [
  ["Ctrl+C (SIGINT to the terminal's process group)", (npm: ChildProcess) => process.kill(-(npm.pid as number), "SIGINT")],
  ["kill (SIGTERM to npm)", (npm: ChildProcess) => npm.kill("SIGTERM")],
  ["kill -9 of npm alone", (npm: ChildProcess) => npm.kill("SIGKILL")],
] as const) {
  test(`stopping npm start with ${how} stops the server and frees the port`, async () => {
    test.setTimeout(180_000);
    const npm = run("npm", ["start"]);
    try {
      await until(() => npm.output().includes("Hourbook is running"), 150_000, `the banner; output so far:\n${npm.output()}`);
      expect(await portAnswers()).toBe(true);
      stop(npm.child);
      await until(async () => !(await portAnswers()), 15_000, "the port to be freed");
    } finally {
      killGroup(npm.child.pid);
    }
  });
}
