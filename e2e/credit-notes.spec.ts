import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

/** "€1,234.50" → 123450. */
const cents = (text: string) => Math.round(Number(text.replace(/[^\d.-]/g, "")) * 100);
const euros = (minor: number) => `€${(minor / 100).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`;

test("Ada records a payment on a sent invoice, removes it, then credits part of the invoice", async ({ page }) => {
  await signIn(page, "ada@example.com");
  await page.goto("/w/lovelace-studio/invoices");
  // The demo's sent (overdue) invoice to Babbage & Co. Partial credits keep its time billed, so later specs still find it locked.
  await page.getByRole("row").filter({ hasText: "Babbage & Co" }).filter({ hasText: "Overdue" }).first().getByRole("link").first().click();
  await page.waitForURL(/\/invoices\/(?!new)[^/?]+$/);
  await expect(page.getByTestId("invoice-status")).toContainText("Sent");
  const label = (await page.getByRole("heading", { level: 1 }).textContent())?.split(" · ")[0] ?? "";
  expect(label).toMatch(/^INV-\d{4}$/);
  const balance = cents((await page.getByTestId("balance-due").textContent()) ?? "");

  // Record a payment, then remove it: the balance comes back.
  await page.getByLabel(/^Amount/).fill("50.00");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByTestId("balance-due")).toHaveText(euros(balance - 5_000));
  await page.getByRole("button", { name: "Remove €50.00 payment…" }).click();
  const removal = page.getByRole("form", { name: `Remove the €50.00 payment from ${label}` });
  await removal.getByLabel("Reason (optional)").fill("Recorded on the wrong invoice");
  await removal.getByRole("button", { name: "Remove payment" }).click();
  // The payment is gone from the page (and with it its form).
  await expect(page.getByTestId("balance-due")).toHaveText(euros(balance));
  await expect(page.getByRole("button", { name: "Remove €50.00 payment…" })).toHaveCount(0);

  // A partial credit note of €20.00 (no tax on the demo invoices).
  await page.getByRole("button", { name: "Issue credit note…" }).click();
  const form = page.getByRole("form", { name: `Issue a credit note for ${label}` });
  await form.getByLabel("Part of it").check();
  await form.getByLabel("Line 1").fill("Late delivery");
  await form.getByLabel(/^Amount/).fill("20");
  await form.getByRole("button", { name: "Issue credit note" }).click();

  // The credit note's own page: its number, what it credits, negative total.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/^CN-\d{4} · Babbage & Co/);
  await expect(page.getByRole("article")).toContainText("Credit note");
  await expect(page.getByTestId("invoice-total")).toHaveText("-€20.00");
  await expect(page.getByRole("heading", { name: `Credits ${label}` })).toBeVisible();
  const noteLabel = (await page.getByRole("heading", { level: 1 }).textContent())?.split(" · ")[0] ?? "";

  // Back on the original: the credit is listed and taken off the balance.
  await page.getByTestId("credited-invoice-link").click();
  await expect(page.getByTestId("credit-notes")).toContainText(noteLabel);
  await expect(page.getByTestId("amount-credited")).toHaveText("−€20.00");
  await expect(page.getByTestId("balance-due")).toHaveText(euros(balance - 2_000));
  await expect(page.getByRole("article").getByTestId("invoice-status")).toContainText("Part credited");
});
