import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

// Its own client, project and time, so the totals are known and the demo clients' unbilled time is left to the other specs.
test("Ada drafts an invoice with VAT 20 % and a 10 % discount, edits its notes and sees the totals", async ({ page }) => {
  const stamp = Date.now();
  const client = `Jacquard Looms ${stamp}`;
  const project = `Loom cards ${stamp}`;
  await signIn(page, "ada@example.com");

  await page.goto("/w/lovelace-studio/clients");
  const addClient = page.getByRole("form", { name: "Add client" });
  await addClient.getByLabel("Name").fill(client);
  await addClient.getByRole("button", { name: "Add client" }).click();
  await expect(page.getByText(client).first()).toBeVisible();
  const addProject = page.getByRole("form", { name: "Add project" });
  await addProject.getByLabel("Client").selectOption({ label: client });
  await addProject.getByLabel("Project name").fill(project);
  await addProject.getByLabel(/Hourly rate/).fill("100");
  await addProject.getByRole("button", { name: "Add project" }).click();
  await expect(page.getByText(project).first()).toBeVisible();

  await page.goto("/w/lovelace-studio/time");
  const addEntry = page.getByRole("form", { name: "Add time entry" });
  await addEntry.getByLabel("Duration").fill("2:00");
  await addEntry.getByLabel("Project").selectOption({ label: project });
  await addEntry.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByTestId("create-entry-message")).toContainText(`Added 2:00 on ${project}`);

  await page.goto("/w/lovelace-studio/invoices/new");
  await page.getByLabel("Client").selectOption({ label: client });
  await page.getByLabel("Tax 1 name").fill("VAT");
  await page.getByLabel("Tax 1 rate (%)").fill("20");
  await page.getByLabel("Discount as").selectOption("percent");
  await page.getByLabel("Discount", { exact: true }).fill("10");
  await page.getByLabel("Tax note").fill("Reverse charge does not apply.");
  await page.getByRole("button", { name: "Preview" }).click();
  // €200.00 − 10 % = €180.00; VAT 20 % = €36.00.
  await expect(page.getByTestId("preview-total-subtotal")).toHaveText("€200.00");
  await expect(page.getByTestId("preview-total-discount")).toHaveText("−€20.00");
  await expect(page.getByTestId("preview-total-tax-1")).toHaveText("€36.00");
  await expect(page.getByTestId("preview-total")).toHaveText("€216.00");

  await page.getByRole("button", { name: /Create draft/ }).click();
  await expect(page).toHaveURL(/\/w\/lovelace-studio\/invoices\/(?!new)[^/?]+$/);
  await expect(page.getByTestId("invoice-total")).toHaveText("€216.00");
  await expect(page.getByText("VAT (20%)")).toBeVisible();
  await expect(page.getByText("Discount (10%)")).toBeVisible();
  await expect(page.getByTestId("invoice-total-tax-note")).toHaveText("Reverse charge does not apply.");

  await page.getByRole("link", { name: "Edit draft" }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await expect(page.getByLabel("Tax 1 rate (%)")).toHaveValue("20");
  await page.getByLabel("Notes on the invoice").fill("Thank you for the loom cards.");
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page).toHaveURL(/\/w\/lovelace-studio\/invoices\/[^/?]+$/);
  await expect(page.getByText("Thank you for the loom cards.")).toBeVisible();
  await expect(page.getByTestId("invoice-total-subtotal")).toHaveText("€200.00");
  await expect(page.getByTestId("invoice-total-discount")).toHaveText("−€20.00");
  await expect(page.getByTestId("invoice-total-tax-1")).toHaveText("€36.00");
  await expect(page.getByTestId("invoice-total")).toHaveText("€216.00");
});
