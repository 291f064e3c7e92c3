/**
 * Who is calling, through which grant, into which workspace, allowed to do what — decided
 * afresh on every MCP and REST request. The token check is lib/oauth's; the live workspace
 * checks (membership, plan, public API access, billing, client policy, highest access) are
 * effectiveAccess, the same answer the consent page showed, read from the same workspace
 * facts, so tightening any of them bites on the very next request. The grant, user, client,
 * membership and workspace come from one indexed query (find-request-grant.ts), never from a
 * cache. A DPoP-bound token also needs a proof of its key for this very request
 * (lib/oauth/dpop/check-resource-proof.ts).
 */
import type { Actor } from "@/lib/domain/actor";
import { REFUSAL_MESSAGES, type AccessRefusal } from "@/lib/domain/integrations/integration-access";
import type { ResourceKind, Scope } from "@/lib/domain/integrations/scopes";
import { clientFacts } from "@/lib/oauth/clients/client-facts";
import { checkResourceProof, type ProofRequest, type TokenScheme } from "@/lib/oauth/dpop/check-resource-proof";
import { effectiveAccess } from "@/lib/oauth/effective-access";
import { isOAuthError } from "@/lib/oauth/errors";
import { verifyAccessToken } from "@/lib/oauth/verify-access-token";

export interface Connection {
  grantId: string;
  clientId: string;
  clientName: string;
  userId: string;
  workspaceName: string;
  actor: Actor;
  /** The token's scopes, capped by the workspace's current highest allowed access. */
  scopes: Scope[];
  /** Why writes are refused right now (billing past due), or null. */
  writeRefusal: string | null;
  /** Set when the token is DPoP-bound (RFC 9449): its key's thumbprint, and challenges use the DPoP scheme. */
  dpopJkt?: string;
}

export type ConnectionRefusal =
  | { status: 401; error: "invalid_token" | "invalid_dpop_proof" | null; description: string; scheme?: "DPoP" }
  | { status: 403; error: "access_denied"; reason: AccessRefusal; description: string; scheme?: "DPoP" };

export type ConnectionResult = { ok: true; connection: Connection } | { ok: false; refusal: ConnectionRefusal };

/**
 * Reads `Authorization: Bearer <token>` (RFC 6750 §2.1) or `Authorization: DPoP <token>`
 * (RFC 9449 §7.1, the same token68 syntax); never from the query string.
 */
export function presentedToken(authorization: string | null): { scheme: TokenScheme; token: string } | null {
  if (authorization === null) return null;
  const match = /^(Bearer|DPoP) ([A-Za-z0-9\-._~+/]+=*)$/i.exec(authorization.trim());
  if (!match?.[1] || !match[2]) return null;
  return { scheme: match[1].toLowerCase() === "dpop" ? "DPoP" : "Bearer", token: match[2] };
}

/** Reads `Authorization: Bearer <token>` only. */
export function bearerToken(authorization: string | null): string | null {
  const presented = presentedToken(authorization);
  return presented?.scheme === "Bearer" ? presented.token : null;
}

/**
 * `request` is what a DPoP proof must name (the wrapper passes it); without it a DPoP-bound
 * token is refused for want of a proof.
 */
export async function resolveConnection(authorization: string | null, resource: ResourceKind, request?: ProofRequest): Promise<ConnectionResult> {
  const presented = presentedToken(authorization);
  if (!presented) {
    const description = authorization ? "The Authorization header must be `Bearer <access token>`." : "An access token is required.";
    return { ok: false, refusal: { status: 401, error: authorization ? "invalid_token" : null, description } };
  }
  let verified;
  try {
    verified = await verifyAccessToken(presented.token, resource);
    await checkResourceProof(presented.scheme, presented.token, verified.claims.dpopJkt, request);
  } catch (error) {
    if (!isOAuthError(error)) throw error;
    const dpop = presented.scheme === "DPoP" || verified?.claims.dpopJkt !== undefined;
    const refusal: ConnectionRefusal = { status: 401, error: error.code === "invalid_dpop_proof" ? "invalid_dpop_proof" : "invalid_token", description: error.description };
    return { ok: false, refusal: dpop ? { ...refusal, scheme: "DPoP" } : refusal };
  }
  const { grant, claims, membership, client: clientRow } = verified;
  if (!clientRow) return { ok: false, refusal: { status: 401, error: "invalid_token", description: "The application was deleted." } };
  if (!membership) return denied("membership_inactive", claims.dpopJkt);
  const { workspace } = membership;
  const access = effectiveAccess({ scopes: claims.scopes, role: membership.role, workspace: membership.facts, client: clientFacts(clientRow) });
  if (access.refusal) return denied(access.refusal, claims.dpopJkt);

  return {
    ok: true,
    connection: {
      grantId: grant.id,
      clientId: grant.clientId,
      clientName: clientRow.name,
      userId: grant.userId,
      workspaceName: workspace.name,
      actor: { userId: grant.userId, membershipId: membership.membershipId, workspaceId: workspace.id, role: membership.role },
      scopes: access.scopes,
      writeRefusal: access.writeRefusal,
      ...(claims.dpopJkt ? { dpopJkt: claims.dpopJkt } : {}),
    },
  };
}

function denied(reason: AccessRefusal, dpopJkt: string | undefined): ConnectionResult {
  const refusal = { status: 403, error: "access_denied", reason, description: REFUSAL_MESSAGES[reason] } as const;
  return { ok: false, refusal: dpopJkt ? { ...refusal, scheme: "DPoP" } : refusal };
}
