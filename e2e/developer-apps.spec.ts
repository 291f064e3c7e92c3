/**
 * Developer apps end to end: Ada registers a confidential app in the UI, copies the secret
 * shown once, authorizes the app in the browser and redeems the code with client_secret_basic;
 * rotating the secret refuses the old one at once; deleting the app ends its grants.
 */
import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

// Nothing listens here: the browser's request to it is intercepted and answered by the test.
const REDIRECT_URI = "http://127.0.0.1:47293/callback";
const APP_NAME = "Timesheet Bot";

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

function basic(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString("base64")}`;
}

async function token(baseURL: string, fields: Record<string, string>, clientId: string, secret: string): Promise<Answer> {
  const response = await fetch(`${baseURL}/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: basic(clientId, secret) },
    body: new URLSearchParams(fields),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function listTools(baseURL: string, accessToken: string): Promise<number> {
  const response = await fetch(`${baseURL}/mcp`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${accessToken}`,
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      "MCP-Protocol-Version": "2025-11-25",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
  });
  await response.body?.cancel();
  return response.status;
}

/** The secret in the one-time panel, copied with its button and read back from the clipboard. */
async function copySecret(page: Page): Promise<string> {
  const panel = page.getByTestId("secret-reveal");
  await expect(panel).toContainText("you won't see this secret again");
  await panel.getByRole("button", { name: "Copy client secret" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Copied to the clipboard." })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^hbcs_/);
  await expect(panel.getByRole("textbox", { name: "Client secret" })).toHaveValue(copied);
  return copied;
}

test("a developer app is created, authorized, its secret rotated, and deleted with its grants", async ({ page, context, baseURL }) => {
  const appUrl = baseURL ?? "";
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: appUrl });
  await signIn(page, "ada@example.com");

  // Create: confidential (client_secret_basic by default), REST API + MCP, a few scopes.
  await page.goto("/developers/apps");
  await page.getByRole("link", { name: "New app" }).first().click();
  await page.getByLabel("App name").fill(APP_NAME);
  await expect(page.getByRole("radio", { name: "Confidential" })).toBeChecked();
  await expect(page.getByLabel("How it sends its secret to the token endpoint")).toHaveValue("client_secret_basic");
  await page.getByLabel("Redirect URIs").fill(REDIRECT_URI);
  await page.getByRole("checkbox", { name: "REST API" }).check();
  await page.getByRole("checkbox", { name: /^MCP server/ }).check();
  await page.getByRole("checkbox", { name: /^See time entries/ }).check();
  await page.getByRole("checkbox", { name: /^Add and change time entries/ }).check();
  await page.getByRole("button", { name: "Create app" }).click();
  const firstSecret = await copySecret(page);

  await page.getByRole("link", { name: /continue to the app/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(APP_NAME);
  const clientId = (await page.getByTestId("client-id").textContent()) ?? "";
  expect(clientId).toMatch(/^hbci_/);
  await expect(page.getByText(`client_id=${clientId}`).first()).toBeVisible();

  // Authorize in the browser with PKCE; the redirect back is intercepted to read the code.
  const verifier = randomBytes(32).toString("base64url");
  const state = randomBytes(12).toString("base64url");
  const authorize = new URL("/oauth/authorize", appUrl);
  authorize.search = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    scope: "time:read time:write",
    resource: `${appUrl}/mcp`,
    state,
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).toString();
  await page.route(`${new URL(REDIRECT_URI).origin}/**`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Back in the app</title>" }));
  await page.goto(authorize.toString());
  await expect(page.getByRole("heading", { level: 1 })).toContainText(APP_NAME);
  await page.getByRole("radiogroup", { name: "Workspace" }).getByRole("radio", { name: "Lovelace Studio" }).check();
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL((url) => url.href.startsWith(REDIRECT_URI));
  const back = new URL(page.url());
  expect(back.searchParams.get("state")).toBe(state);
  expect(back.searchParams.get("iss")).toBe(appUrl);
  const code = back.searchParams.get("code") ?? "";

  const exchanged = await token(appUrl, { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI }, clientId, firstSecret);
  expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
  expect(exchanged.body.scope).toBe("time:read time:write");
  expect(await listTools(appUrl, String(exchanged.body.access_token))).toBe(200);

  // Rotate: confirm, copy the new secret; the old one is refused at once.
  await page.goto(`/developers/apps/${clientId}`);
  await page.getByRole("button", { name: "Rotate secret" }).click();
  await page.getByRole("button", { name: "Rotate now" }).click();
  const secondSecret = await copySecret(page);
  expect(secondSecret).not.toBe(firstSecret);

  const withOld = await token(appUrl, { grant_type: "refresh_token", refresh_token: String(exchanged.body.refresh_token) }, clientId, firstSecret);
  expect(withOld.status).toBe(401);
  expect(withOld.body.error).toBe("invalid_client");
  const withNew = await token(appUrl, { grant_type: "refresh_token", refresh_token: String(exchanged.body.refresh_token) }, clientId, secondSecret);
  expect(withNew.status, JSON.stringify(withNew.body)).toBe(200);
  const accessToken = String(withNew.body.access_token);
  expect(await listTools(appUrl, accessToken)).toBe(200);

  // Delete: confirm; the app is gone and so are its grants.
  await page.reload();
  await expect(page.getByText("1 live connection")).toBeVisible();
  await page.getByRole("button", { name: "Delete app" }).click();
  await page.getByRole("button", { name: "Delete this app" }).click();
  await expect(page).toHaveURL(/\/developers\/apps\?deleted=/);
  await expect(page.getByTestId("app-deleted")).toContainText(`${APP_NAME} is deleted`);
  await expect(page.locator(`a[href="/developers/apps/${clientId}"]`)).toHaveCount(0);

  expect(await listTools(appUrl, accessToken)).toBe(401);
  const refresh = await token(appUrl, { grant_type: "refresh_token", refresh_token: String(withNew.body.refresh_token) }, clientId, secondSecret);
  expect(refresh.status).toBe(401);
  expect(refresh.body.error).toBe("invalid_client");
  const gone = await page.goto(`/developers/apps/${clientId}`);
  expect(gone?.status()).toBe(404);
});
