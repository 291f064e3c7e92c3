/**
 * Automated accessibility checks (axe-core, WCAG 2.1 A/AA rules) on the pages people use most,
 * including the ones that decide what a connected app may do. Keyboard use of the consent
 * and revoke flows is exercised in oauth-mcp-sdk.spec.ts and integrations.spec.ts.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signIn } from "./sign-in";
import { newPkce, newState, REDIRECT_URI } from "./support/oauth";
import { registerApp } from "./support/connect-in-browser";

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
}

test("the sign-in page", async ({ page }) => {
  await page.goto("/login");
  await expectNoViolations(page);
});

test.describe("signed in as Ada", () => {
  // One signed-in page for the whole group: signing in again for each page checked only repeats
  // what sign-in.spec.ts covers. (A failing test restarts the worker, and this hook with it.)
  // (axe needs the page to come from a context of our own, not browser.newPage().)
  let context: BrowserContext;
  let page: Page;
  test.beforeAll(async ({ browser, baseURL }) => {
    context = await browser.newContext({ baseURL });
    page = await context.newPage();
    await signIn(page, "ada@example.com");
  });
  test.afterAll(async () => context.close());

  for (const path of [
    "/w/lovelace-studio/time",
    "/w/lovelace-studio/clients",
    "/w/lovelace-studio/tasks",
    "/w/lovelace-studio/invoices",
    "/w/lovelace-studio/invoices/new",
    "/w/lovelace-studio/billing-hub",
    "/w/lovelace-studio/reports",
    "/w/lovelace-studio/rules",
    "/w/lovelace-studio/settings/general",
    "/w/lovelace-studio/settings/integrations",
    "/w/lovelace-studio/settings/members",
    "/w/lovelace-studio/settings/billing",
    "/w/lovelace-studio/settings/audit-log",
    "/account",
    "/account/integrations",
    "/account/approvals",
    "/developers/apps",
    "/developers/apps/new",
    "/developers/api",
  ]) {
    test(path, async () => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoViolations(page);
    });
  }

  test("a draft's Edit draft page", async () => {
    await page.goto("/w/lovelace-studio/invoices?status=draft");
    await page.getByRole("link", { name: /^INV-/ }).first().click();
    await page.getByRole("link", { name: "Edit draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Edit draft/ })).toBeVisible();
    await expectNoViolations(page);
  });

  test("the consent page", async ({ baseURL }) => {
    const clientId = await registerApp(String(baseURL), "Axe Check Assistant");
    const pkce = newPkce();
    const query = new URLSearchParams({
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT_URI,
      code_challenge: pkce.challenge,
      code_challenge_method: "S256",
      scope: "hourbook:read profile:read",
      state: newState(),
    });
    await page.goto(`/oauth/authorize?${query}`);
    await expect(page.getByRole("heading", { level: 1, name: /Axe Check Assistant/ })).toBeVisible();
    await expectNoViolations(page);
  });
});

test("the consent page, with access the chosen workspace does not allow now", async ({ page, baseURL }) => {
  await signIn(page, "grace@example.com");
  const clientId = await registerApp(String(baseURL), "Axe Check Limited Assistant");
  const query = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    code_challenge: newPkce().challenge,
    code_challenge_method: "S256",
    scope: "hourbook:read hourbook:write",
    state: newState(),
  });
  await page.goto(`/oauth/authorize?${query}`);
  await page.getByRole("radiogroup", { name: "Workspace" }).getByRole("radio", { name: "Lovelace Studio" }).check();
  await expect(page.getByTestId("access-not-usable")).toBeVisible();
  await expectNoViolations(page);
});
