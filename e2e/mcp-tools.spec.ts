/**
 * The MCP server as an AI client sees it: a real OAuth flow in the browser, then the MCP
 * SDK's Client over Streamable HTTP. A read-only and a read-write grant list different tools;
 * tools answer, bad arguments come back as tool errors; a consequential tool needs its
 * confirmation token, once, for exactly the confirmed arguments; an idempotency key makes
 * parallel duplicates create one record. (Every tool's own happy path and bad inputs, and
 * confirmation expiry on an injected clock, are in lib/mcp/*.test.ts; each access outcome on
 * the next request is in access-outcomes.spec.ts.)
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test, type Page } from "@playwright/test";
import { decideInBrowser } from "./support/approve-in-browser";
import {connectInBrowser, registerApp } from "./support/connect-in-browser";
import { signIn } from "./sign-in";

test.describe.configure({ mode: "serial" });

let appUrl: string;
let page: Page;
let reader: Client;
let writer: Client;

async function sdkClient(token: string): Promise<Client> {
  const client = new Client({ name: "hourbook-e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${appUrl}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return client;
}

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };
const call = async (client: Client, name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as ToolResult;
const text = (result: ToolResult) => result.content.map((c) => c.text ?? "").join("\n");

test.beforeAll(async ({ browser, baseURL }) => {
  appUrl = String(baseURL);
  page = await (await browser.newContext({ baseURL: appUrl })).newPage();
  await signIn(page, "ada@example.com");
  // Two apps, so the second authorization does not replace the first one's grant.
  const readerId = await registerApp(appUrl, "MCP E2E Reader");
  const writerId = await registerApp(appUrl, "MCP E2E Writer");
  const readOnly = await connectInBrowser(page, { appUrl, clientId: readerId, clientName: "MCP E2E Reader", workspace: "Lovelace Studio", scope: "hourbook:read profile:read" });
  const readWrite = await connectInBrowser(page, { appUrl, clientId: writerId, clientName: "MCP E2E Writer", workspace: "Lovelace Studio", scope: "hourbook:read hourbook:write profile:read" });
  reader = await sdkClient(readOnly.access_token);
  writer = await sdkClient(readWrite.access_token);
});

test.afterAll(async () => {
  await reader?.close();
  await writer?.close();
  await page?.context().close();
});

test("the server introduces itself and the workspace binding", async () => {
  expect(writer.getServerVersion()).toMatchObject({ name: "hourbook" });
  expect(writer.getInstructions()).toContain("Lovelace Studio");
  expect(writer.getInstructions()).toContain("confirmation_token");
});

test("tools/list differs for a read-only and a read-write grant", async () => {
  const readable = (await reader.listTools()).tools.map((t) => t.name);
  const writable = (await writer.listTools()).tools.map((t) => t.name);
  expect(readable).toEqual(expect.arrayContaining(["get_profile", "list_time_entries", "find_billable_candidates", "get_billing_hub_summary"]));
  expect(readable).not.toContain("create_time_entry");
  expect(readable).not.toContain("send_invoice");
  expect(writable).toEqual(expect.arrayContaining([...readable, "create_time_entry", "create_invoice_draft", "send_invoice", "record_invoice_payment"]));
  // Administrative tools need hourbook:admin, which neither grant has.
  expect(writable).not.toContain("void_invoice");
  expect(writable).not.toContain("delete_time_entry");
  for (const tool of (await writer.listTools()).tools) {
    expect(tool.annotations?.openWorldHint).toBe(false);
    expect(tool.inputSchema.type).toBe("object");
  }
});

test("reads answer with structured content and a text rendering", async () => {
  const profile = await call(reader, "get_profile");
  expect(profile.isError).toBeFalsy();
  expect(profile.structuredContent).toMatchObject({ email: "ada@example.com", role: "owner", workspace: { name: "Lovelace Studio" } });
  const clients = await call(reader, "list_clients");
  expect(text(clients)).toContain("Babbage & Co");
  const entries = await call(reader, "list_time_entries", { limit: 5 });
  expect((entries.structuredContent?.entries as unknown[]).length).toBe(5);
});

test("bad arguments come back as a tool error a model can act on, and change nothing", async () => {
  const projects = (await call(writer, "list_projects")).structuredContent?.projects as Array<{ id: string; name: string }>;
  const docs = projects.find((p) => p.name === "Difference Engine Docs");
  const before = (await call(writer, "list_time_entries", { project_id: docs?.id, limit: 100 })).structuredContent?.entries as unknown[];
  const refused = await call(writer, "create_time_entry", { project_id: docs?.id, started_at: "yesterday", duration_seconds: 0 });
  expect(refused.isError).toBe(true);
  expect(text(refused)).toMatch(/Invalid arguments for create_time_entry/);
  const after = (await call(writer, "list_time_entries", { project_id: docs?.id, limit: 100 })).structuredContent?.entries as unknown[];
  expect(after.length).toBe(before.length);
  // A tool outside the grant is refused at the HTTP layer (403 insufficient_scope), which the SDK reports as an error.
  await expect(reader.callTool({ name: "create_client", arguments: { name: "Never" } })).rejects.toThrow();
});

test("a consequential tool: summary and token first, performed once with the token, never with other arguments", async () => {
  const invoices = (await call(writer, "list_invoices", { status: "sent" })).structuredContent?.invoices as Array<{ id: string; label: string; balance_due: number }>;
  const invoice = invoices.find((i) => i.balance_due > 200);
  expect(invoice, "a sent invoice with a balance").toBeTruthy();
  const args = { invoice_id: invoice!.id, amount: 100, reference: "E2E partial" };

  const first = await call(writer, "record_invoice_payment", args);
  expect(first.structuredContent).toMatchObject({ status: "confirmation_required", summary: expect.stringContaining(`Record a payment of €1.00 on ${invoice!.label}`) });
  const token = String(first.structuredContent?.confirmation_token);
  const unchanged = (await call(writer, "get_invoice", { invoice_id: invoice!.id })).structuredContent?.invoice as { balance_due: number };
  expect(unchanged.balance_due).toBe(invoice!.balance_due);

  const mismatched = await call(writer, "record_invoice_payment", { ...args, amount: 200, confirmation_token: token });
  expect(mismatched.isError).toBe(true);
  expect(text(mismatched)).toMatch(/arguments differ/);

  // Lovelace Studio has Ada approve payments in Hourbook (the default policy): she does, in the browser.
  await decideInBrowser(page, String(first.structuredContent?.approval_url), "Approve");
  const done = await call(writer, "record_invoice_payment", { ...args, confirmation_token: token });
  expect(done.structuredContent).toMatchObject({ status: "done" });
  const reused = await call(writer, "record_invoice_payment", { ...args, confirmation_token: token });
  expect(reused.isError).toBe(true);
  expect(text(reused)).toMatch(/already used/);

  const after = (await call(writer, "get_invoice", { invoice_id: invoice!.id })).structuredContent?.invoice as { balance_due: number; payments: unknown[] };
  expect(after.balance_due).toBe(invoice!.balance_due - 100);
});

test("five parallel calls with one idempotency key create one record and all get its result", async () => {
  const args = { name: `Idempotent Press ${Date.now()}`, idempotency_key: `e2e-${Date.now()}-create-client` };
  const results = await Promise.all(Array.from({ length: 5 }, () => call(writer, "create_client", args)));
  const created = results.filter((r) => !r.isError);
  expect(created.length).toBeGreaterThanOrEqual(1);
  const ids = new Set(created.map((r) => (r.structuredContent?.client as { id: string }).id));
  expect(ids.size).toBe(1);
  // Any that were refused were told the first request was still in progress.
  for (const refused of results.filter((r) => r.isError)) expect(text(refused)).toMatch(/still being processed/);
  const retry = await call(writer, "create_client", args);
  expect((retry.structuredContent?.client as { id: string }).id).toBe([...ids][0]);
  const clients = (await call(writer, "list_clients")).structuredContent?.clients as Array<{ name: string }>;
  expect(clients.filter((c) => c.name === args.name)).toHaveLength(1);
});
