/**
 * Storage failing for real under a running server (issue 12): its data folder is a small tmpfs
 * of its own, seeded with the demo data.
 *
 * A full disk (a ballast file fills the tmpfs): reads answer 200 — REST, MCP tools/list and a
 * reading tool, a web page — while writes are refused in each surface's shape saying why (REST
 * 503 problem+json, MCP isError tool result, OAuth refresh 503 temporarily_unavailable, the
 * web form's message), and /api/health says degraded. Deleting the ballast brings writes and
 * health back, with no restart: the same server process answers.
 *
 * A read-only mount: Linux refuses `mount -o remount,ro` while any process has a file on it
 * open for writing, so a mount cannot turn read-only under a server that has its database open
 * (the kernel's own emergency read-only after disk errors can, but is cleared only by
 * unmounting). What happens in practice is a server (re)started while the mount is read-only —
 * SQLite then silently opens the database read-only, and before the fix it stayed so after the
 * mount was writable again, until a restart. So the server is killed (as a crash would), the
 * mount turned read-only, a server started on it: reads answer, writes are refused saying the
 * database is read-only, health says degraded; then the mount is made writable and, again
 * without a restart, writes and health recover.
 *
 * Needs root and mounting (skipped with the reason otherwise), and the production build
 * `npm test` makes (skipped when the build is not of these sources).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { mountTmpfs, type Tmpfs } from "../lib/testing/tmpfs";
import { prepareData } from "../scripts/prepare-data.mjs";
import { buildFingerprint } from "../scripts/start.mjs";
import type { MintedConnection } from "./support/mint-connection";

const PORT = 3233;
const APP = `http://127.0.0.1:${PORT}`;
const PROJECT = "Difference Engine Docs";

test.describe.configure({ mode: "serial" });

let tmpfs: Tmpfs | undefined;
let server: { child: ChildProcess; output: () => string } | undefined;
let minted: MintedConnection;
let refreshToken: string;
let projectId: string;
let page: Page;
const secrets = { nextAuth: randomBytes(32).toString("base64url"), encryption: randomBytes(32).toString("base64url") };

function serverEnv(dataDir: string): NodeJS.ProcessEnv {
  const { DATABASE_URL: _harness, NEXT_DIST_DIR: _dist, ...rest } = process.env;
  return {
    ...rest,
    PORT: String(PORT),
    HOURBOOK_HOST: "127.0.0.1",
    HOURBOOK_DATA_DIR: dataDir,
    DATABASE_URL: `file:${path.join(dataDir, "hourbook.db")}`,
    APP_URL: APP,
    NEXTAUTH_URL: APP,
    NEXT_TELEMETRY_DISABLED: "1",
    // Given, not generated: nothing needs writing to the data folder besides the database.
    NEXTAUTH_SECRET: secrets.nextAuth,
    HOURBOOK_ENCRYPTION_SECRET: secrets.encryption,
  };
}

function buildIsCurrent(): boolean {
  try {
    return fs.readFileSync(path.join(".next", "hourbook-build-fingerprint"), "utf8").trim() === buildFingerprint();
  } catch {
    return false;
  }
}

async function startServer(dataDir: string): Promise<void> {
  // Its own process group, so everything it starts can be stopped with it.
  const child = spawn(process.execPath, ["scripts/serve.mjs"], { env: serverEnv(dataDir), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server = { child, output: () => output };
  await until(async () => (await fetch(`${APP}/api/health`).catch(() => null)) !== null, 60_000, "the server to answer");
}

/** Kills the server's whole process group, as a crash would, and waits until it is gone. */
async function killServer(): Promise<void> {
  const child = server?.child;
  server = undefined;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // gone already
  }
  await exited;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}; server output:\n${server?.output() ?? ""}`);
}

async function health(strict = false) {
  const response = await fetch(`${APP}/api/health${strict ? "?strict" : ""}`);
  return { status: response.status, body: (await response.json()) as { ok: boolean; status: string; storage: string; reason?: string } };
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function listEntries() {
  const response = await fetch(`${APP}/api/v1/time-entries?limit=5`, { headers: bearer(minted.apiAccessToken) });
  return { status: response.status, body: (await response.json()) as { data?: unknown[] } };
}

async function postEntry(description: string) {
  const response = await fetch(`${APP}/api/v1/time-entries`, {
    method: "POST",
    headers: { ...bearer(minted.apiAccessToken), "Content-Type": "application/json" },
    body: JSON.stringify({ project_id: projectId, started_at: new Date(Date.now() - 7_200_000).toISOString(), duration_seconds: 1800, description }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

let rpcId = 1;
async function mcp(method: string, params: Record<string, unknown> = {}) {
  const response = await fetch(`${APP}/mcp`, {
    method: "POST",
    headers: { ...bearer(minted.mcpAccessToken), "Content-Type": "application/json", Accept: "application/json, text/event-stream", "MCP-Protocol-Version": "2025-11-25" },
    body: JSON.stringify({ jsonrpc: "2.0", id: rpcId++, method, params }),
  });
  const body = (await response.json()) as { result?: { tools?: { name: string }[]; isError?: boolean; content?: { text: string }[] }; error?: unknown };
  return { status: response.status, body };
}

const createEntryTool = (description: string) =>
  mcp("tools/call", { name: "create_time_entry", arguments: { project_id: projectId, started_at: new Date(Date.now() - 7_200_000).toISOString(), duration_seconds: 1800, description } });

async function refresh() {
  const response = await fetch(`${APP}/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: minted.clientId }).toString(),
  });
  const body = (await response.json()) as { refresh_token?: string; error?: string; error_description?: string };
  if (response.status === 200 && body.refresh_token) refreshToken = body.refresh_token;
  return { status: response.status, headers: response.headers, body };
}

/** Adds an entry through the week view's form and returns the form's message. */
async function addEntryOnTheWeekView(description: string): Promise<string> {
  await page.goto(`${APP}/w/lovelace-studio/time`);
  const form = page.getByRole("form", { name: "Add time entry" });
  await form.getByLabel("Duration").fill("0:30");
  await form.getByLabel("Project").selectOption({ label: PROJECT });
  await form.getByLabel("Description").fill(description);
  await form.getByRole("button", { name: "Add entry" }).click();
  const message = page.getByTestId("create-entry-message");
  await expect(message).toBeVisible();
  return (await message.textContent()) ?? "";
}

/** Everything a reader does answers, while storage refuses writes. */
async function expectReadsAnswer(): Promise<void> {
  const entries = await listEntries();
  expect(entries.status).toBe(200);
  expect(entries.body.data?.length).toBe(5);
  const tools = await mcp("tools/list");
  expect(tools.status).toBe(200);
  expect(tools.body.result?.tools?.map((t) => t.name)).toContain("create_time_entry");
  const listed = await mcp("tools/call", { name: "list_time_entries", arguments: { limit: 3 } });
  expect(listed.status).toBe(200);
  expect(listed.body.result?.isError).toBeFalsy();
  const week = await page.goto(`${APP}/w/lovelace-studio/time`);
  expect(week?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Time" })).toBeVisible();
  const integrations = await page.goto(`${APP}/account/integrations`);
  expect(integrations?.status()).toBe(200);
}

/** Every surface refuses a write with its own shape, saying `reason`. */
async function expectWritesRefused(reason: RegExp): Promise<void> {
  const rest = await postEntry("REST while storage fails");
  expect(rest.status).toBe(503);
  expect(rest.headers.get("content-type")).toBe("application/problem+json");
  expect(rest.headers.get("retry-after")).toBe("30");
  expect(rest.body).toMatchObject({ code: "storage_unavailable", status: 503, type: "https://hourbook.dev/problems/storage-unavailable" });
  expect(rest.body.detail).toMatch(reason);

  const tool = await createEntryTool("MCP while storage fails");
  expect(tool.status).toBe(200);
  expect(tool.body.result?.isError).toBe(true);
  expect(tool.body.result?.content?.[0]?.text).toMatch(/^create_time_entry was not carried out\. Hourbook cannot save changes right now/);
  expect(tool.body.result?.content?.[0]?.text).toMatch(reason);

  const token = await refresh();
  expect(token.status).toBe(503);
  expect(token.headers.get("retry-after")).toBe("30");
  expect(token.body.error).toBe("temporarily_unavailable");
  expect(token.body.error_description).toMatch(reason);

  expect(await addEntryOnTheWeekView("Web while storage fails")).toMatch(reason);
}

/** Writes work again on every surface, on the same server process. */
async function expectRecoveredWithoutRestart(pid: number | undefined): Promise<void> {
  await until(async () => (await health()).body.status === "ok", 30_000, "health to be ok again");
  expect((await health(true)).status).toBe(200);
  expect((await postEntry("REST after recovery")).status).toBe(201);
  const tool = await createEntryTool("MCP after recovery");
  expect(tool.body.result?.isError).toBeFalsy();
  // The refresh token refused during the failure was not used up: nothing was half-written.
  expect((await refresh()).status).toBe(200);
  expect(await addEntryOnTheWeekView("Web after recovery")).toContain(`Added 0:30 on ${PROJECT}`);
  expect(server?.child.pid).toBe(pid);
  expect(server?.child.exitCode).toBeNull();
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  test.skip(!buildIsCurrent(), "the production build is not of these sources (npm test builds first)");
  const mounted = mountTmpfs(48, "hourbook-storage-e2e-");
  test.skip(!mounted.ok, mounted.ok ? "" : mounted.reason);
  if (!mounted.ok) return;
  tmpfs = mounted.tmpfs;
  const env = serverEnv(tmpfs.dir);
  await prepareData({ env });
  const out = execFileSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "e2e/support/mint-connection.ts"], { env, encoding: "utf8" });
  minted = JSON.parse(out.trim().split("\n").at(-1) ?? "") as MintedConnection;
  refreshToken = minted.mcpRefreshToken;
  await startServer(tmpfs.dir);
  const projects = (await (await fetch(`${APP}/api/v1/projects`, { headers: bearer(minted.apiAccessToken) })).json()) as { data: { id: string; name: string }[] };
  projectId = projects.data.find((p) => p.name === PROJECT)!.id;

  page = await (await browser.newContext({ baseURL: APP })).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByLabel("Password").fill("hourbook-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\//);
});

test.afterAll(async () => {
  await page?.context().close();
  await killServer();
  tmpfs?.unmount();
});

test("a full disk: reads answer, writes are refused saying why, health is degraded; freeing space recovers without a restart", async () => {
  test.setTimeout(120_000);
  if (!tmpfs) throw new Error("no tmpfs");
  expect((await health()).body).toMatchObject({ status: "ok", storage: "writable" });
  const pid = server?.child.pid;

  tmpfs.fill();
  await expectReadsAnswer();
  await expectWritesRefused(/the disk is full/);
  await until(async () => (await health()).body.status === "degraded", 10_000, "health to say degraded");
  const degraded = await health();
  expect(degraded.status).toBe(200);
  expect(degraded.body).toMatchObject({ ok: true, status: "degraded" });
  expect(["full", "low_space"]).toContain(degraded.body.storage);
  expect(degraded.body.reason).toMatch(/the disk is (nearly )?full/);
  expect((await health(true)).status).toBe(503);

  tmpfs.drain();
  await expectRecoveredWithoutRestart(pid);
});

test("a read-only mount: reads answer, writes are refused saying why, health is degraded; making it writable recovers without a restart", async () => {
  test.setTimeout(180_000);
  if (!tmpfs) throw new Error("no tmpfs");
  const dir = tmpfs.dir;
  // Killed with the database open, as a crash would: its -wal and -shm stay, which a reader
  // on a read-only mount needs (a cleanly closed WAL database cannot be opened there at all).
  await killServer();
  tmpfs.remount("ro");
  await startServer(dir);
  const pid = server?.child.pid;

  await expectReadsAnswer();
  await expectWritesRefused(/the database is read-only/);
  const degraded = await health();
  expect(degraded.status).toBe(200);
  expect(degraded.body).toMatchObject({ ok: true, status: "degraded", storage: "read_only", reason: "the database is read-only" });
  expect((await health(true)).status).toBe(503);

  tmpfs.remount("rw");
  await expectRecoveredWithoutRestart(pid);
});
