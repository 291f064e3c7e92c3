import { expect, test } from "@playwright/test";

test.describe("signing in to the web app", () => {
  test("Ada signs in and lands on the time page of a workspace she owns", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Password").fill("hourbook-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/w\/lovelace-studio\/time/);
    await expect(page.getByRole("navigation", { name: "Workspace" })).toBeVisible();
    await expect(page.getByText("Ada Lovelace")).toBeVisible();
  });

  test("a wrong password shows an error and stays on the sign-in page", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel("Email")).toHaveValue("ada@example.com");
  });

  test("an unknown email gets the same error as a wrong password", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByLabel("Password").fill("hourbook-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  });

  test("a signed-out visitor is sent to sign in and brought back afterwards", async ({ page }) => {
    await page.goto("/w/lovelace-studio/reports");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Password").fill("hourbook-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/w\/lovelace-studio\/reports/);
  });

  test("a callbackUrl to another site is not followed", async ({ page }) => {
    await page.goto("/login?callbackUrl=https://evil.example/steal");
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Password").fill("hourbook-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/w\/[a-z0-9-]+\/time/);
  });

  test("signing out ends the session", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("grace@example.com");
    await page.getByLabel("Password").fill("hourbook-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/w\//);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/w/lovelace-studio/time");
    await expect(page).toHaveURL(/\/login/);
  });

  test("the workspace switcher lists every workspace of the user", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Password").fill("hourbook-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/w\//);
    await page.getByText(/Switch workspace/).or(page.locator("summary")).first().click();
    await page.getByRole("link", { name: /Analytical Engines/ }).click();
    await expect(page).toHaveURL(/\/w\/analytical-engines\/time/);
  });

  test("forgot password: a malformed email is said once, at the field", async ({ page }) => {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill("not an email");
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Email must be an email address.");
    await expect(page.getByText("must be an email address")).toHaveCount(1);
    await expect(page.getByTestId("forgot-password-message")).toHaveCount(0);
    // With no banner to announce it, focus goes to the field, whose error a screen reader reads with it.
    await expect(page.getByLabel("Email")).toBeFocused();
  });

  test("the sign-in page cannot be framed", async ({ request }) => {
    const response = await request.get("/login");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  });
});
