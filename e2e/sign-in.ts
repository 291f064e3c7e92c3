import type { Page } from "@playwright/test";

/** Signs in through the login form and waits for the workspace the app lands on. */
export async function signIn(page: Page, email: string, password = "hourbook-demo"): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\//);
}
