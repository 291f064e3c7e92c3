/**
 * Pages opened from a link with a filter that is not one (hand-edited or outdated): Tasks,
 * Invoices and Reports show what they can and say which value they left off and why, never
 * silently as if they had applied it.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("a project or status that is not one is left off with a notice; the form's own choices apply quietly", async ({ page }) => {
  await signIn(page, "ada@example.com");
  await page.goto("/w/lovelace-studio/tasks?project=zzz&status=finished");
  const notices = page.getByTestId("filter-notice");
  await expect(notices).toHaveCount(2);
  await expect(notices.first()).toContainText("There is no project with that id in this workspace");
  await expect(notices.last()).toContainText("There is no task status “finished” (it is open, in_progress or done)");
  await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();

  const filter = page.getByRole("form", { name: "Filter tasks" });
  await filter.getByLabel("Status").selectOption("done");
  await filter.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=done/);
  await expect(page.getByTestId("filter-notice")).toHaveCount(0);
});

test("Invoices and Reports say which value of the link they left off", async ({ page }) => {
  await signIn(page, "ada@example.com");
  await page.goto("/w/lovelace-studio/invoices?status=zzz");
  await expect(page.getByTestId("status-notice")).toContainText("There is no invoice status “zzz” (it is draft, sent, paid, void)");

  await page.goto("/w/lovelace-studio/reports?kind=revenue&groupBy=member");
  await expect(page.getByTestId("report-notice")).toHaveText("A revenue report is grouped by project or client, not “member”, so it is grouped by project.");
  await page.goto("/w/lovelace-studio/reports?kind=zzz");
  await expect(page.getByTestId("report-notice")).toContainText("There is no “zzz” report");
  await page.goto("/w/lovelace-studio/reports?kind=time&groupBy=member");
  await expect(page.getByTestId("report-notice")).toHaveCount(0);
});

test("a new invoice from a link naming no client of the workspace says so at the client, in words, not code names", async ({ page }) => {
  await signIn(page, "ada@example.com");
  await page.goto("/w/lovelace-studio/invoices/new?clientId=zzz");
  await expect(page.getByTestId("preview-error")).toContainText("Change the highlighted settings and preview again.");
  await expect(page.getByTestId("preview-error")).not.toContainText("clientId");
  await expect(page.getByText("no client with this id in this workspace")).toBeVisible();
});
