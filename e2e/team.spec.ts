/**
 * Team: an owner invites someone by email, copies the link, and a new person accepts it in a
 * fresh, signed-out browser by creating their account, landing in the workspace; a password
 * reset through the outbox (read with the operator command, as someone running Hourbook would),
 * which signs out the browser that was signed in before it and, as its checkbox offers by
 * default, disconnects the app connected before it;
 * and the sign-up of a new person with a workspace of their own. The rules and refusals behind
 * these are covered by the domain tests (lib/domain/invitations, lib/domain/users).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signIn } from "./sign-in";
import { connectInBrowser, mcp, registerApp } from "./support/connect-in-browser";

const E2E_DATA_DIR = process.env.HOURBOOK_E2E_DATA_DIR ?? ".data/e2e";
const run = Date.now().toString(36);

/** axe WCAG 2.1 A/AA, serious and critical findings (as accessibility.spec.ts checks the other pages). */
async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
}

/** The latest link of one kind sent to `email`, through `npm run operator -- outbox <email>`. */
function outboxLink(email: string, pathPrefix: "/invite/" | "/reset-password/"): string {
  const printed = execFileSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/operator.ts", "outbox", email, "--limit", "1"], {
    env: { ...process.env, HOURBOOK_DATA_DIR: E2E_DATA_DIR, DATABASE_URL: `file:./${E2E_DATA_DIR}/hourbook.db` },
    encoding: "utf8",
  });
  const link = printed.match(new RegExp(`https?://\\S+${pathPrefix}\\S+`))?.[0];
  if (!link) throw new Error(`No ${pathPrefix} link for ${email} in:\n${printed}`);
  return new URL(link).pathname;
}

test.describe("team", () => {
  let owner: BrowserContext;
  let page: Page;
  test.beforeAll(async ({ browser, baseURL }) => {
    owner = await browser.newContext({ baseURL, permissions: ["clipboard-read", "clipboard-write"] });
    page = await owner.newPage();
    await signIn(page, "ada@example.com");
  });
  test.afterAll(async () => owner.close());

  test("an owner invites a new person, who accepts in a fresh browser by creating an account", async ({ browser, baseURL }) => {
    const email = `katherine-${run}@example.com`;
    await page.goto("/w/lovelace-studio/settings/members");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("admin");
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    const shown = page.getByTestId("invite-link");
    await expect(shown).toContainText("/invite/hbi_");
    await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toContainText("Admin");
    await expectNoViolations(page);
    await page.getByTestId("copy-invite-link").click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(await shown.textContent());

    const newcomer = await browser.newContext({ baseURL });
    try {
      const visitor = await newcomer.newPage();
      await visitor.goto(new URL(link).pathname);
      await expect(visitor.getByTestId("invitation-summary")).toContainText(`${email} to join Lovelace Studio as an admin`);
      await expect(visitor.getByLabel("Email")).toHaveValue(email);
      await expectNoViolations(visitor);
      // Every mistake is said on the submit that made it: the password that repeats the invited
      // email with the missing name, not on the next submit once the name is given.
      await visitor.getByLabel("Password").fill(email.toUpperCase());
      await visitor.getByRole("button", { name: "Create account and join" }).click();
      await expect(visitor.locator("#name-error")).toHaveText("Your name is required.");
      await expect(visitor.locator("#password-error")).toHaveText("Password must not be your email address.");
      // A password bcrypt would cut short is refused in words a person can act on.
      await visitor.getByLabel("Your name").fill("Katherine Johnson");
      await visitor.getByLabel("Password").fill("🚀".repeat(30));
      await visitor.getByRole("button", { name: "Create account and join" }).click();
      await expect(visitor.locator("#password-error")).toHaveText("Password must be at most 72 bytes — about 72 letters, fewer with accents or emoji.");
      await expect(visitor.locator("#name-error")).toHaveCount(0);
      await visitor.getByLabel("Password").fill("orbital-mechanics-1962");
      await visitor.getByRole("button", { name: "Create account and join" }).click();
      await visitor.waitForURL(/\/w\/lovelace-studio\/time/);

      // Used once: the same link now says so.
      await newcomer.clearCookies();
      await visitor.goto(new URL(link).pathname);
      await expect(visitor.getByTestId("invitation-refused")).toContainText("already been used");
    } finally {
      await newcomer.close();
    }

    await page.reload();
    await expect(page.getByTestId("member-row").filter({ hasText: email })).toContainText("Katherine Johnson");

    // A withdrawn invitation's link is not left on offer in the banner.
    const withdrawn = `withdrawn-${run}@example.com`;
    await page.getByLabel("Email").fill(withdrawn);
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    await expect(page.getByTestId("invite-created")).toBeVisible();
    await page.getByRole("button", { name: `Withdraw the invitation for ${withdrawn}` }).click();
    await expect(page.getByTestId("invitation-row").filter({ hasText: withdrawn })).toHaveCount(0);
    await expect(page.getByTestId("invite-created")).toHaveCount(0);
    await expect(page.getByTestId("invite-gone")).toContainText("no longer pending");
    await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toHaveCount(0);
    await page.goto("/w/lovelace-studio/settings/audit-log?what=members");
    await expect(page.getByTestId("audit-event").filter({ hasText: "Invitation accepted" }).first()).toContainText(email);
    await expect(page.getByLabel("What")).toHaveValue("members");
    await expect(page.getByLabel("What").locator("option", { hasText: "All: AI assistant actions" })).toHaveCount(1);
    await expectNoViolations(page);
    const csv = await page.request.get(await page.getByTestId("audit-export").getAttribute("href") ?? "");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8; header=present");
    expect(csv.headers()["content-disposition"]).toContain("audit-log-lovelace-studio.csv");
    // A download starts with UTF-8's byte order mark (for spreadsheets), then the header.
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = body.subarray(3).toString("utf8").split("\r\n");
    expect(rows[0]).toBe("Date,Time,Time zone,Who,What,App,Detail,Event type");
    expect(rows.find((r) => r.includes("Invitation accepted"))).toContain(email);
  });

  test("a replaced invitation's link says a newer one replaced it; a withdrawn one's says it was withdrawn", async () => {
    /** Invites `to` and reads the link shown (waiting until it is not `previous`, the link shown before). */
    const invite = async (to: string, previous?: string) => {
      await page.getByLabel("Email").fill(to);
      await page.getByRole("button", { name: "Invite", exact: true }).click();
      await expect(page.getByTestId("invite-link")).toContainText("/invite/hbi_");
      if (previous) await expect(page.getByTestId("invite-link")).not.toContainText(previous);
      return new URL((await page.getByTestId("invite-link").textContent()) ?? "").pathname;
    };
    await page.goto("/w/lovelace-studio/settings/members");
    const withdrawn = `withdrawn-again-${run}@example.com`;
    const withdrawnLink = await invite(withdrawn);
    await page.getByRole("button", { name: `Withdraw the invitation for ${withdrawn}` }).click();
    await expect(page.getByTestId("invitation-row").filter({ hasText: withdrawn })).toHaveCount(0);

    const twice = `twice-${run}@example.com`;
    const firstLink = await invite(twice);
    await invite(twice, firstLink);
    await expect(page.getByTestId("invitation-row").filter({ hasText: twice })).toHaveCount(1);

    await page.goto(firstLink);
    await expect(page.getByTestId("invitation-refused")).toHaveText(
      "This invitation was replaced by a newer one sent to the same email. Open the link in the newest invitation email instead.",
    );
    await page.goto(withdrawnLink);
    await expect(page.getByTestId("invitation-refused")).toContainText("This invitation was withdrawn.");
  });

  test("a new person signs up with a workspace of their own, then resets their password through the outbox", async ({ browser, baseURL }) => {
    test.setTimeout(90_000); // sign-up, opening the workspace to apps, a connection, then the reset: many pages on a busy machine
    const visitorContext = await browser.newContext({ baseURL });
    try {
      const visitor = await visitorContext.newPage();
      const email = `mary-${run}@example.com`;
      await visitor.goto("/login");
      await visitor.getByRole("link", { name: "Create an account and workspace" }).click();
      await expectNoViolations(visitor);
      await visitor.getByLabel("Your name").fill("Mary Jackson");
      await visitor.getByLabel("Email").fill(email);
      await visitor.getByLabel("Password").fill("wind-tunnel-1958");
      await visitor.getByLabel("Workspace name").fill(`Jackson Engineering ${run}`);
      await visitor.getByRole("button", { name: "Create account and workspace" }).click();
      await visitor.waitForURL(new RegExp(`/w/jackson-engineering-${run}/time`));
      // An assistant connected before the reset (a new workspace is on the free plan, closed to apps: open it first).
      const settings = `/w/jackson-engineering-${run}/settings`;
      await visitor.goto(`${settings}/billing`);
      await visitor.getByLabel("Plan", { exact: true }).selectOption({ label: "Pro" });
      await visitor.getByRole("button", { name: "Save billing" }).click();
      await expect(visitor.getByTestId("billing-message")).toBeVisible();
      await visitor.goto(`${settings}/integrations`);
      await visitor.getByLabel("Allow API and AI assistant access").check();
      await visitor.getByRole("button", { name: "Save policy" }).click();
      await expect(visitor.getByTestId("policy-message")).toContainText("Policy saved");
      const appUrl = String(baseURL);
      const app = "Team E2E Assistant";
      const tokens = await connectInBrowser(visitor, { appUrl, clientId: await registerApp(appUrl, app), clientName: app, workspace: `Jackson Engineering ${run}` });
      expect((await mcp(appUrl, tokens.access_token, "tools/list")).status).toBe(200);

      // The reset happens in another, signed-out browser; this one stays signed in until then.
      const resetter = await browser.newContext({ baseURL });
      const other = await resetter.newPage();
      await other.goto("/login");
      await other.getByRole("link", { name: "Forgot password?" }).click();
      await other.getByLabel("Email").fill(email);
      await other.getByRole("button", { name: "Send reset link" }).click();
      await expect(other.getByTestId("forgot-password-message")).toContainText("If an account exists for that email");

      const reset = outboxLink(email, "/reset-password/");
      await other.goto(reset);
      await expectNoViolations(other);
      // Both mistakes on one submit, in our words (a confirmation over 200 characters once got zod's).
      await other.getByLabel("New password", { exact: true }).fill(email);
      await other.getByLabel("New password again").fill("x".repeat(201));
      await other.getByRole("button", { name: "Set new password" }).click();
      await expect(other.locator("#password-error")).toContainText("must not be your email address");
      await expect(other.locator("#confirm-error")).toContainText("does not match the new password");
      await other.getByLabel("New password", { exact: true }).fill("supersonic-flows-1979");
      await other.getByLabel("New password again").fill("supersonic-flows-1979");
      await expect(other.getByLabel("Also disconnect every app and assistant (API and MCP connections)")).toBeChecked();
      await other.getByRole("button", { name: "Set new password" }).click();
      await expect(other.getByTestId("reset-done")).toContainText("Your password was changed, and every app and assistant was disconnected (1 connection).");
      expect((await mcp(appUrl, tokens.access_token, "tools/list")).status).toBe(401);
      await other.goto(reset);
      await expect(other.getByTestId("reset-refused")).toContainText("already been used");
      await resetter.close();

      // Every session signed in before the reset has ended: a download link says so as a page does.
      const download = await visitor.request.get(`/w/jackson-engineering-${run}/time/export.csv`, { maxRedirects: 0 });
      expect(download.status()).toBe(303);
      expect(download.headers().location).toMatch(/\/login\?callbackUrl=%2Fw%2Fjackson-engineering-[^&]+%2Ftime%2Fexport\.csv&notice=session-ended$/);
      await visitor.goto(`/w/jackson-engineering-${run}/time`);
      await expect(visitor).toHaveURL(/\/login\?.*notice=session-ended/);
      await expect(visitor.getByTestId("session-ended")).toContainText("Your password was changed");
      await signIn(visitor, email, "supersonic-flows-1979");
      await expect(visitor).toHaveURL(new RegExp(`/w/jackson-engineering-${run}/`));
    } finally {
      await visitorContext.close();
    }
  });
});
