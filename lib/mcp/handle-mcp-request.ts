/**
 * The /mcp endpoint as composition (the vercel/mcp-handler model): the bearer check owns
 * 401/403 and the `WWW-Authenticate` challenge, then a fresh stateless MCP server and
 * Streamable HTTP transport serve the JSON-RPC message.
 */
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { STORAGE_RETRY_AFTER_SECONDS, storageUnavailableMessage, storageUnavailableOf } from "@/lib/db-errors";
import { protectedResource } from "@/lib/domain/integrations/resources";
import { env } from "@/lib/env";
import { bearerChallenge } from "@/lib/http/bearer-challenge";
import { corsHeadersForOrigin, preflightForOrigin } from "@/lib/http/cors";
import { readBoundedText } from "@/lib/http/read-bounded-text";
import { recordActivity } from "@/lib/integrations/record-activity";
import { resolveConnection, type ConnectionRefusal } from "@/lib/integrations/resolve-connection";
import { consumeRateLimit } from "@/lib/oauth/rate-limit";
import { createMcpServer } from "./create-mcp-server";
import { isAllowedOrigin } from "./origin";
import { findTool } from "./tool-catalog";
import { toolBlock } from "./tool-visibility";

export const MAX_MCP_BODY_BYTES = 256 * 1024;
const mcpRateLimit = () => ({ name: "mcp", limit: env.HOURBOOK_CONNECTION_RATE_LIMIT, windowSeconds: 60 });
/** Asked for when a client has no token yet: everyday read and write access. */
export const DEFAULT_MCP_SCOPE = "hourbook:read hourbook:write";

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
  return withCors(await serveMcpRequest(request), origin);
}

async function serveMcpRequest(request: Request): Promise<Response> {
  if (request.method !== "POST") {
    // Stateless server: no standalone SSE stream and no sessions to delete (Streamable HTTP allows 405).
    return jsonRpcError(405, -32000, "Method not allowed: send JSON-RPC messages with POST.", { Allow: "POST, OPTIONS" });
  }

  let result;
  try {
    result = await resolveConnection(request.headers.get("authorization"), "mcp");
  } catch (error) {
    // The database cannot even be read: no MCP message can be answered. (A write storage
    // refuses later, inside tools/call, is a tool result with isError instead.)
    const storage = storageUnavailableOf(error);
    if (!storage) throw error;
    return jsonRpcError(503, ErrorCode.InternalError, storageUnavailableMessage(storage), { "Retry-After": String(STORAGE_RETRY_AFTER_SECONDS) });
  }
  if (!result.ok) return refusalResponse(result.refusal);
  const { connection } = result;

  const rate = await consumeRateLimit(mcpRateLimit(), { kind: "grant", grantId: connection.grantId });
  if (!rate.allowed) {
    return jsonRpcError(429, -32000, `Too many requests; try again in ${rate.retryAfterSeconds} s.`, { "Retry-After": String(rate.retryAfterSeconds) });
  }

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
  for (const name of calledToolNames(message)) {
    const tool = findTool(name);
    const block = tool && toolBlock(tool, connection);
    if (block?.kind === "scope") {
      await recordActivity(connection.grantId, "tool", name, "denied", `needs ${block.scope}`);
      return jsonRpcError(403, -32000, `Insufficient scope: ${name} needs ${block.scope}.`, {
        "WWW-Authenticate": bearerChallenge({
          resourceMetadataUrl: protectedResource("mcp").metadataUrl,
          error: "insufficient_scope",
          description: `${name} needs ${block.scope}`,
          scope: [...connection.scopes, block.scope].join(" "),
        }),
      });
    }
  }

  const server = createMcpServer(connection, connection.workspaceName);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    const response = await transport.handleRequest(request, {
      parsedBody: message,
      authInfo: {
        token: "",
        clientId: connection.clientId,
        scopes: connection.scopes,
        resource: new URL(protectedResource("mcp").url),
        extra: { grantId: connection.grantId, workspaceId: connection.actor.workspaceId },
      },
    });
    return response;
  } finally {
    void transport.close();
    void server.close();
  }
}

function refusalResponse(refusal: ConnectionRefusal): Response {
  const challenge = bearerChallenge({
    resourceMetadataUrl: protectedResource("mcp").metadataUrl,
    error: refusal.error === "access_denied" ? null : refusal.error,
    description: refusal.error ? refusal.description : undefined,
    scope: refusal.status === 401 ? DEFAULT_MCP_SCOPE : undefined,
  });
  return jsonRpcError(refusal.status, -32001, refusal.description, { "WWW-Authenticate": challenge });
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

function jsonRpcError(status: number, code: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ jsonrpc: "2.0", error: { code, message }, id: null }, { status, headers });
}

function withCors(response: Response, origin: string | null): Response {
  const headers = new Headers(response.headers);
  for (const [k, v] of Object.entries(corsHeadersForOrigin(origin))) headers.set(k, v);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
