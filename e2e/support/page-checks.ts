import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The two screens every main page is checked on: a laptop and a phone (an iPhone 12–15's CSS size). */
export const SCREENS = [
  { name: "laptop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

/** No serious or critical axe-core violation of the WCAG 2.1 A/AA rules. */
export async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
}

/**
 * The page is no wider than the screen (nothing to scroll sideways but inside its own frames). On
 * failure, names the elements that stick out of a parent that does not scroll: where to look.
 */
export async function expectFitsScreen(page: Page) {
  const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
    const width = window.innerWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const parent = el.parentElement;
      if (!parent || el.getBoundingClientRect().right <= width + 0.5) continue;
      if (parent.getBoundingClientRect().right > width + 0.5 || getComputedStyle(parent).overflowX !== "visible") continue;
      culprits.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}">`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits: culprits.slice(0, 5) };
  });
  expect(scrollWidth, `page is ${scrollWidth}px wide on a ${innerWidth}px screen; sticking out: ${culprits.join(", ")}`).toBeLessThanOrEqual(innerWidth);
}
