import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/bench/mcp/route";
import { TOOL_CATALOG } from "../tool-catalog";
import { BARE_TOOL_RESULT, createBareMcpRoute } from "./bare-mcp-route";

function mcpPost(method: string, params: unknown = {}): Request {
  return new Request("http://localhost:3000/bench/mcp", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
}

describe("/bench/mcp, the benchmark's bare MCP route", () => {
  it.each([
    ["POST tools/list", () => POST(mcpPost("tools/list"))],
    ["GET", () => GET(new Request("http://localhost:3000/bench/mcp"))],
  ])("answers 404 to %s unless the server was started for the benchmark", async (_name, send) => {
    expect((await send()).status).toBe(404);
  });

  it("lists every tool /mcp can list, with no token and no database, when enabled", async () => {
    const response = await createBareMcpRoute(true)(mcpPost("tools/list"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { tools: Array<{ name: string }> } };
    expect(body.result.tools.map((t) => t.name)).toEqual(TOOL_CATALOG.map((t) => t.name));
  });

  it("answers any tools/call with the fixed result, running nothing, when enabled", async () => {
    const response = await createBareMcpRoute(true)(mcpPost("tools/call", { name: "list_time_entries", arguments: { limit: 50 } }));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { result: unknown }).result).toEqual(BARE_TOOL_RESULT);
  });
});
