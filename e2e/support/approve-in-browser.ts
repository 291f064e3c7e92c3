/**
 * The person's side of an approval in Hourbook: open the link the app passed on, signed in,
 * and approve or deny the one action it shows.
 */
import { expect, type Page } from "@playwright/test";

export async function decideInBrowser(page: Page, approvalUrl: string, decision: "Approve" | "Deny"): Promise<void> {
  await page.goto(approvalUrl);
  const card = page.getByTestId("approval");
  await expect(card.getByText("Waiting for you")).toBeVisible();
  await card.getByRole("button", { name: decision }).click();
  await expect(page.getByTestId("approval-outcome")).toContainText(decision === "Approve" ? "You approved this" : "You denied this");
}
