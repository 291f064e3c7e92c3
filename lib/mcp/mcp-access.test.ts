import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { callToolOver, listToolNames, mcpRequest } from "@/lib/testing/mcp-call";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { loadDemoData } from "@/lib/testing/demo-data";

let adaId: string;
let graceId: string;
let lovelaceId: string;
let clientId: string;

beforeAll(async () => {
  const demo = await loadDemoData();
  adaId = demo.ada.id;
  graceId = demo.grace.id;
  lovelaceId = demo.lovelace.id;
  clientId = await createTestClient();
});

beforeEach(async () => {
  await db.workspace.update({ where: { id: lovelaceId }, data: { plan: "pro", publicApiAccess: true, billingState: "active", integrationClientPolicy: "any", integrationMaxAccess: "admin" } });
  await db.membership.updateMany({ where: { workspaceId: lovelaceId }, data: { status: "active" } });
  await db.user.updateMany({ data: { status: "active" } });
});

const adaTokens = (scope = "hourbook:read hourbook:write profile:read") => tokensFor({ clientId, userId: adaId, workspaceId: lovelaceId, scope });
const RESOURCE_METADATA = 'resource_metadata="http://localhost:3000/.well-known/oauth-protected-resource/mcp"';

describe("authentication on every request", () => {
  it("answers a request without a token with 401 and where to discover authorization", async () => {
    const res = await mcpRequest(null, "tools/list");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain(RESOURCE_METADATA);
    expect(res.headers.get("www-authenticate")).toContain('scope="hourbook:read hourbook:write"');
  });

  it("ignores a token in the query string", async () => {
    const { access_token } = await adaTokens();
    const { POST } = await import("@/app/mcp/route");
    const res = await POST(new Request(`http://localhost:3000/mcp?access_token=${access_token}`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }) }));
    expect(res.status).toBe(401);
  });

  it("refuses a token issued for the REST API", async () => {
    const { access_token } = await tokensFor({ clientId, userId: adaId, workspaceId: lovelaceId, scope: "hourbook:read", resource: "api" });
    const res = await mcpRequest(access_token, "tools/list");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("refuses a forged token", async () => {
    const { access_token } = await adaTokens();
    const [h, p] = access_token.split(".");
    const res = await mcpRequest(`${h}.${p}.AAAA`, "tools/list");
    expect(res.status).toBe(401);
  });

  it("refuses the next request after the grant is revoked", async () => {
    const { access_token } = await adaTokens();
    expect((await mcpRequest(access_token, "tools/list")).status).toBe(200);
    await db.oAuthGrant.updateMany({ where: { userId: adaId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: "user_revoked" } });
    const res = await mcpRequest(access_token, "tools/list");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain(RESOURCE_METADATA);
  });

  it("refuses a disabled user with 401", async () => {
    const { access_token } = await adaTokens();
    await db.user.update({ where: { id: adaId }, data: { status: "disabled" } });
    expect((await mcpRequest(access_token, "tools/list")).status).toBe(401);
  });
});

describe("live workspace checks", () => {
  it.each([
    ["an inactive membership", () => db.membership.updateMany({ where: { workspaceId: lovelaceId, userId: adaId }, data: { status: "inactive" } }), /membership in this workspace is inactive/],
    ["a downgrade to the free plan", () => db.workspace.update({ where: { id: lovelaceId }, data: { plan: "free" } }), /plan does not include/],
    ["public API access turned off", () => db.workspace.update({ where: { id: lovelaceId }, data: { publicApiAccess: false } }), /turned off/],
    ["a canceled subscription", () => db.workspace.update({ where: { id: lovelaceId }, data: { billingState: "canceled" } }), /canceled/],
    ["a developer-apps-only policy", () => db.workspace.update({ where: { id: lovelaceId }, data: { integrationClientPolicy: "developer_apps" } }), /policy does not allow/],
  ])("refuses %s with 403 and the reason", async (_, change, reason) => {
    const { access_token } = await adaTokens();
    await change();
    const res = await mcpRequest(access_token, "tools/list");
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toMatch(reason);
  });

  it("lets reads through and refuses writes while billing is past due", async () => {
    const { access_token } = await adaTokens();
    await db.workspace.update({ where: { id: lovelaceId }, data: { billingState: "past_due" } });
    const names = await listToolNames(access_token);
    expect(names).toContain("list_clients");
    expect(names).not.toContain("create_client");
    const write = await callToolOver(access_token, "create_client", { name: "Past Due Ltd" });
    expect(write.tool?.isError).toBe(true);
    expect(write.tool?.content[0]?.text).toMatch(/past due/);
    expect(await db.client.count({ where: { name: "Past Due Ltd" } })).toBe(0);
  });

  it("applies a lowered access ceiling to existing connections at once", async () => {
    const { access_token } = await adaTokens();
    await db.workspace.update({ where: { id: lovelaceId }, data: { integrationMaxAccess: "read" } });
    expect(await listToolNames(access_token)).not.toContain("create_client");
    const res = await callToolOver(access_token, "create_client", { name: "Ceiling Ltd" });
    expect(res.status).toBe(403);
  });
});

describe("scopes, roles and tool visibility", () => {
  it("answers a tool beyond the grant with 403 insufficient_scope naming the scope", async () => {
    const { access_token } = await adaTokens();
    const res = await callToolOver(access_token, "delete_time_entry", { time_entry_id: "x" });
    expect(res.status).toBe(403);
    const challenge = res.headers.get("www-authenticate") ?? "";
    expect(challenge).toContain('error="insufficient_scope"');
    expect(challenge).toContain("hourbook:admin");
    expect(challenge).toContain(RESOURCE_METADATA);
  });

  it("lists only what the connection may call: a member does not see sending invoices", async () => {
    const { access_token } = await tokensFor({ clientId, userId: graceId, workspaceId: lovelaceId, scope: "hourbook:read hourbook:write profile:read" });
    const names = await listToolNames(access_token);
    expect(names).toContain("get_profile");
    expect(names).not.toContain("send_invoice");
    expect(names).not.toContain("create_client");
    const res = await callToolOver(access_token, "send_invoice", { invoice_id: "x" });
    expect(res.tool?.isError).toBe(true);
    expect(res.tool?.content[0]?.text).toMatch(/role in this workspace \(member\)/);
  });

  it("reflects a role change on the next request", async () => {
    const { access_token } = await tokensFor({ clientId, userId: graceId, workspaceId: lovelaceId, scope: "hourbook:read hourbook:write" });
    await db.membership.updateMany({ where: { workspaceId: lovelaceId, userId: graceId }, data: { role: "admin" } });
    try {
      expect(await listToolNames(access_token)).toContain("send_invoice");
    } finally {
      await db.membership.updateMany({ where: { workspaceId: lovelaceId, userId: graceId }, data: { role: "member" } });
    }
    expect(await listToolNames(access_token)).not.toContain("send_invoice");
  });

  it("answers an unknown tool with a JSON-RPC error", async () => {
    const { access_token } = await adaTokens();
    const res = await callToolOver(access_token, "launch_rockets");
    expect(res.body.error?.message).toMatch(/Unknown tool/);
  });

  it("returns invalid arguments as a tool error and changes nothing", async () => {
    const { access_token } = await adaTokens();
    const res = await callToolOver(access_token, "create_client", { name: "", surprise: 1 });
    expect(res.tool?.isError).toBe(true);
    expect(res.tool?.content[0]?.text).toMatch(/Invalid arguments for create_client/);
  });
});

describe("transport guards", () => {
  it("refuses a foreign Origin (DNS rebinding defence) without CORS headers", async () => {
    const { access_token } = await adaTokens();
    const refused = await mcpRequest(access_token, "tools/list", {}, { origin: "https://evil.example" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    const allowed = await mcpRequest(access_token, "tools/list", {}, { origin: "http://localhost:6274" });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:6274");
    expect(allowed.headers.get("vary")).toContain("Origin");
  });

  // The preflight gives the answer the request would get (it used to allow every origin with *).
  it.each<[string, number, string | null]>([
    ["https://evil.example", 403, null],
    ["null", 403, null],
    ["http://localhost:6274", 204, "http://localhost:6274"],
    ["http://127.0.0.1:40001", 204, "http://127.0.0.1:40001"],
    ["http://localhost:3000", 204, "http://localhost:3000"],
  ])("answers a preflight from %s with %i", async (origin, status, allowOrigin) => {
    const { OPTIONS } = await import("@/app/mcp/route");
    const res = OPTIONS(new Request("http://localhost:3000/mcp", { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" } }));
    expect(res.status).toBe(status);
    expect(res.headers.get("access-control-allow-origin")).toBe(allowOrigin);
    expect(res.headers.get("vary")).toContain("Origin");
    if (allowOrigin) expect(res.headers.get("access-control-allow-headers")).toContain("Authorization");
  });

  it("serves a request without Origin, which is no browser's, without CORS headers", async () => {
    const res = await mcpRequest(null, "tools/list");
    expect(res.status).toBe(401);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses an oversized body", async () => {
    const { access_token } = await adaTokens();
    const res = await callToolOver(access_token, "create_client", { name: "x", address: "y".repeat(300_000) });
    expect(res.status).toBe(413);
  });

  it("serves initialize with the server's instructions", async () => {
    const { access_token } = await adaTokens();
    const res = await mcpRequest(access_token, "initialize", { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "test", version: "1" } });
    expect(res.status).toBe(200);
    expect(res.body.result?.serverInfo).toMatchObject({ name: "hourbook" });
    expect(String(res.body.result?.instructions)).toContain("Lovelace Studio");
  });
});
