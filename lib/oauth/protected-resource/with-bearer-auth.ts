/**
 * The bearer check as a wrapper around a protected resource's handler (the model of
 * vercel/mcp-handler's `withMcpAuth`): it resolves `Authorization: Bearer` (or `DPoP` with a
 * proof, RFC 9449 §7) to a live Connection, and answers a refused token or connection (401/403, RFC 6750 §3) or unreadable
 * storage itself, through the surface's own renderer. The handler inside only ever sees a
 * live connection.
 */
import { storageUnavailableOf, type StorageUnavailable } from "@/lib/db-errors";
import { issuer } from "@/lib/domain/integrations/resources";
import type { ResourceKind } from "@/lib/domain/integrations/scopes";
import type { ProofRequest } from "../dpop/check-resource-proof";
import { resolveConnection, type Connection, type ConnectionRefusal } from "./resolve-connection";

export interface BearerRefusalRenderer {
  /** 401/403 with the resource's `WWW-Authenticate` challenge. */
  refused: (refusal: ConnectionRefusal) => Response;
  /** The database cannot even be read: nothing can be answered (503). */
  storageUnavailable: (storage: StorageUnavailable) => Response;
}

export function withBearerAuth<Rest extends unknown[]>(
  resource: ResourceKind,
  render: BearerRefusalRenderer,
  handler: (request: Request, connection: Connection, ...rest: Rest) => Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    let result;
    try {
      result = await resolveConnection(request.headers.get("authorization"), resource, proofRequest(request));
    } catch (error) {
      const storage = storageUnavailableOf(error);
      if (!storage) throw error;
      return render.storageUnavailable(storage);
    }
    if (!result.ok) return render.refused(result.refusal);
    return handler(request, result.connection, ...rest);
  };
}

/** What a DPoP proof must name: the method, and the URL under the configured base URL (the path is the request's). */
function proofRequest(request: Request): ProofRequest {
  return { proof: request.headers.get("dpop"), method: request.method, url: `${issuer()}${new URL(request.url).pathname}` };
}
