/**
 * Several stateless instances on one PostgreSQL, behind the example nginx config: two app
 * processes (A and B, `node scripts/serve.mjs` on their own ports and data folders, sharing
 * DATABASE_URL, APP_URL and the two secrets given by env) and nginx balancing them. What one
 * instance does, the other sees at once: a code redeemed on A is spent on B, a connection
 * revoked on A fails the next request on B, confirmation tokens and idempotency keys used on
 * one are spent on the other, the per-connection rate limit counts requests to both, and a
 * signing key rotated on the database is used and accepted by both within the documented bound.
 * Through nginx, each client address gets its own rate-limit allowance and X-Forwarded-For
 * cannot be forged past it.
 *
 * Uses the production build `npm test` makes before Playwright (skipped when there is none of
 * these sources), POSTGRES_ADMIN_URL's server when set (else a throwaway one), and nginx
 * (installed with apt when missing, as root; see scripts/nginx-server.mjs).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { decodeProtectedHeader } from "jose";
import { onPostgresServer, postgresDatabaseUrl } from "../lib/testing/test-databases";
import { startNginx } from "../scripts/nginx-server.mjs";
import { startPostgres } from "../scripts/postgres-server.mjs";
import { buildFingerprint } from "../scripts/start.mjs";
import { authorizeInBrowser, signInIfAsked } from "./support/consent";
import { connectInBrowser, mcp, registerApp } from "./support/connect-in-browser";
import { caller } from "./support/from-address";
import { authorizeUrl, newPkce, newState, postForm, REDIRECT_URI, type TokenResponse } from "./support/oauth";

const PORT_A = 3232;
const PORT_B = 3233;
const PROXY_PORT = 3234;
const A = `http://127.0.0.1:${PORT_A}`;
const B = `http://127.0.0.1:${PORT_B}`;
/** APP_URL of both instances: the public address is the proxy's, and it is the tokens' issuer. */
const PROXY = `http://127.0.0.1:${PROXY_PORT}`;
/** HOURBOOK_CONNECTION_RATE_LIMIT of both instances: calls per minute per connection and surface. */
const CONNECTION_LIMIT = 10;
/** lib/oauth/signing-keys.ts KEY_SET_REFRESH_SECONDS, the documented bound (README, "Running several instances"). */
const KEY_SET_REFRESH_SECONDS = 10;
/**
 * Rate-limit counts may be batched per instance and written to the database about once a
 * second: before expecting B to see requests made to A, let them settle this long.
 */
const SETTLE_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function buildIsCurrent(): boolean {
  try {
    return fs.readFileSync(path.join(".next", "hourbook-build-fingerprint"), "utf8").trim() === buildFingerprint();
  } catch {
    return false;
  }
}

interface Instance {
  child: ChildProcess;
  output: () => string;
}

/** Starts `node scripts/serve.mjs` in its own process group and waits for /api/health. */
async function startInstance(port: number, env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn(process.execPath, ["scripts/serve.mjs"], { env: { ...env, PORT: String(port) }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
    if (health?.ok) return { child, output: () => output };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`instance on ${port} did not start:\n${output}`);
    await sleep(250);
  }
}

function stopGroup(child: ChildProcess | undefined) {
  try {
    if (child?.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    // gone already
  }
}

/** Runs a command to completion with `env`; resolves with its stdout, rejects with its output. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${stdout}${stderr}`))));
  });
}

const kidOf = (token: string) => String(decodeProtectedHeader(token).kid);

async function callTool(appUrl: string, token: string, name: string, args: Record<string, unknown> = {}) {
  const answer = await mcp(appUrl, token, "tools/call", { name, arguments: args });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const result = answer.body.result as { isError?: boolean; content?: Array<{ text?: string }>; structuredContent?: Record<string, unknown> };
  return { ...result, text: (result.content ?? []).map((c) => c.text ?? "").join("\n") };
}

let postgres: { url: (database?: string) => string; stop: () => void } | undefined;
let database: { adminUrl: string; name: string } | undefined;
let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
const instances: Instance[] = [];
const dataDirs: string[] = [];
let instanceEnv: NodeJS.ProcessEnv;
let page: Page;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  test.skip(!buildIsCurrent(), "the production build is not of these sources (npm test builds first)");
  test.setTimeout(240_000);
  const started = Date.now();
  const step = (what: string) => console.log(`several instances: ${what} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // One database on POSTGRES_ADMIN_URL's server (npm test starts one), else on a server of our own.
  const name = `hourbook_instances_${randomBytes(4).toString("hex")}`;
  let adminUrl = process.env.POSTGRES_ADMIN_URL;
  if (!adminUrl) {
    postgres = await startPostgres();
    adminUrl = postgres.url();
  }
  await onPostgresServer(adminUrl, [`CREATE DATABASE "${name}"`]);
  database = { adminUrl, name };
  step("database created");

  const { DATABASE_URL: _harness, NEXT_DIST_DIR: _dist, HOURBOOK_DATA_DIR: _data, ...rest } = process.env;
  // What every instance must share (README, "Running several instances"): the database, the
  // public URL, both secrets; and, behind the proxy, HOURBOOK_TRUST_PROXY=1.
  instanceEnv = {
    ...rest,
    DATABASE_URL: postgresDatabaseUrl(adminUrl, name),
    APP_URL: PROXY,
    NEXTAUTH_URL: PROXY,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    HOURBOOK_ENCRYPTION_SECRET: randomBytes(32).toString("base64url"),
    HOURBOOK_TRUST_PROXY: "1",
    HOURBOOK_CONNECTION_RATE_LIMIT: String(CONNECTION_LIMIT),
    HOURBOOK_HOST: "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const label of ["a", "b"]) dataDirs.push(fs.mkdtempSync(path.join(os.tmpdir(), `hourbook-instance-${label}-`)));
  await run(process.execPath, ["scripts/prepare-data.mjs"], { ...instanceEnv, HOURBOOK_DATA_DIR: dataDirs[0] });
  step("migrated and seeded");
  instances.push(
    ...(await Promise.all([
      startInstance(PORT_A, { ...instanceEnv, HOURBOOK_DATA_DIR: dataDirs[0] }),
      startInstance(PORT_B, { ...instanceEnv, HOURBOOK_DATA_DIR: dataDirs[1] }),
    ])),
  );
  step("instances up");
  nginx = await startNginx({ port: PROXY_PORT, instances: [`127.0.0.1:${PORT_A}`, `127.0.0.1:${PORT_B}`] });

  // Ada signs in through the proxy; her session cookie is then read by whichever instance nginx picks.
  page = await browser.newPage();
  await page.route(`${new URL(REDIRECT_URI).origin}/**`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Client</title>" }));
  await page.goto(`${PROXY}/login`);
  await signInIfAsked(page);
  await page.waitForURL(/\/w\//);
  step("nginx up and Ada signed in");
});

test.afterAll(async () => {
  await page?.close();
  for (const instance of instances) stopGroup(instance.child);
  await nginx?.stop();
  if (database) await onPostgresServer(database.adminUrl, [`DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`]).catch(() => undefined);
  postgres?.stop();
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new app connected through the proxy (register, consent in the browser, code exchange). */
async function connect(clientName: string, scope = "hourbook:read hourbook:write"): Promise<TokenResponse & { clientId: string }> {
  const clientId = await registerApp(PROXY, clientName);
  const tokens = await connectInBrowser(page, { appUrl: PROXY, clientId, clientName, workspace: "Lovelace Studio", scope });
  return { ...tokens, clientId };
}

test("the instances share the secrets and the data folders stay their own", async () => {
  // Both started without generating a secret of their own, and neither warned about one.
  for (const dir of dataDirs) expect(fs.existsSync(path.join(dir, "secrets.json"))).toBe(false);
  for (const instance of instances) expect(instance.output()).not.toContain("is not set: this instance uses");
  // The browser's requests went to both instances through nginx, with one session.
  const upstreams = new Set([...nginx!.accessLog().matchAll(/upstream=(\S+)/g)].map((m) => m[1]));
  expect(upstreams).toEqual(new Set([`127.0.0.1:${PORT_A}`, `127.0.0.1:${PORT_B}`]));
});

test("an instance given another HOURBOOK_ENCRYPTION_SECRET refuses to start, naming the setting to share", async () => {
  // The first use of the signing key creates it, encrypted with the shared secret.
  expect((await fetch(`${A}/oauth/jwks`)).status).toBe(200);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-instance-c-"));
  dataDirs.push(dir);
  const env = { ...instanceEnv, HOURBOOK_DATA_DIR: dir, HOURBOOK_ENCRYPTION_SECRET: randomBytes(32).toString("base64url"), PORT: String(PROXY_PORT + 1) };
  const child = spawn(process.execPath, ["scripts/serve.mjs"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // Stopped by afterAll too, should this test time out.
  instances.push({ child, output: () => output });
  try {
    const code = await Promise.race([new Promise<number | null>((resolve) => child.on("exit", resolve)), sleep(25_000).then(() => "still running" as const)]);
    expect(code, output).toBe(1);
    expect(output).toMatch(
      /Cannot decrypt signing key \S+ \(the one access tokens are signed with\) with this instance's HOURBOOK_ENCRYPTION_SECRET \(from the environment\): it was encrypted with another secret\. Every instance that shares a database must be given the same HOURBOOK_ENCRYPTION_SECRET/,
    );
  } finally {
    stopGroup(child);
  }
});

test("an authorization code redeemed on A is refused on B, and the tokens A issued for it stop working on B", async () => {
  const clientName = "Code spec app";
  const clientId = await registerApp(PROXY, clientName);
  const pkce = newPkce();
  const redirect = await authorizeInBrowser(page, authorizeUrl(PROXY, { clientId, challenge: pkce.challenge, state: newState(), scope: "hourbook:read" }), clientName);
  const code = redirect.searchParams.get("code") ?? "";
  const fields = { grant_type: "authorization_code", code, code_verifier: pkce.verifier, redirect_uri: REDIRECT_URI, client_id: clientId };

  const onA = await postForm<TokenResponse>(`${A}/oauth/token`, fields);
  expect(onA.status, JSON.stringify(onA.body)).toBe(200);
  expect((await mcp(B, onA.body.access_token, "tools/list")).status).toBe(200);
  const onB = await postForm(`${B}/oauth/token`, fields);
  expect(onB.status).toBe(400);
  expect(onB.body).toMatchObject({ error: "invalid_grant" });
  // A code used twice revokes what it was exchanged for (RFC 9700 §4.2.4), on every instance.
  expect((await mcp(B, onA.body.access_token, "tools/list")).status).toBe(401);
});

test("a connection revoked on A (RFC 7009) fails the very next request on B", async () => {
  const tokens = await connect("Revocation spec app");
  expect((await mcp(B, tokens.access_token, "tools/list")).status).toBe(200);
  const revoked = await postForm(`${A}/oauth/revoke`, { token: tokens.refresh_token, client_id: tokens.clientId });
  expect(revoked.status).toBe(200);
  expect((await mcp(B, tokens.access_token, "tools/list")).status).toBe(401);
  const refresh = await postForm(`${B}/oauth/token`, { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: tokens.clientId });
  expect(refresh.body).toMatchObject({ error: "invalid_grant" });
});

test("an idempotency key and a confirmation token used on one instance are spent on the other", async () => {
  const tokens = await connect("Confirmation spec app", "hourbook:read hourbook:write hourbook:admin");
  const token = tokens.access_token;
  const projects = (await callTool(A, token, "list_projects")).structuredContent?.projects as Array<{ id: string; name: string }>;
  const docs = projects.find((p) => p.name === "Difference Engine Docs");
  expect(docs).toBeTruthy();

  // The same key on B replays A's result instead of tracking the time twice; other arguments conflict.
  const entry = { project_id: docs!.id, started_at: new Date(Date.now() - 2 * 3600_000).toISOString(), duration_seconds: 1_800, billable: false, description: "Several instances" };
  const key = `instances-${randomBytes(6).toString("hex")}`;
  const created = await callTool(A, token, "create_time_entry", { ...entry, idempotency_key: key });
  expect(created.isError, created.text).toBeFalsy();
  const entryId = (created.structuredContent?.time_entry as { id: string }).id;
  const replayed = await callTool(B, token, "create_time_entry", { ...entry, idempotency_key: key });
  expect((replayed.structuredContent?.time_entry as { id: string }).id).toBe(entryId);
  const conflicting = await callTool(B, token, "create_time_entry", { ...entry, description: "Something else", idempotency_key: key });
  expect(conflicting.isError).toBe(true);
  expect(conflicting.text).toMatch(/already used with different arguments/);

  // A confirmation token issued on A and used on B cannot be used again on A.
  const asked = await callTool(A, token, "delete_time_entry", { time_entry_id: entryId });
  expect(asked.structuredContent).toMatchObject({ status: "confirmation_required" });
  const confirmationToken = String(asked.structuredContent?.confirmation_token);
  const done = await callTool(B, token, "delete_time_entry", { time_entry_id: entryId, confirmation_token: confirmationToken });
  expect(done.structuredContent, done.text).toMatchObject({ status: "done" });
  const reused = await callTool(A, token, "delete_time_entry", { time_entry_id: entryId, confirmation_token: confirmationToken });
  expect(reused.isError).toBe(true);
  expect(reused.text).toMatch(/already used/);
});

test("the per-connection rate limit counts the requests made to both instances", async () => {
  const tokens = await connect("Rate limit spec app");
  const onA = 4;
  for (let i = 0; i < onA; i++) expect((await mcp(A, tokens.access_token, "tools/list")).status).toBe(200);
  // Counts may be batched per instance and flushed about once a second: let A's settle.
  await sleep(SETTLE_MS);
  let allowedOnB = 0;
  for (;;) {
    const answer = await mcp(B, tokens.access_token, "tools/list");
    if (answer.status === 429) break;
    expect(answer.status).toBe(200);
    allowedOnB += 1;
    expect(allowedOnB, "B never refused: it does not count A's requests").toBeLessThan(CONNECTION_LIMIT);
  }
  expect(allowedOnB).toBe(CONNECTION_LIMIT - onA);
});

test(`a signing key rotated on the shared database is used and accepted by both instances within ${KEY_SET_REFRESH_SECONDS} s`, async () => {
  const tokens = await connect("Rotation spec app");
  const before = tokens.access_token;
  const rotatedAt = Date.now();
  const printed = await run("npx", ["tsx", "scripts/rotate-signing-key.ts"], { ...instanceEnv, HOURBOOK_DATA_DIR: dataDirs[0] });
  const kid = /signed with key (\S+)\./.exec(printed)?.[1];
  expect(kid, printed).toBeTruthy();
  expect(kid).not.toBe(kidOf(before));
  // The JWK Set is read from the database on every request: both publish the new key at once.
  for (const instance of [A, B]) {
    const jwks = (await (await fetch(`${instance}/oauth/jwks`)).json()) as { keys: Array<{ kid: string }> };
    expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([kid, kidOf(before)]));
  }

  // Each instance signs with the new key once its cached signer is KEY_SET_REFRESH_SECONDS old.
  let refreshToken = tokens.refresh_token;
  const signedWithNewKey: Record<string, string> = {};
  for (const instance of [A, B]) {
    for (;;) {
      const refreshed = await postForm<TokenResponse>(`${instance}/oauth/token`, { grant_type: "refresh_token", refresh_token: refreshToken, client_id: tokens.clientId });
      expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
      refreshToken = refreshed.body.refresh_token;
      if (kidOf(refreshed.body.access_token) === kid) {
        signedWithNewKey[instance] = refreshed.body.access_token;
        break;
      }
      expect(Date.now() - rotatedAt, `${instance} still signs with the old key`).toBeLessThan((KEY_SET_REFRESH_SECONDS + 3) * 1000);
      await sleep(500);
    }
  }
  // A token signed with the new key on one instance verifies on the other; so does one signed before.
  expect((await mcp(B, signedWithNewKey[A]!, "tools/list")).status).toBe(200);
  expect((await mcp(A, signedWithNewKey[B]!, "tools/list")).status).toBe(200);
  expect((await mcp(B, before, "tools/list")).status).toBe(200);
  // And through nginx, which passes the MCP answer on whole, whichever instance gives it.
  for (const token of Object.values(signedWithNewKey)) {
    const answer = await mcp(PROXY, token, "tools/list");
    expect(answer.status).toBe(200);
    expect(answer.body.result?.tools?.map((t) => t.name)).toContain("list_time_entries");
  }
});

test("through nginx, each client address has its own allowance, and X-Forwarded-For cannot be forged past it", async () => {
  const flooder = caller("127.0.0.2", PROXY);
  const other = caller("127.0.0.3", PROXY);
  const junk = "/oauth/authorize?client_id=hbci_junk";
  // The authorize limit is per address (60 a minute); nginx alternates the requests between A and B.
  let sent = 0;
  let refused = false;
  while (!refused && sent < 200) {
    const answer = await flooder.get(junk);
    sent += 1;
    refused = answer.status === 429;
    // Pause now and then so batched counts reach the database and each instance sees the other's.
    if (sent % 30 === 0) await sleep(SETTLE_MS);
  }
  expect(refused, `no 429 after ${sent} requests from 127.0.0.2`).toBe(true);
  await sleep(SETTLE_MS);
  expect((await flooder.get(junk)).status).toBe(429);
  // Another client address is not limited: the instances count the client, not nginx (127.0.0.1).
  expect((await other.get(junk)).status).not.toBe(429);
  // A forged X-Forwarded-For moves the flooder nowhere (nginx appends the real address, which the
  // app reads), and cannot make the other client look like the flooder either.
  for (const forged of ["127.0.0.3", "198.51.100.7", "127.0.0.3, 198.51.100.7"]) {
    const spoofing = caller("127.0.0.2", PROXY, { "x-forwarded-for": forged, "x-real-ip": "198.51.100.8" });
    expect((await spoofing.get(junk)).status, `forged X-Forwarded-For: ${forged}`).toBe(429);
  }
  expect((await caller("127.0.0.3", PROXY, { "x-forwarded-for": "127.0.0.2" }).get(junk)).status).not.toBe(429);
  // Both instances served the flood.
  const served = [...nginx!.accessLog().matchAll(/^127\.0\.0\.2 .*"GET \/oauth\/authorize\S* HTTP\/1\.1" \d+ \d+ upstream=(\S+)$/gm)].map((m) => m[1]);
  expect(new Set(served)).toEqual(new Set([`127.0.0.1:${PORT_A}`, `127.0.0.1:${PORT_B}`]));
});
