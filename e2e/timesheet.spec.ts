/**
 * Adding time continues the day, overlapping time is confirmed before it is saved, and the
 * week's timesheet takes a duration typed into a cell. In Ada's own Sketchbook workspace, in a
 * week of January 2025 that holds no demo time, so no other spec sees these entries.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

const WEEK = "2025-01-06";

test.describe("time that continues the day, overlaps and the week's timesheet", () => {
  let context: BrowserContext;
  let page: Page;
  test.beforeAll(async ({ browser, baseURL }) => {
    context = await browser.newContext({ baseURL });
    page = await context.newPage();
    await signIn(page, "ada@example.com");
  });
  test.afterAll(async () => context.close());

  test("the next entry starts where the last ended, an overlap asks first, and a timesheet cell sets the day's time", async () => {
    await page.goto(`/w/sketchbook/time?week=${WEEK}`);
    const form = page.getByRole("form", { name: "Add time entry" });
    await expect(form.getByLabel("Date")).toHaveValue(WEEK);
    await expect(form.getByLabel("Start time")).toHaveValue("09:00");
    await form.getByLabel("Duration").fill("1:25");
    await form.getByLabel("Project").selectOption({ label: "Portfolio" });
    await form.getByRole("button", { name: "Add entry" }).click();
    await expect(page.getByTestId("create-entry-message")).toContainText("Added 1:25 on Portfolio");
    // Not 09:00 again: the next entry starts where this one ended.
    await expect(form.getByLabel("Start time")).toHaveValue("10:25");

    // The example: 09:00–09:07 on top of 09:00–10:25 is not saved without a word.
    await form.getByLabel("Start time").fill("09:00");
    await form.getByLabel("Duration").fill("0:07");
    await form.getByRole("button", { name: "Add entry" }).click();
    const warning = page.getByTestId("create-entry-message");
    await expect(warning).toContainText("This overlaps an entry you already tracked");
    await expect(warning).toContainText("Portfolio, Mon 6 Jan 09:00–10:25");
    await expect(page.getByTestId("time-entry")).toHaveCount(1);
    await expect(form.getByLabel("Duration")).toHaveValue("0:07");
    await form.getByRole("button", { name: "Save anyway" }).click();
    await expect(page.getByTestId("create-entry-message")).toContainText("Added 0:07 on Portfolio");
    await expect(page.getByTestId("time-entry")).toHaveCount(2);

    // Editing asks the same way: moving the short entry to 09:30 still overlaps the long one.
    await page.getByRole("link", { name: "Edit 0:07 on Portfolio" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Edit time entry" })).toBeVisible();
    await page.getByLabel("Start time").fill("09:30");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("edit-entry-message")).toContainText("Portfolio, Mon 6 Jan 09:00–10:25");
    await expect(page.getByLabel("Start time")).toHaveValue("09:30");
    await page.getByRole("button", { name: "Save anyway" }).click();
    await expect(page.getByTestId("time-notice")).toHaveText("Time entry updated.");
    await expect(page.getByTestId("time-entry").filter({ hasText: "09:30–09:37" })).toHaveCount(1);

    await page.getByRole("link", { name: "Week timesheet" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Timesheet" })).toBeVisible();
    // Two entries make Monday's cell: read-only, it is text (not an input) linking to that day, and says why.
    await expect(page.getByRole("textbox", { name: "Portfolio, Mon 6 Jan" })).toHaveCount(0);
    const monday = page.getByRole("link", { name: "Portfolio, Mon 6 Jan: 1:32" });
    await expect(monday).toHaveText("1:32");
    await expect(monday).toHaveAccessibleDescription(/2 entries make up this cell/);
    await expect(monday).toHaveAttribute("title", /2 entries make up this cell.*change them one by one on the Time page/);
    await expect(monday).toHaveAttribute("href", /\/w\/sketchbook\/time\?week=2025-01-06/);
    await monday.focus();
    await expect(page.getByTestId("timesheet-status")).toContainText("2 entries make up this cell");

    const tuesday = page.getByRole("textbox", { name: "Portfolio, Tue 7 Jan" });
    await tuesday.fill("1.5");
    await tuesday.press("Enter");
    await expect(page.getByTestId("timesheet-status")).toHaveText("Added 1:30 on Portfolio, Tue 7 Jan.");
    await expect(tuesday).toHaveValue("1:30");
    await expect(page.getByTestId("timesheet-row-total")).toHaveText("3:02");
    await expect(page.getByTestId("timesheet-day-total").nth(1)).toHaveText("1:30");
    await expect(page.getByTestId("timesheet-week-total")).toHaveText("3:02");

    // Typed over, the same cell's one entry changes; nothing new is added.
    await tuesday.fill("45m");
    await tuesday.press("Enter");
    await expect(page.getByTestId("timesheet-status")).toHaveText("Changed to 0:45 on Portfolio, Tue 7 Jan.");
    await expect(page.getByTestId("timesheet-week-total")).toHaveText("2:17");

    // A cell's time stays within its day: past midnight is refused, naming the most that fits, with the day on the Time page.
    await tuesday.fill("23:00");
    await tuesday.press("Enter");
    await expect(page.getByTestId("timesheet-status")).toContainText("Portfolio, Tue 7 Jan: This cell's entry starts at 09:00, so it can be at most 15:00 to end by midnight.");
    await expect(page.getByTestId("timesheet-status").getByRole("link", { name: "Open that day on the Time page" })).toHaveAttribute("href", /\/w\/sketchbook\/time\?week=2025-01-07/);
    await expect(tuesday).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("timesheet-week-total")).toHaveText("2:17");
    await tuesday.press("Escape");

    // A refusal is announced and marks the cell; nothing changes.
    const wednesday = page.getByRole("textbox", { name: "Portfolio, Wed 8 Jan" });
    await wednesday.fill("soon");
    await wednesday.press("Enter");
    await expect(page.getByTestId("timesheet-status")).toContainText("Portfolio, Wed 8 Jan: “soon” is not a duration: write it like 1:30, 1.5 or 90m.");
    await expect(wednesday).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("timesheet-week-total")).toHaveText("2:17");
  });

  test("the timesheet fits a 390 px phone (the grid scrolls in its own focusable region) and passes axe", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/w/sketchbook/timesheet?week=${WEEK}`);
    await expect(page.getByRole("region", { name: "Timesheet for the week" })).toBeVisible();
    const widths = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths.document).toBeLessThanOrEqual(widths.viewport);
    // Each cell shows its whole duration ("1:30", not "1"): the grid scrolls rather than squeezing its inputs.
    const clipped = await page.getByRole("region", { name: "Timesheet for the week" }).locator("input").evaluateAll((inputs) =>
      (inputs as HTMLInputElement[]).filter((input) => input.value && input.scrollWidth > input.clientWidth).map((input) => `${input.getAttribute("aria-label")}: ${input.value}`),
    );
    expect(clipped).toEqual([]);
    expect(await page.getByRole("region", { name: "Timesheet for the week" }).locator("input").count()).toBeGreaterThan(0);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
  });

  test("weeks stop at the calendar's ends (2000-01-01 to 2099-12-31): no Next from the last week, no Previous from the first, and a week past it is refused, not a 500", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const view of ["timesheet", "time"]) {
      await page.goto(`/w/sketchbook/${view}?week=2099-12-21`);
      await page.getByRole("navigation", { name: "Weeks" }).getByRole("link", { name: "Next week", exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${view}\\?week=2099-12-28$`));
      const weeks = page.getByRole("navigation", { name: "Weeks" });
      await expect(weeks.getByRole("link", { name: "Next week", exact: true })).toHaveCount(0);
      await expect(weeks.getByRole("link", { name: "Next week: none, dates end on 2099-12-31" })).toHaveAttribute("aria-disabled", "true");
      await expect(page.getByText("28 December 2099")).toBeVisible();
      await expect(page.getByText(/10000/)).toHaveCount(0);
      if (view === "timesheet") {
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        expect(results.violations.map((v) => v.id)).toEqual([]);
      }

      // The week a stale "Next" led to, past the calendar: this week instead, and why.
      const past = await page.goto(`/w/sketchbook/${view}?week=9999-12-27`);
      expect(past?.status()).toBe(200);
      await expect(page.getByText("That week is not a date written YYYY-MM-DD from 2000-01-01 to 2099-12-31, so this week is shown instead.")).toBeVisible();

      await page.goto(`/w/sketchbook/${view}?week=2000-01-01`);
      await expect(page.getByRole("navigation", { name: "Weeks" }).getByRole("link", { name: "Previous week", exact: true })).toHaveCount(0);
      await expect(page.getByRole("navigation", { name: "Weeks" }).getByRole("link", { name: "Previous week: none, dates start on 2000-01-01" })).toHaveAttribute("aria-disabled", "true");
      await expect(page.getByRole("navigation", { name: "Weeks" }).getByRole("link", { name: "Next week", exact: true })).toHaveAttribute("href", new RegExp(`week=2000-01-03`));
    }
  });
});
