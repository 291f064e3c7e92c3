/**
 * The REST API end to end, as a developer uses it: Ada registers a confidential developer app
 * in the UI, authorizes it in the browser for the REST API with PKCE, the script exchanges the
 * code with client_secret_basic, then tracks time through POST /api/v1/time-entries and reads it
 * back. The entry is non-billable on Difference Engine Docs and deleted at the end, so other
 * specs' totals (Menabrea Press's unbilled time) are untouched.
 */
import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

// Nothing listens here: the browser's request to it is intercepted and answered by the test.
const REDIRECT_URI = "http://127.0.0.1:47393/callback";
const APP_NAME = "Invoice Sync Script";

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function call(baseURL: string, method: string, path: string, accessToken: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${baseURL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** RFC 6749 §2.3.1: HTTP Basic with the form-urlencoded client id and secret. */
function basic(clientId: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replaceAll("%20", "+");
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString("base64")}`;
}

test("a developer app registered in the UI gets a REST API token and tracks time through the API", async ({ page, baseURL }) => {
  const appUrl = baseURL ?? "";
  await signIn(page, "ada@example.com");

  // Register a confidential app for the REST API (client_secret_basic is the default method).
  await page.goto("/developers/apps/new");
  await page.getByLabel("App name").fill(APP_NAME);
  await expect(page.getByRole("radio", { name: "Confidential" })).toBeChecked();
  await expect(page.getByLabel("How it sends its secret to the token endpoint")).toHaveValue("client_secret_basic");
  await page.getByLabel("Redirect URIs").fill(REDIRECT_URI);
  await page.getByRole("checkbox", { name: "REST API" }).check();
  await page.getByRole("checkbox", { name: /hourbook:read$/ }).check();
  await page.getByRole("checkbox", { name: /hourbook:write$/ }).check();
  await page.getByRole("checkbox", { name: /hourbook:admin$/ }).check();
  await page.getByRole("button", { name: "Create app" }).click();

  const panel = page.getByTestId("secret-reveal");
  await expect(panel).toContainText("you won't see this secret again");
  const secret = await panel.getByRole("textbox", { name: "Client secret" }).inputValue();
  const continueHref = (await panel.getByRole("link", { name: /continue to the app/ }).getAttribute("href")) ?? "";
  const clientId = continueHref.replace("/developers/apps/", "");
  expect(clientId).toMatch(/^hbci_/);

  // Authorize in the browser: PKCE S256, resource = the REST API; the redirect is intercepted.
  const verifier = randomBytes(32).toString("base64url");
  const state = randomBytes(12).toString("base64url");
  const authorize = new URL("/oauth/authorize", appUrl);
  authorize.search = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    scope: "hourbook:read hourbook:write hourbook:admin",
    resource: `${appUrl}/api`,
    state,
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).toString();
  await page.route(`${new URL(REDIRECT_URI).origin}/**`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Back in the script</title>" }));
  await page.goto(authorize.toString());
  if (new URL(page.url()).pathname === "/login") {
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Password").fill("hourbook-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  await expect(page.getByRole("heading", { level: 1 })).toContainText(APP_NAME);
  await page.getByRole("radiogroup", { name: "Workspace" }).getByRole("radio", { name: "Lovelace Studio" }).check();
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL((url) => url.href.startsWith(REDIRECT_URI));
  const back = new URL(page.url());
  expect(back.searchParams.get("state")).toBe(state);
  expect(back.searchParams.get("iss")).toBe(appUrl);
  const code = back.searchParams.get("code") ?? "";
  expect(code).not.toBe("");

  // Exchange the code with client_secret_basic.
  const tokenResponse = await fetch(`${appUrl}/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: basic(clientId, secret) },
    body: new URLSearchParams({ grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI }),
  });
  const tokens = (await tokenResponse.json()) as Record<string, unknown>;
  expect(tokenResponse.status, JSON.stringify(tokens)).toBe(200);
  expect(tokens).toMatchObject({ token_type: "Bearer", scope: "hourbook:read hourbook:write hourbook:admin" });
  const accessToken = String(tokens.access_token);

  // The token is for the REST API: it works there and is refused by the MCP server.
  const me = await call(appUrl, "GET", "/api/v1/me", accessToken);
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({ user: { email: "ada@example.com" }, role: "owner", workspace: { slug: "lovelace-studio" } });
  const mcp = await fetch(`${appUrl}/mcp`, {
    method: "POST",
    headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
  });
  await mcp.body?.cancel();
  expect(mcp.status).toBe(401);

  // Track time on Difference Engine Docs (non-billable), then read it back.
  const projects = await call(appUrl, "GET", "/api/v1/projects", accessToken);
  const docs = (projects.body.data as { id: string; name: string }[]).find((p) => p.name === "Difference Engine Docs");
  expect(docs).toBeDefined();
  const startedAt = new Date(Math.floor((Date.now() - 3 * 3600_000) / 60_000) * 60_000).toISOString();
  const created = await call(
    appUrl,
    "POST",
    "/api/v1/time-entries",
    accessToken,
    { project_id: docs?.id, started_at: startedAt, duration_seconds: 2_700, description: "Synced from the REST API", billable: false },
    { "Idempotency-Key": `e2e-${randomBytes(8).toString("hex")}` },
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body).toMatchObject({ duration_seconds: 2_700, billable: false, description: "Synced from the REST API", project: { name: "Difference Engine Docs" }, invoice: null });
  const entryId = String(created.body.id);

  try {
    const read = await call(appUrl, "GET", `/api/v1/time-entries/${entryId}`, accessToken);
    expect(read.status).toBe(200);
    // Creating also answers what the entry overlaps, beside its fields; the rest is the entry.
    const { overlaps, ...entry } = created.body;
    expect(overlaps).toEqual(expect.any(Array));
    expect(read.body).toEqual(entry);
    expect(Date.parse(String(read.body.started_at))).toBe(Date.parse(startedAt));

    const listed = await call(appUrl, "GET", `/api/v1/time-entries?project_id=${docs?.id}&billable=false&limit=10`, accessToken);
    expect((listed.body.data as { id: string }[]).map((e) => e.id)).toContain(entryId);

    // A bad request is one problem JSON naming the field.
    const refused = await call(appUrl, "POST", "/api/v1/time-entries", accessToken, { project_id: docs?.id, started_at: startedAt, duration_seconds: 5 });
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.body).toMatchObject({ code: "validation_failed", errors: { "body.duration_seconds": expect.any(String) } });
  } finally {
    const deleted = await call(appUrl, "DELETE", `/api/v1/time-entries/${entryId}`, accessToken);
    expect(deleted.status).toBe(204);
  }
  expect((await call(appUrl, "GET", `/api/v1/time-entries/${entryId}`, accessToken)).status).toBe(404);
});

test("the API reference lists the endpoints from the OpenAPI document", async ({ page, baseURL }) => {
  await signIn(page, "ada@example.com");
  await page.goto("/developers/api");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("REST API reference");
  const createEntry = page.locator("article#createTimeEntry");
  await expect(createEntry.getByRole("heading", { level: 3 })).toContainText("/api/v1/time-entries");
  await expect(createEntry).toContainText("time:write");
  await expect(createEntry.getByRole("cell", { name: "duration_seconds" })).toBeVisible();
  await expect(page.getByRole("link", { name: "OpenAPI document (JSON)" })).toHaveAttribute("href", "/api/v1/openapi.json");

  const document = (await (await fetch(`${baseURL}/api/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
  expect(document.openapi).toBe("3.1.0");
  const operationIds = Object.values(document.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
  await expect(page.locator("article[id]")).toHaveCount(operationIds.length);
  for (const id of operationIds) await expect(page.locator(`article#${id}`)).toHaveCount(1);
});
