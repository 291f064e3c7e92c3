import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

// Menabrea Press's unbilled billable time in the demo data (MENABREA_UNBILLED_TOTAL): 5:30 at €95 + 3:45 at €90.
const MENABREA_UNBILLED = "€860.00";

test.describe("invoices", () => {
  test("Ada drafts an invoice for Menabrea Press, sends it and records a partial payment", async ({ page }) => {
    await signIn(page, "ada@example.com");
    await page.goto("/w/lovelace-studio/time");
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Invoices" }).click();
    await expect(page.getByRole("heading", { name: "Invoices", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "New invoice" }).click();

    await page.getByLabel("Client").selectOption({ label: "Menabrea Press" });
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("preview-total")).toHaveText(MENABREA_UNBILLED);
    await expect(page.getByTestId("preview-total-subtotal")).toHaveText(MENABREA_UNBILLED);

    await page.getByRole("button", { name: /Create draft/ }).click();
    await expect(page).toHaveURL(/\/w\/lovelace-studio\/invoices\/(?!new)[^/?]+$/);
    await expect(page.getByTestId("invoice-total")).toHaveText(MENABREA_UNBILLED);
    await expect(page.getByTestId("invoice-status")).toHaveText("Draft");

    await page.getByRole("button", { name: "Mark as sent" }).click();
    await expect(page.getByTestId("invoice-status")).toHaveText("Sent");
    await expect(page.getByTestId("outbox-message")).toContainText("editor@menabrea.example");
    await expect(page.getByTestId("balance-due")).toHaveText(MENABREA_UNBILLED);

    const amount = page.getByLabel(/^Amount/);
    await expect(amount).toHaveValue("860.00");
    await amount.fill("100.00");
    await page.getByRole("button", { name: "Record payment" }).click();
    await expect(page.getByTestId("balance-due")).toHaveText("€760.00");
    await expect(page.getByTestId("invoice-status")).toHaveText("Sent");

    await amount.fill("10000");
    await page.getByRole("button", { name: "Record payment" }).click();
    await expect(page.getByTestId("payment-message")).toContainText("Overpayment refused");
    await expect(page.getByTestId("payment-message")).toContainText("€760.00");
    await expect(page.getByTestId("balance-due")).toHaveText("€760.00");
    await expect(amount).toHaveValue("10000");
  });

  test("Grace, a member, is refused the invoices with an explanation", async ({ page }) => {
    await signIn(page, "grace@example.com");
    await page.goto("/w/lovelace-studio/invoices");
    await expect(page.getByTestId("refused")).toContainText("A member cannot view invoices in this workspace.");
    await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Invoices" })).toHaveCount(0);
  });
});
