/**
 * The benchmark's bare MCP route, POST /bench/mcp: the SDK's `createMcpHandler` serving
 * Hourbook's full tool list, with no Origin check, no bearer token, no rate limit and no database.
 * `npm run bench` measures it beside /mcp as the protocol's own cost, so the gap between the two is
 * what Hourbook adds. It answers tools/list with the listing /mcp gives a connection that may use
 * every tool, and every tools/call with one fixed text result, running nothing. The SDK is wired
 * as in handle-mcp-request.ts: 2025-era messages (what the benchmark sends) through a stateless
 * transport answering JSON, 2026-07-28 ones through createMcpHandler.
 *
 * It exists only in a server started with HOURBOOK_BENCH_ROUTES=1 (the benchmark sets it); in
 * any other server every method on the path is a 404, as for a path that was never there.
 */
import { createMcpHandler, isLegacyRequest, Server, WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/server";
import { env } from "@/lib/env";
import { SERVER_NAME, SERVER_VERSION } from "../server-info";
import { TOOL_CATALOG } from "../tool-catalog";
import { toolListing } from "../tool-schemas";

/** What every tools/call on the bare route answers. */
export const BARE_TOOL_RESULT = { content: [{ type: "text" as const, text: "ok" }] };

function createBareServer(): Server {
  const server = new Server({ name: `${SERVER_NAME}-bare`, version: SERVER_VERSION }, { capabilities: { tools: { listChanged: false } } });
  server.setRequestHandler("tools/list", async () => ({ tools: TOOL_CATALOG.map(toolListing) }));
  server.setRequestHandler("tools/call", async () => BARE_TOOL_RESULT);
  return server;
}

/** The route's handler: the bare MCP server when `enabled`, else 404 for every request. */
export function createBareMcpRoute(enabled: boolean): (request: Request) => Promise<Response> {
  if (!enabled) return async () => new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const modern = createMcpHandler(() => createBareServer(), { legacy: "reject" });
  return async (request) => {
    if (request.method !== "POST") return modern.fetch(request);
    let message: unknown;
    try {
      message = JSON.parse(await request.text());
    } catch {
      return Response.json({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } }, { status: 400 });
    }
    if (!(await isLegacyRequest(request, message))) return modern.fetch(request, { parsedBody: message });
    const server = createBareServer();
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(request, { parsedBody: message });
    } finally {
      void transport.close();
      void server.close();
    }
  };
}

export const handleBareMcpRequest = createBareMcpRoute(env.HOURBOOK_BENCH_ROUTES === "1");
