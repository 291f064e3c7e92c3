/**
 * Driving the browser through /oauth/authorize: sign in when asked, answer the consent page,
 * and catch the redirect back to the client's loopback redirect URI (served by
 * ./loopback-callback), whose query carries the code or error, state and iss.
 */
import { expect, type Page } from "@playwright/test";
import { REDIRECT_URI } from "./oauth";

export const ADA = { email: "ada@example.com", password: "hourbook-demo" } as const;

const isRedirectUri = (url: URL) => url.origin === new URL(REDIRECT_URI).origin && url.pathname === new URL(REDIRECT_URI).pathname;

/** Fills the sign-in form, if the browser is on it. */
export async function signInIfAsked(page: Page): Promise<void> {
  if (new URL(page.url()).pathname !== "/login") return;
  await page.getByLabel("Email").fill(ADA.email);
  await page.getByLabel("Password").fill(ADA.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Opens an authorization URL and waits for the consent page of `clientName` (signing in on the way). */
export async function openConsent(page: Page, authorizationUrl: string | URL, clientName: string): Promise<void> {
  await page.goto(String(authorizationUrl));
  await signInIfAsked(page);
  await expect(page).toHaveURL(/\/oauth\/consent\?request=/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(clientName);
}

export interface Decision {
  decision: "approve" | "deny";
  workspace?: string;
}

/** Answers the consent page and returns the URL the browser was sent back to. */
export async function answerConsent(page: Page, { decision, workspace = "Lovelace Studio" }: Decision): Promise<URL> {
  if (decision === "approve") {
    await page.getByRole("radiogroup", { name: "Workspace" }).getByRole("radio", { name: workspace }).check();
  }
  await page.getByRole("button", { name: decision === "approve" ? "Approve" : "Deny" }).click();
  return waitForRedirect(page);
}

/** Waits until the browser has left for the client's redirect URI and returns that URL. */
export async function waitForRedirect(page: Page): Promise<URL> {
  await page.waitForURL(isRedirectUri);
  return new URL(page.url());
}

/** The whole browser part of one authorization: consent, approve, the redirect back. */
export async function authorizeInBrowser(page: Page, authorizationUrl: string | URL, clientName: string, workspace = "Lovelace Studio"): Promise<URL> {
  await openConsent(page, authorizationUrl, clientName);
  return answerConsent(page, { decision: "approve", workspace });
}
