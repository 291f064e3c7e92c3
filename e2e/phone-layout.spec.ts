/**
 * The app on a phone and at dead ends: the menu button that folds the sidebar away at 390×844
 * (the widths of every main page are checked in accessibility.spec.ts), the branded 404 a link
 * someone may not open ends on, and moments shown in the viewer's own time zone.
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { formatInstant } from "../lib/web/format-time";
import { signIn } from "./sign-in";
import { expectNoViolations, SCREENS } from "./support/page-checks";

const [LAPTOP, PHONE] = SCREENS;

async function signedIn(browser: import("@playwright/test").Browser, baseURL: string | undefined, email: string, options: { timezoneId?: string } = {}) {
  const context = await browser.newContext({ baseURL, viewport: { width: PHONE.width, height: PHONE.height }, ...options });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

test.describe("the menu on a phone", () => {
  let context: BrowserContext;
  let page: Page;
  test.beforeAll(async ({ browser, baseURL }) => ({ context, page } = await signedIn(browser, baseURL, "ada@example.com")));
  test.afterAll(async () => context.close());

  test("the Menu button opens and closes the navigation, and the keyboard reaches its links", async () => {
    await page.goto("/w/lovelace-studio/time");
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Workspace" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toHaveAttribute("aria-controls", "app-menu");
    await expect(nav).toBeHidden();

    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeVisible();
    await expectNoViolations(page);

    // Tab on from the button: past the workspace switcher, into the section links.
    const clients = nav.getByRole("link", { name: "Clients & projects" });
    for (let i = 0; i < 8 && !(await clients.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(clients).toBeFocused();

    // Escape closes it and hands focus back to the button.
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    // Following a link from the open menu lands on the page with the menu closed again.
    await page.keyboard.press("Enter");
    await nav.getByRole("link", { name: "Tasks" }).click();
    await expect(page).toHaveURL(/\/w\/lovelace-studio\/tasks$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
  });

  test("a table wider than the phone scrolls inside the page, from the keyboard too", async () => {
    await page.goto("/w/lovelace-studio/billing-hub");
    const table = page.getByRole("region", { name: "Overdue invoices" });
    const sizes = await table.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(sizes.scrollWidth).toBeGreaterThan(sizes.clientWidth);
    await table.focus();
    await expect(table).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => table.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    for (let i = 0; i < 30 && (await table.evaluate((el) => el.scrollLeft + el.clientWidth < el.scrollWidth - 1)); i++) await page.keyboard.press("ArrowRight");
    // Scrolled to its end, its last column (the Send reminder button) is on the screen.
    await expect(table.getByRole("button", { name: /Send reminder/ })).toBeInViewport();
  });

  test("on a laptop screen there is no Menu button and the sidebar shows", async () => {
    await page.setViewportSize({ width: LAPTOP.width, height: LAPTOP.height });
    await page.goto("/w/lovelace-studio/time");
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Workspace" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Account" })).toBeVisible();
    await page.setViewportSize({ width: PHONE.width, height: PHONE.height });
  });
});

test.describe("links someone may not open end on a page that says so and links back", () => {
  test("another member's entry, a workspace they are not in, an unknown invoice: 404 with the way back", async ({ browser, baseURL }) => {
    const ada = await signedIn(browser, baseURL, "ada@example.com");
    await ada.page.goto("/w/lovelace-studio/time");
    const adasEntry = await ada.page.getByRole("link", { name: /^Edit/ }).first().getAttribute("href");
    expect(adasEntry).toMatch(/^\/w\/lovelace-studio\/time\/[^/]+\/edit/);
    await ada.context.close();

    const grace = await signedIn(browser, baseURL, "grace@example.com");
    const cases: Array<{ path: string; back: { name: string; href: string } }> = [
      { path: String(adasEntry), back: { name: "Back to Time", href: "/w/lovelace-studio/time" } },
      { path: "/w/sketchbook/time", back: { name: "Go to Hourbook", href: "/" } },
      { path: "/w/no-such-workspace/invoices", back: { name: "Go to Hourbook", href: "/" } },
      { path: "/w/lovelace-studio/time/no-such-entry/edit", back: { name: "Back to Time", href: "/w/lovelace-studio/time" } },
      { path: "/developers/apps/no-such-app", back: { name: "Back to Developer apps", href: "/developers/apps" } },
      { path: "/developers/apps/no-such-app/edit", back: { name: "Back to Developer apps", href: "/developers/apps" } },
      { path: "/no-such-page", back: { name: "Go to Hourbook", href: "/" } },
      { path: "/w/lovelace-studio/no-such-page", back: { name: "Back to Time", href: "/w/lovelace-studio/time" } },
    ];
    for (const { path, back } of cases) {
      const response = await grace.page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(grace.page.getByRole("heading", { level: 1, name: "Page not found" }), path).toBeVisible();
      await expect(grace.page.getByText("This page doesn't exist or you don't have access to it.")).toBeVisible();
      await expect(grace.page.getByRole("link", { name: back.name }), path).toHaveAttribute("href", back.href);
      await expect(grace.page).toHaveTitle(/^Page not found/);
    }
    await expectNoViolations(grace.page);
    // The way back works: a member's 404 inside the workspace returns to its Time page.
    await grace.page.goto(String(adasEntry));
    await grace.page.getByRole("link", { name: "Back to Time" }).click();
    await expect(grace.page).toHaveURL(/\/w\/lovelace-studio\/time$/);
    await grace.context.close();
  });

  test("an unknown invoice and rule are the same 404 for the owner", async ({ browser, baseURL }) => {
    const ada = await signedIn(browser, baseURL, "ada@example.com");
    for (const path of ["/w/lovelace-studio/invoices/no-such-invoice", "/w/lovelace-studio/invoices/no-such-invoice/edit", "/w/lovelace-studio/rules/no-such-rule"]) {
      const response = await ada.page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(ada.page.getByRole("heading", { level: 1, name: "Page not found" }), path).toBeVisible();
      await expect(ada.page.getByRole("link", { name: "Back to Time" })).toHaveAttribute("href", "/w/lovelace-studio/time");
    }
    await ada.context.close();
  });
});

test("moments show in the viewer's own time zone, named", async ({ browser, baseURL }) => {
  // The workspace is on Europe/London; this viewer is in New York. A sent invoice's outbox says
  // when its message was kept.
  const viewer = await signedIn(browser, baseURL, "ada@example.com", { timezoneId: "America/New_York" });
  await viewer.page.goto("/w/lovelace-studio/invoices?status=sent");
  await viewer.page.getByRole("link", { name: /^INV-/ }).first().click();
  const kept = viewer.page.getByTestId("outbox-message").first().locator("time");
  await expect(kept).toHaveAttribute("data-time-zone", "America/New_York");
  const at = new Date(String(await kept.getAttribute("datetime")));
  await expect(kept).toHaveText(formatInstant(at, "America/New_York"));
  await expect(kept).toHaveText(/ GMT-[45]$/);
  await viewer.context.close();
});
