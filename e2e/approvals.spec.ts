/**
 * Approvals in Hourbook, end to end: an MCP client without elicitation (plain JSON-RPC over
 * fetch, with a token from a real OAuth flow) asks to send an invoice and gets an approval
 * link; its retries wait until Ada approves in the browser — on a desktop and at phone width —
 * and then send the invoice once; a denied one sends nothing. Expiry, concurrency and the
 * policy switch are covered in lib/mcp/approval-flow.test.ts.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { decideInBrowser } from "./support/approve-in-browser";
import { connectInBrowser, registerApp } from "./support/connect-in-browser";
import { signIn } from "./sign-in";

test.describe.configure({ mode: "serial" });

const APP_NAME = "Approvals E2E Assistant";
type ToolResult = { isError?: boolean; content: Array<{ text?: string }>; structuredContent?: Record<string, unknown> };

let appUrl: string;
let page: Page;
let token: string;
let nextId = 1;

/** tools/call as a client that does not support elicitation sends it. */
async function call(name: string, args: Record<string, unknown>): Promise<ToolResult> {
  const response = await fetch(`${appUrl}/mcp`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", Accept: "application/json, text/event-stream", "MCP-Protocol-Version": "2025-11-25" },
    body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method: "tools/call", params: { name, arguments: args } }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { result: ToolResult };
  return body.result;
}

async function ok(name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await call(name, args);
  expect(result.isError, result.content[0]?.text).toBeFalsy();
  return result.structuredContent ?? {};
}

const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 24 * 3600 * 1000).toISOString().slice(0, 10);

/** A client of its own with one hour of work and a draft invoice for it, made through the tools. */
async function draftInvoice(): Promise<{ id: string; label: string; clientName: string; email: string }> {
  const suffix = `${Date.now().toString(36)}${nextId}`;
  const [clientName, email] = [`Approvals Client ${suffix}`, `accounts.${suffix}@approvals.example`];
  const { client } = (await ok("create_client", { name: clientName, email })) as { client: { id: string } };
  const { project } = (await ok("create_project", { client_id: client.id, name: "Approved work", hourly_rate: 12_000 })) as { project: { id: string } };
  await ok("create_time_entry", { project_id: project.id, date: isoDay(2), start_time: "10:00", duration_seconds: 3600 });
  const { invoice } = (await ok("create_invoice_draft", { client_id: client.id, from: isoDay(7), to: isoDay(0) })) as { invoice: { id: string; label: string } };
  return { id: invoice.id, label: invoice.label, clientName, email };
}

/** What the outbox holds for the invoice, as its page shows it, and its status. */
async function sentState(invoiceId: string) {
  const { invoice } = (await ok("get_invoice", { invoice_id: invoiceId })) as { invoice: { status: string } };
  await page.goto(`/w/lovelace-studio/invoices/${invoiceId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return { status: invoice.status, messages: await page.getByTestId("outbox-message").count() };
}

/** The first call: nothing done, a summary naming the invoice, amount and address, and an approval link. */
async function askToSend(invoice: { id: string; label: string; clientName: string; email: string }) {
  const first = await ok("send_invoice", { invoice_id: invoice.id });
  expect(first).toMatchObject({ status: "confirmation_required", summary: `Send invoice ${invoice.label}, €120.00, to ${invoice.clientName} <${invoice.email}>` });
  const approvalUrl = String(first.approval_url);
  expect(approvalUrl).toMatch(new RegExp(`^${appUrl}/account/approvals/`));
  return { approvalUrl, confirmationToken: String(first.confirmation_token), summary: String(first.summary) };
}

async function expectNoSeriousViolations(target: Page) {
  const results = await new AxeBuilder({ page: target }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

async function signedInPage(browser: Browser, viewport?: { width: number; height: number }) {
  const context = await browser.newContext({ baseURL: appUrl, ...(viewport ? { viewport } : {}) });
  const signedIn = await context.newPage();
  await signIn(signedIn, "ada@example.com");
  return signedIn;
}

test.beforeAll(async ({ browser, baseURL }) => {
  appUrl = String(baseURL);
  page = await signedInPage(browser);
  const clientId = await registerApp(appUrl, APP_NAME);
  token = (await connectInBrowser(page, { appUrl, clientId, clientName: APP_NAME, workspace: "Lovelace Studio", scope: "hourbook:read hourbook:write" })).access_token;
});

test.afterAll(async () => page?.context().close());

test("the retry waits until Ada approves in the browser, then the invoice is sent once", async () => {
  const invoice = await draftInvoice();
  const { approvalUrl, confirmationToken, summary } = await askToSend(invoice);
  const retry = () => call("send_invoice", { invoice_id: invoice.id, confirmation_token: confirmationToken });

  const waiting = await retry();
  expect(waiting.isError).toBeFalsy();
  expect(waiting.structuredContent).toMatchObject({ status: "approval_pending", approval_url: approvalUrl });
  expect(waiting.content[0]?.text).toMatch(/^Waiting for approval\./);
  expect(await sentState(invoice.id)).toEqual({ status: "draft", messages: 0 });

  // The action waits under Account → Approvals, counted in the navigation, showing app, workspace and effect.
  await page.goto("/account/integrations");
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: /Approvals/ }).getByTestId("nav-badge")).toContainText(/\d+ waiting for you/);
  await page.goto(approvalUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${APP_NAME} asks to go ahead`);
  const card = page.getByTestId("approval");
  await expect(card.getByRole("heading", { name: summary })).toBeVisible();
  await expect(card).toContainText("Lovelace Studio");
  await expect(card).toContainText(APP_NAME);
  await expectNoSeriousViolations(page);

  await decideInBrowser(page, approvalUrl, "Approve");
  expect(await sentState(invoice.id)).toEqual({ status: "draft", messages: 0 }); // approving alone sends nothing

  const done = await retry();
  expect(done.structuredContent).toMatchObject({ status: "done", result: { invoice: { status: "sent" } } });
  const reused = await retry();
  expect(reused.isError).toBe(true);
  expect(reused.content[0]?.text).toMatch(/already used/);
  expect(await sentState(invoice.id)).toEqual({ status: "sent", messages: 1 });
});

test("at phone width, Ada approves from the list of approvals", async ({ browser }) => {
  const phone = await signedInPage(browser, { width: 375, height: 740 });
  try {
    const invoice = await draftInvoice();
    const { confirmationToken, summary } = await askToSend(invoice);
    await phone.goto("/account/approvals");
    await expect(phone.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
    const card = phone.getByTestId("approval").filter({ has: phone.getByRole("heading", { name: summary }) });
    await expect(card).toBeVisible();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoSeriousViolations(phone);
    const approve = card.getByRole("button", { name: "Approve" });
    const box = await approve.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await approve.click();
    await expect(phone.getByTestId("approval").filter({ has: phone.getByRole("heading", { name: summary }) })).toContainText("Approved");

    const done = await call("send_invoice", { invoice_id: invoice.id, confirmation_token: confirmationToken });
    expect(done.structuredContent).toMatchObject({ status: "done" });
    expect(await sentState(invoice.id)).toEqual({ status: "sent", messages: 1 });
  } finally {
    await phone.context().close();
  }
});

test("a denied send is refused and sends nothing", async () => {
  const invoice = await draftInvoice();
  const { approvalUrl, confirmationToken } = await askToSend(invoice);
  await decideInBrowser(page, approvalUrl, "Deny");
  for (let i = 0; i < 2; i++) {
    const refused = await call("send_invoice", { invoice_id: invoice.id, confirmation_token: confirmationToken });
    expect(refused.isError).toBe(true);
    expect(refused.content[0]?.text).toMatch(/The person denied this in Hourbook/);
  }
  expect(await sentState(invoice.id)).toEqual({ status: "draft", messages: 0 });
  // The decision is in the workspace's audit log.
  await page.goto("/w/lovelace-studio/settings/audit-log");
  await expect(page.getByTestId("audit-event").filter({ hasText: "AI assistant's action denied in Hourbook" }).first()).toBeVisible();
});

test("an owner or admin sets which actions wait for approval with the other integration settings", async () => {
  await page.goto("/w/analytical-engines/settings/integrations");
  const sending = page.getByRole("checkbox", { name: "Sending an invoice" });
  await expect(sending).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Deleting a time entry" })).not.toBeChecked();
  await sending.uncheck();
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByTestId("policy-message")).toContainText(
    "Approval in Hourbook: sending an invoice, recording a payment, voiding an invoice → recording a payment, voiding an invoice",
  );
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Sending an invoice" })).not.toBeChecked();
});
