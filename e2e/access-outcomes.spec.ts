/**
 * Each way an existing connection loses access, driven through the pages where a person
 * makes the change, and checked on the connection's very next /mcp request: membership
 * inactive, plan downgraded, public API access off (and the other policy changes), billing
 * state, a role change, and the account disabled. (Revoked is in integrations.spec.ts.)
 * Every test puts Lovelace Studio back as it found it.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import {connectInBrowser, mcp, registerApp, toolNames } from "./support/connect-in-browser";
import { signIn } from "./sign-in";

const APP = "Access Outcomes E2E Assistant";
const SETTINGS = "/w/lovelace-studio/settings";
// The server's data folder (playwright.config.ts), for the operator script that re-enables Grace.
const E2E_DATA_DIR = process.env.HOURBOOK_E2E_DATA_DIR ?? ".data/e2e";

test.describe.configure({ mode: "serial" });

let appUrl: string;
let clientId: string;
let ada: Page;
let grace: Page;
/** Grace's (a member of Lovelace Studio) connection, read and write. */
let token: string;

test.beforeAll(async ({ browser, baseURL }) => {
  appUrl = String(baseURL);
  clientId = await registerApp(appUrl, APP);
  ada = await (await browser.newContext({ baseURL: appUrl })).newPage();
  grace = await (await browser.newContext({ baseURL: appUrl })).newPage();
  await signIn(ada, "ada@example.com");
  await signIn(grace, "grace@example.com");
  token = (await connectInBrowser(grace, { appUrl, clientId, clientName: APP, workspace: "Lovelace Studio" })).access_token;
});

test.afterAll(async () => {
  await ada?.context().close();
  await grace?.context().close();
});

const status = async () => (await mcp(appUrl, token, "tools/list")).status;

async function expectRefused(reason: RegExp) {
  const answer = await mcp(appUrl, token, "tools/list");
  expect(answer.status).toBe(403);
  expect(answer.body.error?.message).toMatch(reason);
}

async function saveBilling(plan: string, billingState: string) {
  await ada.goto(`${SETTINGS}/billing`);
  await ada.getByLabel("Plan", { exact: true }).selectOption({ label: plan });
  await ada.getByLabel("Billing state", { exact: true }).selectOption({ label: billingState });
  await ada.getByRole("button", { name: "Save billing" }).click();
  await expect(ada.getByTestId("billing-message")).toBeVisible();
}

async function savePolicy(change: (form: Page) => Promise<void>) {
  await ada.goto(`${SETTINGS}/integrations`);
  await change(ada);
  await ada.getByRole("button", { name: "Save policy" }).click();
  await expect(ada.getByTestId("policy-message")).toContainText(/Policy saved|Nothing changed/);
}

const OPEN_POLICY = async (form: Page) => {
  await form.getByLabel("Allow API and AI assistant access").check();
  await form.getByLabel("Any app").check();
  await form.getByLabel("Allowed hosts").fill("");
  await form.getByLabel("Admin", { exact: true }).check();
};

async function setGraceRole(role: "Admin" | "Member") {
  await ada.goto(`${SETTINGS}/members`);
  await ada.getByLabel("Role for Grace Hopper").selectOption({ label: role });
  await ada.getByRole("button", { name: "Change role for Grace Hopper" }).click();
  await expect(ada.getByTestId("member-role-message")).toHaveText(`Grace Hopper is now ${role === "Admin" ? "an admin" : "a member"}.`);
}

test("membership deactivated: 403 on the next request; reactivated: back in", async () => {
  expect(await status()).toBe(200);
  await ada.goto(`${SETTINGS}/members`);
  const row = ada.getByTestId("member-row").filter({ hasText: "Grace Hopper" });
  await row.getByRole("button", { name: "Deactivate Grace Hopper" }).click();
  await row.getByRole("button", { name: "Confirm deactivate" }).click();
  await expect(row).toContainText("Inactive");
  try {
    await expectRefused(/membership in this workspace is inactive/);
  } finally {
    await row.getByRole("button", { name: "Reactivate Grace Hopper" }).click();
    await expect(row).toContainText("Active");
  }
  expect(await status()).toBe(200);
});

test("plan downgraded to free: 403 on the next request", async () => {
  await saveBilling("Free", "Active");
  try {
    await expectRefused(/plan does not include/);
  } finally {
    await saveBilling("Pro", "Active");
  }
  expect(await status()).toBe(200);
});

test("billing past due: reads go on and writes are refused; canceled: 403", async () => {
  await saveBilling("Pro", "Past due");
  try {
    const names = await toolNames(appUrl, token);
    expect(names).toContain("list_clients");
    expect(names).not.toContain("create_tag");
    const write = await mcp(appUrl, token, "tools/call", { name: "create_tag", arguments: { name: "Past Due E2E" } });
    expect(write.body.result?.isError).toBe(true);
    expect(write.body.result?.content?.[0]?.text).toMatch(/past due/);

    await saveBilling("Pro", "Canceled");
    await expectRefused(/canceled/);
  } finally {
    await saveBilling("Pro", "Active");
  }
  expect(await status()).toBe(200);
});

test("public API access off, developer apps only, a host allowlist and a read-only ceiling each bite on the next request", async () => {
  try {
    await savePolicy((form) => form.getByLabel("Allow API and AI assistant access").uncheck());
    await expectRefused(/turned off/);

    await savePolicy(async (form) => {
      await form.getByLabel("Allow API and AI assistant access").check();
      await form.getByLabel("Developer apps only").check();
    });
    await expectRefused(/policy does not allow/);

    await ada.getByLabel("Only apps from these hosts").check();
    await ada.getByLabel("Allowed hosts").fill("claude.ai\nhttps://not a host/");
    await ada.getByRole("button", { name: "Save policy" }).click();
    // Said once, at the field (the banner does not repeat a field's error).
    await expect(ada.locator("#policy-allowed-hosts-error")).toContainText("“https://not a host/” is not a host name");
    await expect(ada.getByTestId("policy-message")).toHaveCount(0);
    await expect(ada.getByLabel("Allowed hosts")).toHaveAttribute("aria-invalid", "true");
    await ada.getByLabel("Allowed hosts").fill("claude.ai");
    await ada.getByRole("button", { name: "Save policy" }).click();
    await expect(ada.getByTestId("policy-message")).toContainText("Policy saved");
    await expectRefused(/policy does not allow/);

    await savePolicy(async (form) => {
      await form.getByLabel("Allowed hosts").fill("claude.ai\n127.0.0.1");
      await form.getByLabel("Read only").check();
    });
    const names = await toolNames(appUrl, token);
    expect(names).toContain("list_clients");
    expect(names).not.toContain("create_tag");
  } finally {
    await savePolicy(OPEN_POLICY);
  }
  expect(await toolNames(appUrl, token)).toContain("create_tag");

  await ada.goto(`${SETTINGS}/audit-log`);
  await expect(ada.getByTestId("audit-event").filter({ hasText: "Integration policy changed" }).first()).toContainText("Ada Lovelace");
});

test("role change: what the member may do follows their role from the next request", async () => {
  expect(await toolNames(appUrl, token)).not.toContain("send_invoice");
  await setGraceRole("Admin");
  try {
    expect(await toolNames(appUrl, token)).toContain("send_invoice");
  } finally {
    await setGraceRole("Member");
  }
  expect(await toolNames(appUrl, token)).not.toContain("send_invoice");
  const refused = await mcp(appUrl, token, "tools/call", { name: "send_invoice", arguments: { invoice_id: "any" } });
  expect(refused.body.result?.isError).toBe(true);
  expect(refused.body.result?.content?.[0]?.text).toMatch(/role in this workspace \(member\)/);
});

test("account disabled: every token refused at once; re-enabled by the operator, old connections stay revoked", async () => {
  expect(await status()).toBe(200);
  await grace.goto("/account");
  await grace.getByRole("button", { name: "Disable my account…" }).click();
  const confirm = grace.getByRole("button", { name: "Disable my account", exact: true });
  await expect(confirm).toBeFocused();
  await confirm.click();
  await grace.waitForURL(/\/login/);
  try {
    expect(await status()).toBe(401);
    await grace.goto("/account");
    await expect(grace).toHaveURL(/\/login/);
  } finally {
    execFileSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/operator.ts", "enable-user", "grace@example.com"], {
      env: { ...process.env, HOURBOOK_DATA_DIR: E2E_DATA_DIR, DATABASE_URL: `file:./${E2E_DATA_DIR}/hourbook.db` },
      stdio: "pipe",
    });
  }
  await signIn(grace, "grace@example.com");
  expect(await status()).toBe(401);
  await grace.goto("/account/integrations");
  await expect(grace.getByRole("heading", { name: APP })).toHaveCount(0);
});
