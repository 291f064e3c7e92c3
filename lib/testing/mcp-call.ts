/** Calls the /mcp route handler the way an MCP client does over Streamable HTTP. */
import { POST as mcpRoute } from "@/app/mcp/route";

let nextId = 1;

export interface McpHttpResult {
  status: number;
  headers: Headers;
  body: { result?: Record<string, unknown>; error?: { code: number; message: string } } & Record<string, unknown>;
}

export async function mcpRequest(token: string | null, method: string, params: unknown = {}, headers: Record<string, string> = {}): Promise<McpHttpResult> {
  const request = new Request("http://localhost:3000/mcp", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2025-11-25",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
  });
  const response = await mcpRoute(request);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

export async function callToolOver(token: string, name: string, args: Record<string, unknown> = {}) {
  const res = await mcpRequest(token, "tools/call", { name, arguments: args });
  return { ...res, tool: res.body.result as { isError?: boolean; content: { text: string }[]; structuredContent?: Record<string, unknown> } | undefined };
}

export async function listToolNames(token: string): Promise<string[]> {
  const res = await mcpRequest(token, "tools/list");
  return ((res.body.result?.tools ?? []) as { name: string }[]).map((t) => t.name);
}
