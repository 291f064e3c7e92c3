/**
 * The Tasks page's filters: a link with a project or status the workspace does not have lists
 * every task, and says which filter it left off and why (not silently, as if it had applied it).
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
