/**
 * Automated accessibility checks (axe-core, WCAG 2.1 A/AA rules) on the pages people use most,
 * including the ones that decide what a connected app may do, on a laptop (1366×900) and a phone
 * (390×844) screen; on both, no page may be wider than the screen. Keyboard use of the consent
 * and revoke flows is exercised in oauth-mcp-sdk.spec.ts and integrations.spec.ts, the phone's
 * menu in phone-layout.spec.ts.
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signIn } from "./sign-in";
import { newPkce, newState, REDIRECT_URI } from "./support/oauth";
import { registerApp } from "./support/connect-in-browser";
import { expectFitsScreen, expectNoViolations, SCREENS } from "./support/page-checks";

test("the sign-in page", async ({ page }) => {
  await page.goto("/login");
  await expectNoViolations(page);
});

const PAGES = [
  "/w/lovelace-studio/time",
  "/w/lovelace-studio/timesheet",
  "/w/lovelace-studio/clients",
  "/w/lovelace-studio/tasks",
  "/w/lovelace-studio/invoices",
  "/w/lovelace-studio/invoices/new",
  "/w/lovelace-studio/billing-hub",
  "/w/lovelace-studio/reports",
  "/w/lovelace-studio/rules",
  "/w/lovelace-studio/rules/new",
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
];

for (const screen of SCREENS) {
  test.describe(`signed in as Ada, on a ${screen.width}×${screen.height} ${screen.name} screen`, () => {
    // One signed-in page for the whole group: signing in again for each page checked only repeats
    // what sign-in.spec.ts covers. (A failing test restarts the worker, and this hook with it.)
    // (axe needs the page to come from a context of our own, not browser.newPage().)
    // Each page: axe finds nothing serious, and nothing makes the page wider than the screen.
    let context: BrowserContext;
    let page: Page;
    test.beforeAll(async ({ browser, baseURL }) => {
      context = await browser.newContext({ baseURL, viewport: { width: screen.width, height: screen.height } });
      page = await context.newPage();
      await signIn(page, "ada@example.com");
    });
    test.afterAll(async () => context.close());

    for (const path of PAGES) {
      test(path, async () => {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectFitsScreen(page);
        await expectNoViolations(page);
      });
    }

    test("a sent invoice, its document and outbox", async () => {
      await page.goto("/w/lovelace-studio/invoices?status=sent");
      await page.getByRole("link", { name: /^INV-/ }).first().click();
      await expect(page.getByRole("article", { name: /^Invoice INV-/ })).toBeVisible();
      await expectFitsScreen(page);
      await expectNoViolations(page);
    });

    test("a new invoice's preview, opened from the Billing Hub", async () => {
      await page.goto("/w/lovelace-studio/billing-hub");
      await page.getByRole("link", { name: /^Create invoice/ }).first().click();
      await expect(page.getByRole("region", { name: "Invoice lines" })).toBeVisible();
      await expectFitsScreen(page);
      await expectNoViolations(page);
    });

    test("a draft's Edit draft page", async () => {
      await page.goto("/w/lovelace-studio/invoices?status=draft");
      await page.getByRole("link", { name: /^INV-/ }).first().click();
      await page.getByRole("link", { name: "Edit draft" }).click();
      await expect(page.getByRole("heading", { level: 1, name: /^Edit draft/ })).toBeVisible();
      await expectFitsScreen(page);
      await expectNoViolations(page);
    });

    test("a time entry's edit page", async () => {
      await page.goto("/w/lovelace-studio/time");
      await page.getByRole("link", { name: /^Edit/ }).first().click();
      await expect(page.getByRole("heading", { level: 1, name: "Edit time entry" })).toBeVisible();
      await expectFitsScreen(page);
      await expectNoViolations(page);
    });

    test("the consent page", async ({ baseURL }) => {
      const clientId = await registerApp(String(baseURL), `Axe Check Assistant ${screen.name}`);
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
      await expectFitsScreen(page);
      await expectNoViolations(page);
    });
  });
}

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
