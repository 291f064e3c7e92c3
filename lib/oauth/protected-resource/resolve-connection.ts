/**
 * Who is calling, through which grant, into which workspace, allowed to do what — decided
 * afresh on every MCP and REST request. The token check is lib/oauth's; the live workspace
 * checks (membership, plan, public API access, billing, client policy, highest access) are
 * effectiveAccess, the same answer the consent page showed, read from the same workspace
 * facts, so tightening any of them bites on the very next request.
 */
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { REFUSAL_MESSAGES, type AccessRefusal } from "@/lib/domain/integrations/integration-access";
import type { ResourceKind, Scope } from "@/lib/domain/integrations/scopes";
import { findWorkspaceFacts } from "@/lib/domain/integrations/workspace-facts";
import { clientFacts } from "@/lib/oauth/clients/client-facts";
import { toRegisteredClient } from "@/lib/oauth/clients/registered-client";
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
}

export type ConnectionRefusal =
  | { status: 401; error: "invalid_token" | null; description: string }
  | { status: 403; error: "access_denied"; reason: AccessRefusal; description: string };

export type ConnectionResult = { ok: true; connection: Connection } | { ok: false; refusal: ConnectionRefusal };

/** Reads `Authorization: Bearer <token>` (RFC 6750 §2.1; never from the query string). */
export function bearerToken(authorization: string | null): string | null {
  if (authorization === null) return null;
  return /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(authorization.trim())?.[1] ?? null;
}

export async function resolveConnection(authorization: string | null, resource: ResourceKind): Promise<ConnectionResult> {
  const token = bearerToken(authorization);
  if (!token) {
    const description = authorization ? "The Authorization header must be `Bearer <access token>`." : "An access token is required.";
    return { ok: false, refusal: { status: 401, error: authorization ? "invalid_token" : null, description } };
  }
  let verified;
  try {
    verified = await verifyAccessToken(token, resource);
  } catch (error) {
    if (isOAuthError(error)) return { ok: false, refusal: { status: 401, error: "invalid_token", description: error.description } };
    throw error;
  }
  const { grant, claims } = verified;
  const [membership, clientRow] = await Promise.all([
    findWorkspaceFacts(grant.userId, grant.workspaceId),
    db.oAuthClient.findUnique({ where: { id: grant.clientId } }),
  ]);
  if (!clientRow) return { ok: false, refusal: { status: 401, error: "invalid_token", description: "The application was deleted." } };
  if (!membership) return denied("membership_inactive");
  const { workspace } = membership;
  const access = effectiveAccess({ scopes: claims.scopes, role: membership.role, workspace: membership.facts, client: clientFacts(toRegisteredClient(clientRow)) });
  if (access.refusal) return denied(access.refusal);

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
    },
  };
}

function denied(reason: AccessRefusal): ConnectionResult {
  return { ok: false, refusal: { status: 403, error: "access_denied", reason, description: REFUSAL_MESSAGES[reason] } };
}
