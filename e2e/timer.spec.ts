/**
 * The running timer in the browser: started on the Time page, ticking in the header of every
 * workspace page, still there after a reload and in a second tab; stopped in one tab, the other
 * learns it (a stop from the stale tab says what happened instead of failing or recording twice);
 * the entry is listed once, and "Continue" on it starts the timer again (a second Continue within
 * the minute says the short run was discarded); a timer started inside that time warns on start
 * and on stop.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

// Time goes on a Babbage & Co project: the invoice specs rely on Menabrea Press's unbilled total.
const PROJECT = "Difference Engine Docs";
const WORKSPACE = "/w/lovelace-studio";

/** "HH:MM" five minutes ago in the workspace's time zone (an entry is at least a minute, so the timer starts earlier). */
const fiveMinutesAgo = () =>
  new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(Date.now() - 5 * 60_000));

const bar = (page: Page) => page.getByRole("region", { name: "Timer" });

test("a timer runs across pages, a reload and two tabs, stops once, and continues", async ({ browser, baseURL }) => {
  const description = `Proof reading ${Date.now()}`;
  const context = await browser.newContext({ baseURL });
  const tab1 = await context.newPage();
  await signIn(tab1, "ada@example.com");

  await tab1.goto(`${WORKSPACE}/time`);
  await expect(bar(tab1)).toContainText("No timer running.");
  const form = tab1.getByRole("form", { name: "Start a timer" });
  await form.getByLabel("Project").selectOption({ label: PROJECT });
  await form.getByLabel("Description").fill(description);
  await form.getByLabel("Started at (optional)").fill(fiveMinutesAgo());
  await form.getByRole("button", { name: "Start timer" }).click();
  await expect(tab1.getByTestId("start-timer-message")).toHaveText(`Timer started on ${PROJECT}.`);

  // Ticking in the header, without a live region that would read every second out.
  const elapsed = bar(tab1).getByRole("timer");
  await expect(bar(tab1)).toContainText(description);
  await expect(elapsed).toHaveText(/^0:0[56]:\d\d$/);
  await expect(elapsed).toHaveAttribute("aria-live", "off");
  await expect(elapsed).toHaveAttribute("aria-label", /^Timer running since \d\d:\d\d$/);
  const first = await elapsed.textContent();
  await expect(elapsed).not.toHaveText(first ?? "");
  const axe = await new AxeBuilder({ page: tab1 }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // On another page, renamed there, and after a reload: server state.
  await tab1.goto(`${WORKSPACE}/clients`);
  await expect(bar(tab1)).toContainText(description);
  await bar(tab1).getByRole("button", { name: /^Edit the description/ }).click();
  await bar(tab1).getByRole("textbox", { name: "Timer description" }).fill(`${description}, chapter 2`);
  await bar(tab1).getByRole("button", { name: "Save" }).click();
  await expect(bar(tab1).getByTestId("timer-description")).toContainText(`${description}, chapter 2`);
  await tab1.reload();
  await expect(bar(tab1)).toContainText(`${description}, chapter 2`);
  await expect(bar(tab1).getByRole("timer")).toHaveText(/^0:0[56]:\d\d$/);

  // A second tab shows the same timer and stops it.
  const tab2 = await context.newPage();
  await tab2.goto(`${WORKSPACE}/invoices`);
  await expect(bar(tab2)).toContainText(description);
  await bar(tab2).getByRole("button", { name: /^Stop the timer on Difference Engine Docs/ }).click();
  await expect(bar(tab2).getByTestId("timer-notice")).toHaveText(/^Timer stopped: 0:0[56] on Difference Engine Docs added to your time\./);
  await expect(bar(tab2)).toContainText("No timer running.");

  // The first tab still shows it: its Stop is refused with a clear message, and the tab catches up.
  await bar(tab1).getByRole("button", { name: /^Stop the timer/ }).click();
  await expect(bar(tab1).getByTestId("timer-notice")).toHaveText(/^No timer is running: it may have been stopped or discarded elsewhere/);
  await expect(bar(tab1)).toContainText("No timer running.");

  // One entry, once; Continue starts the timer on the same work.
  await tab2.goto(`${WORKSPACE}/time`);
  const entry = tab2.getByTestId("time-entry").filter({ hasText: description });
  await expect(entry).toHaveCount(1);
  await entry.getByRole("button", { name: /^Continue / }).click();
  await expect(entry.getByTestId("continue-message")).toHaveText(`Timer started on ${PROJECT}.`);
  await expect(bar(tab2)).toContainText(description);
  await expect(bar(tab2).getByRole("timer")).toHaveText(/^0:00:\d\d$/);
  // Continue again within the minute: the run too short to be an entry is discarded, and said so.
  await entry.getByRole("button", { name: /^Continue / }).click();
  await expect(entry.getByTestId("continue-message")).toHaveText(`Timer started on ${PROJECT}. The previous timer ran under a minute and was discarded.`);

  // Tab 1 learns of it when it comes back into view, and throws it away.
  await tab1.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect(bar(tab1)).toContainText(description);
  await bar(tab1).getByRole("button", { name: /^Discard the timer/ }).click();
  await bar(tab1).getByRole("button", { name: "Confirm discard" }).click();
  await expect(bar(tab1).getByTestId("timer-notice")).toHaveText(/^Timer discarded/);
  await expect(bar(tab1)).toContainText("No timer running.");

  // A timer started inside the time just tracked: the start warns, and so does the stop, which
  // has saved the entry and links to edit it.
  await tab1.goto(`${WORKSPACE}/time`);
  const again = tab1.getByRole("form", { name: "Start a timer" });
  await again.getByLabel("Project").selectOption({ label: PROJECT });
  await again.getByLabel("Started at (optional)").fill(fiveMinutesAgo());
  await again.getByRole("button", { name: "Start timer" }).click();
  await expect(tab1.getByTestId("start-timer-message")).toHaveText(`Timer started on ${PROJECT}.`);
  // "an entry" or "2 entries": the demo data may have tracked time of Ada's around now too.
  await expect(tab1.getByTestId("start-timer-message-warning")).toContainText(/The running timer overlaps (an entry|\d+ entries) you already tracked\./);
  await expect(tab1.getByTestId("start-timer-message-warning")).toContainText(description);
  await bar(tab1).getByRole("button", { name: /^Stop the timer/ }).click();
  await expect(bar(tab1).getByTestId("timer-notice")).toHaveText(/^Timer stopped: 0:0[56] on Difference Engine Docs added to your time\./);
  const warning = bar(tab1).getByTestId("timer-warning");
  await expect(warning).toContainText(/The entry this timer became overlaps (an entry|\d+ entries) you already tracked\. It is saved/);
  await expect(warning.getByRole("link", { name: "Edit the new entry" })).toHaveAttribute("href", /\/time\/[^/]+\/edit$/);
  await context.close();
});
