/**
 * Workspace settings for each role: owners change everything, admins manage members and
 * connections but see billing read-only and cannot touch an owner, members are refused.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("an owner gets the settings sections as tabs and can move between them with the keyboard", async ({ page }) => {
  await signIn(page, "ada@example.com");
  await page.goto("/w/lovelace-studio/settings");
  const tabs = page.getByRole("navigation", { name: "Settings" });
  await expect(page).toHaveURL(/\/settings\/general$/);
  await expect(tabs.getByRole("link", { name: "General" })).toHaveAttribute("aria-current", "page");
  await tabs.getByRole("link", { name: "Members" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/settings\/members$/);
  await expect(tabs.getByRole("link", { name: "Members" })).toHaveAttribute("aria-current", "page");

  const you = page.getByTestId("member-row").filter({ hasText: "Ada Lovelace" });
  await expect(you).toContainText("You cannot change your own membership; another owner can.");
  await expect(you.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByLabel("Role for Grace Hopper")).toHaveValue("member");

  await tabs.getByRole("link", { name: "Billing" }).click();
  await expect(page.getByText("Simulated billing")).toBeVisible();
  await expect(page.getByLabel("Plan", { exact: true })).toHaveValue("pro");
  await tabs.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("table", { name: "Audit log" })).toBeVisible();
});

test("an admin manages members but not the owner, and sees billing read-only", async ({ page }) => {
  await signIn(page, "ada@example.com");
  await page.goto("/w/analytical-engines/settings/members");
  const owner = page.getByTestId("member-row").filter({ hasText: "Grace Hopper" });
  await expect(owner).toContainText("Owner");
  await expect(owner).toContainText("Only an owner can deactivate an owner.");
  await expect(owner.getByRole("combobox")).toHaveCount(0);

  await page.goto("/w/analytical-engines/settings/billing");
  await expect(page.getByTestId("billing-read-only")).toContainText("Business");
  await expect(page.getByRole("button", { name: "Save billing" })).toHaveCount(0);
});

test("a member is told settings are for owners and admins", async ({ page }) => {
  await signIn(page, "grace@example.com");
  await page.goto("/w/lovelace-studio/settings/integrations");
  await expect(page.getByTestId("refused")).toContainText("Settings are for owners and admins");
  await expect(page.getByRole("navigation", { name: "Settings" })).toHaveCount(0);
});
