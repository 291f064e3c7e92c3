/**
 * The bearer check around the MCP handler (lib/oauth/protected-resource/with-bearer-auth.ts)
 * with the MCP renderer: 401 and 403 as JSON-RPC errors carrying the one `WWW-Authenticate`
 * challenge of /mcp (RFC 6750 §3, RFC 9728 §5.1), also for a step-up.
 */
import { ProtocolErrorCode } from "@modelcontextprotocol/server";
import { STORAGE_RETRY_AFTER_SECONDS, storageUnavailableMessage } from "@/lib/db-errors";
import { bearerChallenge } from "@/lib/oauth/protected-resource/bearer-challenge";
import type { Connection, ConnectionRefusal } from "@/lib/oauth/protected-resource/resolve-connection";
import { withBearerAuth } from "@/lib/oauth/protected-resource/with-bearer-auth";
import { protectedResource } from "@/lib/domain/integrations/resources";

/** Asked for when a client has no token yet: everyday read and write access. */
export const DEFAULT_MCP_SCOPE = "hourbook:read hourbook:write";

/** A call the grant's scopes do not cover: 403 insufficient_scope, naming the scopes that would (MCP authorization, step-up). */
export type StepUp = { status: 403; error: "insufficient_scope"; description: string; scope: string; scheme?: "DPoP" };

/** /mcp behind the bearer check: refusals are JSON-RPC errors with the MCP challenge. */
export function withMcpAuth(handler: (request: Request, connection: Connection) => Promise<Response>): (request: Request) => Promise<Response> {
  return withBearerAuth("mcp", {
    refused: refusedResponse,
    // (A write storage refuses later, inside tools/call, is a tool result with isError instead.)
    storageUnavailable: (storage) => jsonRpcError(503, ProtocolErrorCode.InternalError, storageUnavailableMessage(storage), { "Retry-After": String(STORAGE_RETRY_AFTER_SECONDS) }),
  }, handler);
}

/** 401/403 with the challenge; a 401 names the scope to ask for, a step-up the scopes that would do. */
export function refusedResponse(refusal: ConnectionRefusal | StepUp): Response {
  const challenge = bearerChallenge({
    resourceMetadataUrl: protectedResource("mcp").metadataUrl,
    error: refusal.error === "access_denied" ? null : refusal.error,
    description: refusal.error ? refusal.description : undefined,
    scope: "scope" in refusal ? refusal.scope : refusal.status === 401 ? DEFAULT_MCP_SCOPE : undefined,
    scheme: "scheme" in refusal ? refusal.scheme : undefined,
  });
  const message = refusal.error === "insufficient_scope" ? `Insufficient scope: ${refusal.description}.` : refusal.description;
  return jsonRpcError(refusal.status, gateErrorCode(refusal.status), message, { "WWW-Authenticate": challenge });
}

/** A JSON-RPC error that is not an answer to one message (`id: null`), with its HTTP status. */
export function jsonRpcError(status: number, code: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ jsonrpc: "2.0", error: { code, message }, id: null }, { status, headers });
}

/**
 * The JSON-RPC code of a refusal by our HTTP layer (Origin, bearer check, rate limit, body cap):
 * -31000 minus the HTTP status, e.g. -31401, -31403, -31429. MCP 2026-07-28 (basic, "Error
 * Codes") retires -32000…-32019 and reserves -32020…-32099 for the specification, and asks for
 * application codes outside the JSON-RPC range (-32768…-32000).
 */
export function gateErrorCode(status: number): number {
  return -31000 - status;
}
