/**
 * Reports' charts and the CSV exports in a real browser: the chart is an accessible SVG with
 * a legend and a data table (axe-clean), and the download links answer the CSV the page shows.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIResponse, type BrowserContext, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

/** A CSV download's text, after checking it starts with UTF-8's byte order mark (for spreadsheets). */
async function downloadText(response: APIResponse): Promise<string> {
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return body.subarray(3).toString("utf8");
}

/** The last 120 days: charted per month, and holding all the demo data's time (five weeks). */
const lastMonths = (() => {
  const today = new Date();
  const from = new Date(today.getTime() - 120 * 86_400_000);
  return `from=${from.toISOString().slice(0, 10)}&to=${today.toISOString().slice(0, 10)}`;
})();

test.describe("reports and exports, signed in as Ada", () => {
  let context: BrowserContext;
  let page: Page;
  test.beforeAll(async ({ browser, baseURL }) => {
    context = await browser.newContext({ baseURL });
    page = await context.newPage();
    await signIn(page, "ada@example.com");
  });
  test.afterAll(async () => context.close());

  test("the time report charts time by project, with a legend and a table, and exports what it shows", async () => {
    await page.goto(`/w/lovelace-studio/reports?kind=time&groupBy=project&preset=custom&${lastMonths}`);
    const chart = page.getByRole("img", { name: "Time per month by project" });
    await expect(chart).toBeVisible();
    const figure = page.getByTestId("chart-time-chart");
    await expect(figure.getByRole("list", { name: /Legend/ }).getByRole("listitem").first()).toBeVisible();
    await figure.getByText("Show the data as a table").click();
    await expect(figure.getByRole("table")).toBeVisible();
    await expect(figure.getByRole("columnheader", { name: "Month" })).toBeVisible();
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    const href = await page.getByTestId("report-csv").getAttribute("href");
    const csv = await page.request.get(href ?? "");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await downloadText(csv)).split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("Project,Tracked hours,Billable hours,Amount (EUR)");
    expect(lines.at(-1)).toMatch(/^Total,\d+\.\d\d,/);
    const rows = await page.getByRole("table", { name: "Project report" }).locator("tbody tr").count();
    expect(lines).toHaveLength(rows + 2);
  });

  test("revenue by project shows collected per project and charts invoiced against collected", async () => {
    await page.goto("/w/lovelace-studio/reports?kind=revenue&groupBy=project&preset=custom&from=2000-01-01&to=2099-12-31");
    // A range of a century is charted per year: a hundred bars, not twelve hundred.
    const chart = page.getByTestId("chart-revenue-chart");
    await expect(page.getByRole("img", { name: "Revenue invoiced and collected per year" })).toBeVisible();
    await chart.getByText("Show the data as a table").click();
    await expect(chart.getByRole("columnheader", { name: "Year" })).toBeVisible();
    await expect(chart.getByRole("table").locator("tbody tr")).toHaveCount(100);
    await expect(page.getByTestId("report-totals")).not.toContainText("—");
    await expect(page.getByRole("option", { name: "Member" })).toHaveCount(0);
  });

  test("the time page downloads the week it shows", async () => {
    await page.goto("/w/lovelace-studio/time?member=all");
    const href = await page.getByTestId("time-csv").getAttribute("href");
    expect(href).toMatch(/\/time\/export\.csv\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d&member=all$/);
    const csv = await page.request.get(href ?? "");
    const lines = (await downloadText(csv)).split("\r\n").filter(Boolean);
    expect(lines[0]).toMatch(/^Date,Start \(.+\),End \(.+\),Duration \(h:mm\),Hours,Member,/);
    const shown = await page.getByText(/\d+ entr(y|ies) on \d+ days?/).textContent();
    expect(lines.length - 1).toBe(Number(shown?.match(/(\d+) entr/)?.[1]));
  });

  test("the time page names its member in the download link, and says when the member asked for is not shown", async () => {
    await page.goto("/w/lovelace-studio/time");
    const adaMember = await page.getByRole("form", { name: "Add time entry" }).getByLabel("Track for").inputValue();
    const href = await page.getByTestId("time-csv").getAttribute("href");
    expect(href).toContain(`&member=${encodeURIComponent(adaMember)}`);
    const lines = (await downloadText(await page.request.get(href ?? ""))).split("\r\n").filter(Boolean);
    const shown = await page.getByText(/\d+ entr(y|ies) on \d+ days?/).textContent();
    expect(lines.length - 1).toBe(Number(shown?.match(/(\d+) entr/)?.[1]));
    await expect(page.getByTestId("member-notice")).toHaveCount(0);

    await page.goto("/w/lovelace-studio/time?member=zzz");
    await expect(page.getByTestId("member-notice")).toHaveText("There is no member with that id in this workspace, so your time is shown instead.");
    await expect(page.getByText("Your time for the week of")).toBeVisible();
    await page.goto("/w/lovelace-studio/timesheet?member=zzz");
    await expect(page.getByTestId("member-notice")).toHaveText("There is no member with that id in this workspace, so your week is shown instead.");
    const unknown = await page.request.get("/w/lovelace-studio/time/export.csv?member=zzz");
    expect([unknown.status(), await unknown.text()]).toEqual([400, "member: no member with this id in this workspace"]);
  });

  test("a member's export link for another member's time is refused with 403 and the reason", async ({ browser, baseURL }) => {
    await page.goto("/w/lovelace-studio/time");
    const adaMember = await page.getByRole("form", { name: "Add time entry" }).getByLabel("Track for").inputValue();
    const graceContext = await browser.newContext({ baseURL });
    try {
      const grace = await graceContext.newPage();
      await signIn(grace, "grace@example.com");
      const refused = await grace.request.get(`/w/lovelace-studio/time/export.csv?member=${encodeURIComponent(adaMember)}`);
      expect(refused.status()).toBe(403);
      expect(await refused.text()).toBe("A member can only export their own time entries.");
      expect((await grace.request.get("/w/lovelace-studio/time/export.csv")).status()).toBe(200);
    } finally {
      await graceContext.close();
    }
  });
});
