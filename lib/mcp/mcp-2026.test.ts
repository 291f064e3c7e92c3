/**
 * /mcp speaking MCP 2026-07-28 (stateless: per-request `_meta`, standard request headers,
 * `server/discover`, `resultType`, cache hints) next to the 2025 era, through the route handler
 * with hand-made requests. The 2025-era answers are covered by mcp-access.test.ts and the others.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { env } from "@/lib/env";
import { loadDemoData, type DemoData } from "@/lib/testing/demo-data";
import { mcpPost, mcpRequest, modernHeaders, modernMeta, modernRequest } from "@/lib/testing/mcp-call";

let token: string;
let memberToken: string;
let demo: DemoData;

beforeAll(async () => {
  demo = await loadDemoData();
  const clientId = await createTestClient();
  token = (await tokensFor({ clientId, userId: demo.ada.id, workspaceId: demo.lovelace.id, scope: "hourbook:read hourbook:write profile:read" })).access_token;
  memberToken = (await tokensFor({ clientId, userId: demo.grace.id, workspaceId: demo.lovelace.id, scope: "hourbook:read hourbook:write" })).access_token;
});

const SERVER_INFO = "io.modelcontextprotocol/serverInfo";
const request = (id: number, method: string, params: Record<string, unknown> = {}, meta: Record<string, unknown> | null = modernMeta()) => ({
  jsonrpc: "2.0",
  id,
  method,
  params: meta ? { ...params, _meta: meta } : params,
});

describe("serving 2026-07-28", () => {
  it("answers server/discover with the versions, capabilities, server info and instructions naming the workspace, cacheable privately", async () => {
    const res = await modernRequest(token, "server/discover");
    expect(res.status).toBe(200);
    const result = res.body.result ?? {};
    expect(result).toMatchObject({ resultType: "complete", supportedVersions: ["2026-07-28"], capabilities: { tools: {} }, cacheScope: "private" });
    expect(result.ttlMs).toBeGreaterThanOrEqual(0);
    expect((result._meta as Record<string, unknown>)[SERVER_INFO]).toMatchObject({ name: "hourbook" });
    expect(String(result.instructions)).toContain("Lovelace Studio");
  });

  it("lists the tools this grant, role and billing state allow, marked private to this authorization", async () => {
    const owner = await modernRequest(token, "tools/list");
    expect(owner.status).toBe(200);
    expect(owner.body.result).toMatchObject({ resultType: "complete", cacheScope: "private" });
    expect((owner.body.result?._meta as Record<string, unknown>)[SERVER_INFO]).toMatchObject({ name: "hourbook" });
    const names = (list: typeof owner) => (list.body.result?.tools as { name: string }[]).map((t) => t.name);
    expect(names(owner)).toContain("send_invoice");
    expect(names(await modernRequest(memberToken, "tools/list"))).not.toContain("send_invoice");
  });

  it("calls a tool and marks the result complete, with the server's identity", async () => {
    const res = await modernRequest(token, "tools/call", { name: "get_profile", arguments: {} });
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({ resultType: "complete", structuredContent: { role: "owner" } });
    expect((res.body.result?._meta as Record<string, unknown>)[SERVER_INFO]).toMatchObject({ name: "hourbook" });
  });

  it("answers a tool beyond the grant with the same 403 insufficient_scope step-up as in 2025", async () => {
    const res = await modernRequest(token, "tools/call", { name: "delete_time_entry", arguments: { time_entry_id: "x" } });
    expect(res.status).toBe(403);
    expect(res.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect(res.body.error?.code).toBe(-31403);
  });

  it("keeps a 2025-era request on the 2025 answers: no resultType, no cache hints", async () => {
    const res = await mcpRequest(token, "tools/list");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.body.result).not.toHaveProperty("resultType");
    expect(res.body.result).not.toHaveProperty("cacheScope");
  });
});

describe("refusing a malformed 2026-07-28 request", () => {
  it.each<[string, unknown, Record<string, string>, number, number]>([
    ["an Mcp-Name that contradicts the body", request(1, "tools/call", { name: "get_profile", arguments: {} }), modernHeaders("tools/call", "list_clients"), 400, -32020],
    ["an Mcp-Method that contradicts the body", request(2, "tools/list"), modernHeaders("tools/call", "get_profile"), 400, -32020],
    ["a missing Mcp-Method", request(3, "tools/list"), { "mcp-protocol-version": "2026-07-28" }, 400, -32020],
    ["a missing Mcp-Name on tools/call", request(4, "tools/call", { name: "get_profile", arguments: {} }), modernHeaders("tools/call"), 400, -32020],
    ["an MCP-Protocol-Version header that contradicts _meta", request(5, "tools/list"), { ...modernHeaders("tools/list"), "mcp-protocol-version": "2025-11-25" }, 400, -32020],
    [
      "an unsupported protocol version",
      request(6, "tools/list", {}, { ...modernMeta(), "io.modelcontextprotocol/protocolVersion": "2099-01-01" }),
      { ...modernHeaders("tools/list"), "mcp-protocol-version": "2099-01-01" },
      400,
      -32022,
    ],
    ["_meta without clientCapabilities", request(7, "tools/list", {}, { "io.modelcontextprotocol/protocolVersion": "2026-07-28" }), modernHeaders("tools/list"), 400, -32602],
    ["the 2026 header without any _meta", request(8, "tools/list", {}, null), modernHeaders("tools/list"), 400, -32602],
    ["an unknown method", request(9, "hourbook/unknown"), modernHeaders("hourbook/unknown"), 404, -32601],
    ["initialize, which 2026-07-28 does not have", request(10, "initialize"), modernHeaders("initialize"), 404, -32601],
    ["two messages in one POST", [request(11, "tools/list"), request(12, "tools/list")], modernHeaders("tools/list"), 400, -32600],
    ["an empty batch", [], modernHeaders("tools/list"), 400, -32600],
    ["tools/call without a name", request(13, "tools/call", { arguments: {} }), modernHeaders("tools/call"), 200, -32602],
    ["tools/call with array arguments", request(14, "tools/call", { name: "get_profile", arguments: [] }), modernHeaders("tools/call", "get_profile"), 200, -32602],
  ])("refuses %s", async (_, body, headers, status, code) => {
    const res = await mcpPost(token, body, headers);
    expect(res.status).toBe(status);
    expect(res.body.error?.code).toBe(code);
    // No validator dumps: one readable sentence.
    expect(res.body.error?.message).not.toMatch(/\n|"code":/);
  });

  it("names the supported versions when refusing one", async () => {
    const meta = { ...modernMeta(), "io.modelcontextprotocol/protocolVersion": "2099-01-01" };
    const res = await mcpPost(token, request(20, "tools/list", {}, meta), { ...modernHeaders("tools/list"), "mcp-protocol-version": "2099-01-01" });
    expect(res.body.error).toMatchObject({ code: -32022, data: { supported: ["2026-07-28"], requested: "2099-01-01" } });
  });

  it("executes nothing when the headers contradict the body", async () => {
    const res = await mcpPost(token, request(21, "tools/call", { name: "create_client", arguments: { name: "Header Mismatch Ltd" } }), modernHeaders("tools/call", "list_clients"));
    expect(res.status).toBe(400);
    const list = await modernRequest(token, "tools/call", { name: "list_clients", arguments: {} });
    expect(JSON.stringify(list.body.result)).not.toContain("Header Mismatch Ltd");
  });
});

describe("a 2025-03-26 batch", () => {
  it("counts every message against the connection's rate limit, so a batch cannot get around it", async () => {
    const own = (await tokensFor({ clientId: await createTestClient({ kind: "dynamic" }), userId: demo.ada.id, workspaceId: demo.lovelace.id, scope: "hourbook:read" })).access_token;
    const pings = (count: number) => Array.from({ length: count }, (_, i) => ({ jsonrpc: "2.0", id: i + 1, method: "ping" }));
    const within = await mcpPost(own, pings(10), { "mcp-protocol-version": "2025-03-26" });
    expect(within.status).toBe(200);
    const beyond = await mcpPost(own, pings(env.HOURBOOK_CONNECTION_RATE_LIMIT), { "mcp-protocol-version": "2025-03-26" });
    expect(beyond.status).toBe(429);
    expect(beyond.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("JSON-RPC errors in both eras", () => {
  it.each<[string, unknown]>([
    ["an object without jsonrpc", { id: 1, method: "tools/list" }],
    ["jsonrpc 1.0", { jsonrpc: "1.0", id: 1, method: "tools/list" }],
    ["a numeric method", { jsonrpc: "2.0", id: 1, method: 5 }],
    ["a number", 5],
    ["a string", '"tools/list"'],
    ["null", null],
    ["an empty batch", []],
  ])("answers %s with 400 -32600 Invalid Request", async (_, body) => {
    const res = await mcpPost(token, body, { "mcp-protocol-version": "2025-11-25" });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe(-32600);
  });

  it.each<[string, Record<string, unknown>]>([
    ["without a name", { arguments: {} }],
    ["with array arguments", { name: "get_profile", arguments: [] }],
  ])("answers a 2025-era tools/call %s with -32602 Invalid params", async (_, params) => {
    const res = await mcpRequest(token, "tools/call", params);
    expect(res.body.error?.code).toBe(-32602);
    expect(res.body.error?.message).toMatch(/^Invalid tools\/call params: [^\n]+\.$/);
  });
});

describe("the HTTP layer in front of the SDK", () => {
  it.each<[string, () => Promise<{ status: number; body: { error?: { code: number } } }>, number]>([
    ["no token", () => modernRequest(null, "tools/list"), 401],
    ["a refused Origin", () => mcpPost(token, request(30, "tools/list"), { ...modernHeaders("tools/list"), origin: "https://evil.example" }), 403],
    ["a body that is not JSON", () => mcpPost(token, "{", modernHeaders("tools/list")), 400],
    ["a body that is not labelled JSON", () => mcpPost(token, request(31, "tools/list"), { ...modernHeaders("tools/list"), "content-type": "text/plain" }), 415],
  ])("answers %s with %i and a code outside the legacy -32000…-32019 range", async (_, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    const code = res.body.error?.code ?? 0;
    expect(code < -32019 || code > -32000).toBe(true);
    expect(code >= -32099 && code <= -32020).toBe(false);
  });

  it("answers GET with 405 and a code outside the legacy range", async () => {
    const { GET } = await import("@/app/mcp/route");
    const res = await GET(new Request("http://localhost:3000/mcp", { headers: { authorization: `Bearer ${token}` } }));
    expect(res.status).toBe(405);
    expect((await res.json()).error.code).toBe(-31405);
  });

  it("lets a browser send the standard request headers (CORS preflight)", async () => {
    const { OPTIONS } = await import("@/app/mcp/route");
    const res = OPTIONS(new Request("http://localhost:3000/mcp", { method: "OPTIONS", headers: { origin: "http://localhost:6274", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type, mcp-protocol-version, mcp-method, mcp-name" } }));
    expect(res.status).toBe(204);
    const allowed = (res.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    for (const header of ["authorization", "content-type", "mcp-protocol-version", "mcp-method", "mcp-name"]) expect(allowed).toContain(header);
  });
});
