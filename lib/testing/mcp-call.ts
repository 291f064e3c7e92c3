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

/** The per-request `_meta` of MCP 2026-07-28 (basic, "Per-request protocol fields"). */
export function modernMeta(clientCapabilities: Record<string, unknown> = {}) {
  return {
    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
    "io.modelcontextprotocol/clientInfo": { name: "hand-made", version: "1.0.0" },
    "io.modelcontextprotocol/clientCapabilities": clientCapabilities,
  };
}

/** The standard request headers of a 2026-07-28 request (SEP-2243) for this method and name. */
export function modernHeaders(method: string, name?: string): Record<string, string> {
  return { "mcp-protocol-version": "2026-07-28", "mcp-method": method, ...(name === undefined ? {} : { "mcp-name": name }) };
}

/**
 * Posts a raw body to the /mcp route handler: a 2026-07-28 request as a client builds it, or a
 * deliberately broken one (`body` is sent as given; a string is sent verbatim).
 */
export async function mcpPost(token: string | null, body: unknown, headers: Record<string, string> = {}): Promise<McpHttpResult> {
  const response = await mcpRoute(
    new Request("http://localhost:3000/mcp", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/** A well-formed 2026-07-28 request: `_meta` in the params and the matching headers. */
export function modernRequest(token: string | null, method: string, params: Record<string, unknown> = {}, capabilities: Record<string, unknown> = {}) {
  const name = typeof params.name === "string" ? params.name : undefined;
  return mcpPost(token, { jsonrpc: "2.0", id: nextId++, method, params: { ...params, _meta: modernMeta(capabilities) } }, modernHeaders(method, name));
}
