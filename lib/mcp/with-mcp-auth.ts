/**
 * The bearer check around the MCP handler (the model of vercel/mcp-handler's `withMcpAuth`):
 * it owns 401 and 403 and the one `WWW-Authenticate` challenge of /mcp (RFC 6750 §3, RFC 9728
 * §5.1); the handler inside only ever sees a live connection.
 */
import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { STORAGE_RETRY_AFTER_SECONDS, storageUnavailableMessage, storageUnavailableOf } from "@/lib/db-errors";
import { bearerChallenge } from "@/lib/oauth/protected-resource/bearer-challenge";
import { resolveConnection, type Connection, type ConnectionRefusal } from "@/lib/oauth/protected-resource/resolve-connection";
import { protectedResource } from "@/lib/domain/integrations/resources";

/** Asked for when a client has no token yet: everyday read and write access. */
export const DEFAULT_MCP_SCOPE = "hourbook:read hourbook:write";

/** A call the grant's scopes do not cover: 403 insufficient_scope, naming the scopes that would (MCP authorization, step-up). */
export type StepUp = { status: 403; error: "insufficient_scope"; description: string; scope: string };

export function withMcpAuth(handler: (request: Request, connection: Connection) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
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
    if (!result.ok) return refusedResponse(result.refusal);
    return handler(request, result.connection);
  };
}

/** 401/403 with the challenge; a 401 names the scope to ask for, a step-up the scopes that would do. */
export function refusedResponse(refusal: ConnectionRefusal | StepUp): Response {
  const challenge = bearerChallenge({
    resourceMetadataUrl: protectedResource("mcp").metadataUrl,
    error: refusal.error === "access_denied" ? null : refusal.error,
    description: refusal.error ? refusal.description : undefined,
    scope: "scope" in refusal ? refusal.scope : refusal.status === 401 ? DEFAULT_MCP_SCOPE : undefined,
  });
  const message = refusal.error === "insufficient_scope" ? `Insufficient scope: ${refusal.description}.` : refusal.description;
  return jsonRpcError(refusal.status, refusal.status === 401 || refusal.error === "access_denied" ? -32001 : -32000, message, { "WWW-Authenticate": challenge });
}

/** A JSON-RPC error that is not an answer to one message (`id: null`), with its HTTP status. */
export function jsonRpcError(status: number, code: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ jsonrpc: "2.0", error: { code, message }, id: null }, { status, headers });
}
