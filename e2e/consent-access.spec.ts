/**
 * The consent page says what an app will really be able to do in the workspace chosen, with
 * and without JavaScript: Grace is a member of Lovelace Studio (no invoices for her role) and
 * owns Hopper Labs, whose billing is past due (apps may only read). And "Not you? Switch
 * account" signs out and brings the next person back to a consent page of their own.
 */
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";
import { registerApp } from "./support/connect-in-browser";
import { authorizeUrl, newPkce, newState, REDIRECT_URI } from "./support/oauth";

const APP = "Consent Access E2E Assistant";
let clientId: string;

test.beforeAll(async ({ baseURL }) => {
  clientId = await registerApp(String(baseURL), APP);
});

/** Signs in through next-auth's endpoint directly: the sign-in form itself needs JavaScript. */
async function signInByRequest(page: Page, email: string): Promise<void> {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: "hourbook-demo", json: "true" } });
  expect(response.ok()).toBe(true);
}

async function openConsent(page: Page, appUrl: string): Promise<void> {
  await page.goto(authorizeUrl(appUrl, { clientId, challenge: newPkce().challenge, state: newState(), scope: "hourbook:read hourbook:write profile:read" }));
  await expect(page).toHaveURL(/\/oauth\/consent\?request=/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(APP);
}

const radio = (page: Page, name: string) => page.getByRole("radiogroup", { name: "Workspace" }).getByRole("radio", { name });
const summary = (page: Page) => page.getByTestId("workspace-access");

async function expectLovelaceForAMember(page: Page): Promise<void> {
  await expect(summary(page).getByRole("heading", { name: `In Lovelace Studio, ${APP} will be able to` })).toBeVisible();
  await expect(summary(page).getByTestId("access-usable")).toContainText("See your own time entries");
  await expect(summary(page).getByTestId("access-usable")).not.toContainText(/invoice|billing/i);
  const notUsable = summary(page).getByTestId("access-not-usable");
  await expect(notUsable).toContainText("Your role in Lovelace Studio (member) does not allow:");
  await expect(notUsable).toContainText("See invoices and payments");
}

async function expectHopperPastDue(page: Page): Promise<void> {
  await expect(summary(page).getByRole("heading", { name: `In Hopper Labs, ${APP} will be able to` })).toBeVisible();
  await expect(summary(page).getByTestId("access-usable")).toContainText("See invoices and payments");
  await expect(summary(page).getByTestId("access-usable")).not.toContainText("Mark invoices as sent");
  const notUsable = summary(page).getByTestId("access-not-usable");
  await expect(notUsable).toContainText("Hopper Labs is past due: apps can only read until billing is fixed.");
  await expect(notUsable).toContainText("Mark invoices as sent to your clients");
}

test.describe("with JavaScript", () => {
  test("the access list follows the workspace radio at once", async ({ page, baseURL }) => {
    await signIn(page, "grace@example.com");
    await openConsent(page, String(baseURL));
    const url = page.url();

    await radio(page, "Lovelace Studio").check();
    await expectLovelaceForAMember(page);
    await radio(page, "Hopper Labs").check();
    await expectHopperPastDue(page);
    // No reload and no form for it: the lists were all on the page.
    expect(page.url()).toBe(url);
    await expect(page.getByRole("button", { name: "Show access for this workspace" })).toHaveCount(0);
  });

  test("Not you? Switch account signs out and brings Ada back to a consent page of her own", async ({ page, baseURL }) => {
    await signIn(page, "grace@example.com");
    await openConsent(page, String(baseURL));
    const graceRequest = new URL(page.url()).searchParams.get("request");
    await expect(page.getByText("Signed in as grace@example.com")).toBeVisible();

    await page.getByRole("link", { name: "Switch account" }).click();
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Foauth%2Fauthorize/);
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Password").fill("hourbook-demo");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page).toHaveURL(/\/oauth\/consent\?request=/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(APP);
    await expect(page.getByText("Signed in as ada@example.com")).toBeVisible();
    expect(new URL(page.url()).searchParams.get("request")).not.toBe(graceRequest);
    await expect(radio(page, "Sketchbook")).toBeDisabled();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Show access for this workspace re-renders the page for the chosen one", async ({ page, baseURL }) => {
    await signInByRequest(page, "grace@example.com");
    await openConsent(page, String(baseURL));
    const show = page.getByRole("button", { name: "Show access for this workspace" });

    await radio(page, "Lovelace Studio").check();
    await show.click();
    await expect(page).toHaveURL(/workspace_id=/);
    await expect(radio(page, "Lovelace Studio")).toBeChecked();
    await expectLovelaceForAMember(page);

    // An unticked permission stays unticked across the re-render.
    await page.getByRole("checkbox", { name: /profile:read/ }).uncheck();
    await radio(page, "Hopper Labs").check();
    await show.click();
    await expect(radio(page, "Hopper Labs")).toBeChecked();
    await expectHopperPastDue(page);
    await expect(page.getByRole("checkbox", { name: /profile:read/ })).not.toBeChecked();
    await expect(page.getByRole("checkbox", { name: /hourbook:write/ })).toBeChecked();

    // The re-rendered form still answers: approving sends the browser back with a code.
    await page.route(`${new URL(REDIRECT_URI).origin}/**`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Client</title>" }));
    await page.getByRole("button", { name: "Approve" }).click();
    await page.waitForURL((url) => url.origin === new URL(REDIRECT_URI).origin);
    expect(new URL(page.url()).searchParams.get("code")).toMatch(/^hbac_/);
  });
});
