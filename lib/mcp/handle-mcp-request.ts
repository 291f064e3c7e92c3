/**
 * The /mcp endpoint as composition (the vercel/mcp-handler model): our gate — the Origin check,
 * the bearer check (with-mcp-auth.ts), the rate limit, the body cap and the step-up check — in
 * front of the SDK, which serves both protocol eras from one per-request server (create-mcp-server.ts):
 *
 * - 2026-07-28 requests (a per-request `_meta` envelope) go to the SDK's `createMcpHandler`,
 *   which validates the envelope and the SEP-2243 headers, answers `server/discover` and shapes
 *   results (`resultType`, cache hints, `serverInfo`);
 * - 2025-era requests (no envelope: `initialize`, then one POST per message) go to a stateless
 *   Streamable HTTP transport that answers JSON, as /mcp always has. `isLegacyRequest` is the
 *   SDK's own routing decision, so the two legs cannot disagree about a request.
 */
import {
  type AuthInfo,
  createMcpHandler,
  isJsonContentType,
  isLegacyRequest,
  type Server,
  WebStandardStreamableHTTPServerTransport,
} from "@modelcontextprotocol/server";
import { corsHeadersForOrigin, preflightForOrigin } from "@/lib/http/cors";
import { readBoundedJson } from "@/lib/http/read-bounded-text";
import { recordActivity } from "@/lib/integrations/record-activity";
import { checkRate } from "@/lib/operations/check-call";
import type { Connection } from "@/lib/oauth/protected-resource/resolve-connection";
import { protectedResource } from "@/lib/domain/integrations/resources";
import { callChecks } from "./call-checks";
import { createMcpServer } from "./create-mcp-server";
import { isAllowedOrigin } from "./origin";
import { findTool } from "./tool-catalog";
import { gateErrorCode, jsonRpcError, refusedResponse, withMcpAuth } from "./with-mcp-auth";

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
    return jsonRpcError(403, gateErrorCode(403), "Forbidden: this Origin may not call the Hourbook MCP server.", { Vary: "Origin" });
  }
  // Stateless server: no standalone SSE stream and no sessions to delete (Streamable HTTP: 405).
  const response =
    request.method === "POST"
      ? await serveAuthorized(request)
      : jsonRpcError(405, gateErrorCode(405), "Method not allowed: send JSON-RPC messages with POST.", { Allow: "POST, OPTIONS" });
  return withCors(response, origin);
}

const serveAuthorized = withMcpAuth(serveMcpRequest);

/** The server each gated request is served by: the SDK's factory finds it by the request it was handed. */
const serversByRequest = new WeakMap<Request, Server>();

const modernHandler = createMcpHandler(
  ({ requestInfo }) => {
    const server = requestInfo && serversByRequest.get(requestInfo);
    if (!server) throw new Error("/mcp: a request reached the MCP handler without passing the gate");
    return server;
  },
  // 2025-era traffic never reaches this handler (see serveMcpRequest).
  { legacy: "reject", maxRequestBodySize: MAX_MCP_BODY_BYTES },
);

async function serveMcpRequest(request: Request, connection: Connection): Promise<Response> {
  const rate = await checkRate(connection, "mcp");
  if (rate) return jsonRpcError(429, gateErrorCode(429), rate.message, { "Retry-After": String(rate.retryAfterSeconds) });

  if (!isJsonContentType(request.headers.get("content-type"))) {
    return jsonRpcError(415, gateErrorCode(415), "Unsupported Media Type: Content-Type must be application/json.");
  }
  const body = await readBoundedJson(request, MAX_MCP_BODY_BYTES);
  if ("refused" in body) {
    return body.refused === "too_large"
      ? jsonRpcError(413, gateErrorCode(413), `Request body larger than ${MAX_MCP_BODY_BYTES} bytes.`)
      : jsonRpcError(400, -32700, "Parse error: the body is not valid JSON (UTF-8).");
  }
  const message = body.json;
  // A 2025-03-26 batch is several calls in one POST: the ones beyond the first count too.
  if (Array.isArray(message) && message.length > 1) {
    const batch = await checkRate(connection, "mcp", { calls: message.length - 1 });
    if (batch) return jsonRpcError(429, gateErrorCode(429), batch.message, { "Retry-After": String(batch.retryAfterSeconds) });
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
      return refusedResponse({ status: 403, error: "insufficient_scope", description: `${name} needs ${refusal.scope}`, scope, ...(connection.dpopJkt ? { scheme: "DPoP" as const } : {}) });
    }
  }

  const server = createMcpServer(connection, check);
  const authInfo: AuthInfo = {
    token: "",
    clientId: connection.clientId,
    scopes: connection.scopes,
    resource: new URL(protectedResource("mcp").url),
    extra: { grantId: connection.grantId, workspaceId: connection.actor.workspaceId },
  };
  if (await isLegacyRequest(request, message, { maxRequestBodySize: MAX_MCP_BODY_BYTES })) return serveLegacy(server, request, message, authInfo);
  serversByRequest.set(request, server);
  return modernHandler.fetch(request, { parsedBody: message, authInfo });
}

/** A 2025-era message: a stateless transport per request, answering JSON (no SSE, no session). */
async function serveLegacy(server: Server, request: Request, message: unknown, authInfo: AuthInfo): Promise<Response> {
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request, { parsedBody: message, authInfo });
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
