import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

// Time goes on a Babbage & Co project: the invoice specs rely on Menabrea Press's unbilled total.
const PROJECT = "Difference Engine Docs";

test.describe("tracking time on the week view", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "ada@example.com");
    await page.goto("/w/lovelace-studio/time");
    await expect(page.getByRole("heading", { level: 1, name: "Time" })).toBeVisible();
  });

  test("Ada adds an entry, sees it in today's column, edits it and deletes it", async ({ page }) => {
    const description = `Checked the carry tables ${Date.now()}`;
    const form = page.getByRole("form", { name: "Add time entry" });
    await form.getByLabel("Duration").fill("1:15");
    await form.getByLabel("Project").selectOption({ label: PROJECT });
    await form.getByLabel("Description").fill(description);
    await form.getByRole("button", { name: "Add entry" }).click();

    await expect(page.getByTestId("create-entry-message")).toContainText(`Added 1:15 on ${PROJECT}`);
    const today = page.getByRole("region", { name: /Today/ });
    const entry = today.getByTestId("time-entry").filter({ hasText: description });
    await expect(entry).toContainText("1:15");
    await expect(entry).toContainText(`${PROJECT} · Babbage & Co`);
    await expect(entry).toContainText("Billable");
    // The form is ready for the next entry: the description is cleared, the project kept.
    await expect(form.getByLabel("Description")).toHaveValue("");
    await expect(form.getByLabel("Project").locator("option:checked")).toHaveText(PROJECT);

    await entry.getByRole("link", { name: /^Edit/ }).click();
    await expect(page).toHaveURL(/\/time\/[^/]+\/edit/);
    await expect(page.getByLabel("Duration")).toHaveValue("1:15");
    const edited = `${description} (edited)`;
    await page.getByLabel("Description").fill(edited);
    await page.getByRole("button", { name: "Save changes" }).click();

    await expect(page.getByTestId("time-notice")).toHaveText("Time entry updated.");
    const editedEntry = page.getByTestId("time-entry").filter({ hasText: edited });
    await expect(editedEntry).toContainText("1:15");

    await editedEntry.getByRole("button", { name: /^Delete/ }).click();
    const confirm = editedEntry.getByRole("button", { name: /^Confirm delete/ });
    await expect(confirm).toBeFocused();
    await confirm.click();

    await expect(page.getByTestId("time-notice")).toHaveText("Time entry deleted.");
    await expect(page.getByText(description)).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(description)).toHaveCount(0);
  });

  test("cancelling a delete keeps the entry", async ({ page }) => {
    const description = `Kept after cancel ${Date.now()}`;
    const form = page.getByRole("form", { name: "Add time entry" });
    await form.getByLabel("Duration").fill("0:30");
    await form.getByLabel("Project").selectOption({ label: PROJECT });
    await form.getByLabel("Description").fill(description);
    await form.getByRole("button", { name: "Add entry" }).click();
    const entry = page.getByTestId("time-entry").filter({ hasText: description });
    await expect(entry).toContainText("0:30");

    await entry.getByRole("button", { name: /^Delete/ }).click();
    await entry.getByRole("button", { name: "Cancel" }).click();
    await page.reload();
    await expect(entry).toBeVisible();

    // Clean up so later specs see the demo data unchanged.
    await entry.getByRole("button", { name: /^Delete/ }).click();
    await entry.getByRole("button", { name: /^Confirm delete/ }).click();
    await expect(page.getByTestId("time-notice")).toHaveText("Time entry deleted.");
  });

  test("a duration that does not parse is refused next to the field, keeps the input and saves nothing", async ({ page }) => {
    const description = `Never saved ${Date.now()}`;
    const form = page.getByRole("form", { name: "Add time entry" });
    const duration = form.getByLabel("Duration");
    await duration.fill("abc");
    await form.getByLabel("Project").selectOption({ label: PROJECT });
    await form.getByLabel("Description").fill(description);
    await form.getByRole("button", { name: "Add entry" }).click();

    await expect(duration).toHaveAttribute("aria-invalid", "true");
    await expect(duration).toHaveAccessibleDescription("Write it like 1:30, 1.5 or 90m.");
    await expect(page.getByTestId("create-entry-message")).toHaveText("Duration: write it like 1:30, 1.5 or 90m.");
    await expect(duration).toHaveValue("abc");
    await expect(form.getByLabel("Description")).toHaveValue(description);
    await expect(form.getByLabel("Project").locator("option:checked")).toHaveText(PROJECT);

    await page.reload();
    await expect(page.getByText(description)).toHaveCount(0);
  });

  test("an invoiced entry shows its invoice and offers no edit or delete", async ({ page }) => {
    // Three weeks back is on the sent invoice in the demo data.
    for (let i = 0; i < 3; i++) {
      const before = page.url();
      await page.getByRole("link", { name: "Previous week" }).click();
      await page.waitForURL((url) => url.href !== before);
    }
    const invoiced = page.getByTestId("time-entry").filter({ hasText: "Invoiced" }).first();
    await expect(invoiced).toContainText(/INV-\d{4}/);
    await expect(invoiced).toContainText("Locked");
    // The owner is told the correction this invoice allows, not just "void it".
    await expect(invoiced.getByTestId("locked-entry")).toContainText(/credit note/);
    await expect(invoiced.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
    await expect(invoiced.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  });
});
