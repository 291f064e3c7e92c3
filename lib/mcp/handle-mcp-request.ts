/**
 * The /mcp endpoint as composition (the vercel/mcp-handler model): the Origin check, then the
 * bearer check (with-mcp-auth.ts), then per request the rate limit and the step-up check, and
 * a fresh stateless MCP server and Streamable HTTP transport that serve the JSON-RPC message.
 */
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { corsHeadersForOrigin, preflightForOrigin } from "@/lib/http/cors";
import { readBoundedText } from "@/lib/http/read-bounded-text";
import { recordActivity } from "@/lib/integrations/record-activity";
import { checkRate } from "@/lib/operations/check-call";
import type { Connection } from "@/lib/oauth/protected-resource/resolve-connection";
import { protectedResource } from "@/lib/domain/integrations/resources";
import { callChecks } from "./call-checks";
import { createMcpServer } from "./create-mcp-server";
import { isAllowedOrigin } from "./origin";
import { findTool } from "./tool-catalog";
import { jsonRpcError, refusedResponse, withMcpAuth } from "./with-mcp-auth";

export { DEFAULT_MCP_SCOPE } from "./with-mcp-auth";
export const MAX_MCP_BODY_BYTES = 256 * 1024;

/** OPTIONS /mcp: the CORS preflight gives the same answer as the request would get. */
export function handleMcpPreflight(request: Request): Response {
  const origin = request.headers.get("origin");
  return preflightForOrigin(origin, isAllowedOrigin(origin));
}

export async function handleMcpRequest(request: Request): Promise<Response> {
  const origin = request.headers.get("origin");
  if (!isAllowedOrigin(origin)) {
    // No CORS headers: the refused page may not read even the refusal.
    return Response.json(
      { jsonrpc: "2.0", error: { code: -32000, message: "Forbidden: this Origin may not call the Hourbook MCP server." }, id: null },
      { status: 403, headers: { Vary: "Origin" } },
    );
  }
  // Stateless server: no standalone SSE stream and no sessions to delete (Streamable HTTP allows 405).
  const response =
    request.method === "POST" ? await serveAuthorized(request) : jsonRpcError(405, -32000, "Method not allowed: send JSON-RPC messages with POST.", { Allow: "POST, OPTIONS" });
  return withCors(response, origin);
}

const serveAuthorized = withMcpAuth(serveMcpRequest);

async function serveMcpRequest(request: Request, connection: Connection): Promise<Response> {
  const rate = await checkRate(connection, "mcp");
  if (rate) return jsonRpcError(429, -32000, rate.message, { "Retry-After": String(rate.retryAfterSeconds) });

  const body = await readBoundedText(request, MAX_MCP_BODY_BYTES);
  if (body === null) return jsonRpcError(413, -32600, `Request body larger than ${MAX_MCP_BODY_BYTES} bytes.`);
  let message: unknown;
  try {
    message = JSON.parse(body);
  } catch {
    return jsonRpcError(400, -32700, "Parse error: the body is not valid JSON.");
  }

  // A tool the grant's scopes do not cover is a 403 insufficient_scope, so the client can ask
  // the user for more (MCP authorization, step-up); other refusals are tool results.
  const check = callChecks(connection);
  for (const name of calledToolNames(message)) {
    const tool = findTool(name);
    const refusal = tool && check(tool);
    if (refusal?.kind === "scope") {
      await recordActivity(connection.grantId, "tool", name, "denied", `needs ${refusal.scope}`);
      const scope = [...connection.scopes, refusal.scope].join(" ");
      return refusedResponse({ status: 403, error: "insufficient_scope", description: `${name} needs ${refusal.scope}`, scope });
    }
  }

  const server = createMcpServer(connection, check);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request, {
      parsedBody: message,
      authInfo: {
        token: "",
        clientId: connection.clientId,
        scopes: connection.scopes,
        resource: new URL(protectedResource("mcp").url),
        extra: { grantId: connection.grantId, workspaceId: connection.actor.workspaceId },
      },
    });
  } finally {
    void transport.close();
    void server.close();
  }
}

function calledToolNames(message: unknown): string[] {
  const messages = Array.isArray(message) ? message : [message];
  return messages.flatMap((m) => {
    if (m && typeof m === "object" && "method" in m && m.method === "tools/call" && "params" in m) {
      const params = m.params as { name?: unknown } | undefined;
      return typeof params?.name === "string" ? [params.name] : [];
    }
    return [];
  });
}

function withCors(response: Response, origin: string | null): Response {
  const headers = new Headers(response.headers);
  for (const [k, v] of Object.entries(corsHeadersForOrigin(origin))) headers.set(k, v);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
