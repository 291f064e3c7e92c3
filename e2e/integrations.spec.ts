/**
 * Account → Integrations and workspace settings → Integrations in a real browser: a client
 * connected through the OAuth flow shows up with the right workspace and access, revoking it
 * (with its confirmation step) ends it, and the very next MCP request is refused with 401 —
 * for the person's own connection, and for a member's connection revoked by the owner.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import {connectInBrowser, mcp, registerApp } from "./support/connect-in-browser";
import { signIn } from "./sign-in";

const APP = "Integrations E2E Assistant";
const WORKSPACE = "Lovelace Studio";

test.describe.configure({ mode: "serial" });

let clientId: string;

async function personPage(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signIn(page, email);
  return page;
}

test.beforeAll(async ({ baseURL }) => {
  clientId = await registerApp(String(baseURL), APP);
});

test("a connected app is listed with its workspace and access, and revoking it refuses its next MCP call", async ({ browser, baseURL }) => {
  const appUrl = String(baseURL);
  const ada = await personPage(browser, appUrl, "ada@example.com");
  const tokens = await connectInBrowser(ada, { appUrl, clientId, clientName: APP, workspace: WORKSPACE, scope: "hourbook:read profile:read" });
  expect((await mcp(appUrl, tokens.access_token, "tools/call", { name: "get_profile", arguments: {} })).status).toBe(200);

  await ada.goto("/account/integrations");
  const connection = ada.getByRole("listitem").filter({ has: ada.getByRole("heading", { name: APP }) });
  await expect(connection).toHaveCount(1);
  await expect(connection).toContainText(WORKSPACE);
  await expect(connection).toContainText("AI assistant (MCP)");
  await expect(connection).toContainText("Registered dynamically — not verified");
  await expect(connection).toContainText("Read only");
  await expect(connection).toContainText("See everything in the workspace except its settings");
  await expect(connection).toContainText("See your name, email address and role");
  await expect(connection.getByRole("region", { name: `Recent activity of ${APP}` })).toContainText("get_profile");

  await connection.getByRole("button", { name: "Revoke" }).click();
  await expect(connection).toContainText(`Revoke ${APP}’s access to ${WORKSPACE}?`);
  await connection.getByRole("button", { name: "Revoke access" }).click();

  await expect(ada.getByTestId("connection-revoked")).toHaveText(`${APP} no longer has access to ${WORKSPACE}.`);
  await expect(ada.getByRole("heading", { name: APP })).toHaveCount(0);
  const next = await mcp(appUrl, tokens.access_token, "tools/list");
  expect(next.status).toBe(401);
  const refreshed = await fetch(`${appUrl}/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId }),
  });
  expect(refreshed.status).toBe(400);
  await ada.context().close();
});

test("the owner revokes a member's connection from workspace settings, with the keyboard, and the member's next MCP call gets 401", async ({ browser, baseURL }) => {
  const appUrl = String(baseURL);
  const grace = await personPage(browser, appUrl, "grace@example.com");
  const tokens = await connectInBrowser(grace, { appUrl, clientId, clientName: APP, workspace: WORKSPACE });
  expect((await mcp(appUrl, tokens.access_token, "tools/list")).status).toBe(200);
  await grace.goto("/account/integrations");
  await expect(grace.getByRole("listitem").filter({ has: grace.getByRole("heading", { name: APP }) })).toContainText("Read and write");

  const ada = await personPage(browser, appUrl, "ada@example.com");
  await ada.goto("/w/lovelace-studio/settings");
  await expect(ada).toHaveURL(/\/w\/lovelace-studio\/settings\/general$/);
  await ada.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Integrations" }).click();
  await expect(ada).toHaveURL(/\/w\/lovelace-studio\/settings\/integrations$/);
  const connection = ada.getByRole("listitem").filter({ has: ada.getByRole("heading", { name: APP }) }).filter({ hasText: "Grace Hopper" });
  await expect(connection).toHaveCount(1);
  await expect(connection).toContainText(WORKSPACE);
  await expect(connection).toContainText("grace@example.com");

  await connection.getByRole("button", { name: "Revoke" }).focus();
  await ada.keyboard.press("Enter");
  const confirm = connection.getByRole("button", { name: "Revoke access" });
  await expect(confirm).toBeFocused();
  await expect(connection).toContainText(`Revoke ${APP}’s access to ${WORKSPACE} for Grace Hopper?`);
  await ada.keyboard.press("Enter");

  await expect(ada.getByTestId("connection-revoked")).toContainText(`${APP} no longer has access to ${WORKSPACE} for Grace Hopper.`);
  expect((await mcp(appUrl, tokens.access_token, "tools/list")).status).toBe(401);

  await ada.goto("/w/lovelace-studio/settings/audit-log");
  const revokedRow = ada.getByTestId("audit-event").filter({ hasText: "Connection revoked" }).first();
  await expect(revokedRow).toContainText("Ada Lovelace");
  await expect(revokedRow).toContainText(APP);
  await expect(revokedRow).toContainText("by an owner or admin");

  await grace.goto("/account/integrations");
  await expect(grace.getByRole("heading", { name: APP })).toHaveCount(0);
  await grace.context().close();
  await ada.context().close();
});

test("with no connections, the page explains how to connect an AI assistant", async ({ browser, baseURL }) => {
  const appUrl = String(baseURL);
  const grace = await personPage(browser, appUrl, "grace@example.com");
  await grace.goto("/account/integrations");
  // Other specs may leave Grace connected elsewhere; the guidance is then one click away.
  const more = grace.locator("summary", { hasText: "Connect another AI assistant" });
  if (await more.count()) await more.click();
  await expect(grace.getByLabel("MCP server address")).toHaveValue(`${appUrl}/mcp`);
  await expect(grace.getByRole("button", { name: "Copy address" })).toBeVisible();
  await expect(grace.getByRole("link", { name: "Register a developer app" })).toHaveAttribute("href", "/developers/apps");
  await grace.context().close();
});

test("two installations of one app are two connections: revoking one leaves the other, Revoke all ends both", async ({ browser, baseURL }) => {
  const appUrl = String(baseURL);
  const twin = "Two Devices Assistant";
  const twinId = await registerApp(appUrl, twin);
  const ada = await personPage(browser, appUrl, "ada@example.com");
  const laptop = await connectInBrowser(ada, { appUrl, clientId: twinId, clientName: twin, workspace: WORKSPACE, scope: "hourbook:read profile:read" });
  const phone = await connectInBrowser(ada, { appUrl, clientId: twinId, clientName: twin, workspace: WORKSPACE, scope: "hourbook:read profile:read" });
  const profile = (token: string) => mcp(appUrl, token, "tools/call", { name: "get_profile", arguments: {} });
  // The second approval did not disconnect the first.
  expect((await profile(laptop.access_token)).status).toBe(200);
  expect((await profile(phone.access_token)).status).toBe(200);

  await ada.goto("/account/integrations");
  const group = ada.getByRole("region", { name: twin, exact: true });
  await expect(group).toContainText("2 connections");
  const connections = group.getByRole("listitem").filter({ has: ada.getByRole("heading", { name: twin }) });
  await expect(connections).toHaveCount(2);

  await connections.first().getByRole("button", { name: "Revoke", exact: true }).click();
  await connections.first().getByRole("button", { name: "Revoke access" }).click();
  await expect(ada.getByTestId("connection-revoked")).toHaveText(`${twin} no longer has access to ${WORKSPACE}.`);
  const statuses = [(await profile(laptop.access_token)).status, (await profile(phone.access_token)).status].sort();
  expect(statuses).toEqual([200, 401]);
  await expect(ada.getByRole("region", { name: twin, exact: true })).toContainText("1 connection");

  // A third installation, then every connection of the app at once.
  const tablet = await connectInBrowser(ada, { appUrl, clientId: twinId, clientName: twin, workspace: WORKSPACE, scope: "hourbook:read profile:read" });
  await ada.goto("/account/integrations");
  const again = ada.getByRole("region", { name: twin, exact: true });
  await again.getByRole("button", { name: "Revoke all 2" }).click();
  await expect(again).toContainText(`Revoke all 2 connections of ${twin}?`);
  await again.getByRole("button", { name: "Revoke all 2" }).click();
  await expect(ada.getByTestId("connection-revoked")).toHaveText(`${twin} no longer has access: every connection of it was revoked.`);
  await expect(ada.getByRole("heading", { name: twin })).toHaveCount(0);
  for (const tokens of [laptop, phone, tablet]) expect((await profile(tokens.access_token)).status).toBe(401);
});
