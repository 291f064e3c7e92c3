/**
 * Who is calling, through which grant, into which workspace, allowed to do what — decided
 * afresh on every MCP and REST request. The token check is lib/oauth's; the live workspace
 * checks (membership, plan, public API access, billing, client policy) are the same rules
 * the consent page used, so tightening any of them bites on the very next request.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import {
  BILLING_WRITE_REFUSAL,
  billingAllowsWrites,
  integrationAccessRefusal,
  REFUSAL_MESSAGES,
  type AccessRefusal,
} from "@/lib/domain/integrations/integration-access";
import { clientFacts } from "@/lib/oauth/authorize/workspace-choices";
import { toRegisteredClient } from "@/lib/oauth/clients/registered-client";
import { isOAuthError } from "@/lib/oauth/errors";
import { capToAccessLevel, type ResourceKind, type Scope } from "@/lib/oauth/scopes";
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

const Hosts = z.array(z.string());

/** Reads `Authorization: Bearer <token>` (RFC 6750 §2.1; never from the query string). */
export function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(authorization?.trim() ?? "");
  return match?.[1] ?? null;
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
    db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: grant.workspaceId, userId: grant.userId } }, include: { workspace: true } }),
    db.oAuthClient.findUnique({ where: { id: grant.clientId } }),
  ]);
  if (!clientRow) return { ok: false, refusal: { status: 401, error: "invalid_token", description: "The application was deleted." } };
  if (!membership) return denied("membership_inactive");
  const { workspace } = membership;
  const refusal = integrationAccessRefusal(
    {
      membershipStatus: membership.status,
      plan: workspace.plan,
      publicApiAccess: workspace.publicApiAccess,
      billingState: workspace.billingState,
      clientPolicy: workspace.integrationClientPolicy,
      allowedHosts: Hosts.parse(workspace.integrationAllowedHosts),
    },
    clientFacts(toRegisteredClient(clientRow)),
  );
  if (refusal) return denied(refusal);

  return {
    ok: true,
    connection: {
      grantId: grant.id,
      clientId: grant.clientId,
      clientName: clientRow.name,
      userId: grant.userId,
      workspaceName: workspace.name,
      actor: { userId: grant.userId, membershipId: membership.id, workspaceId: workspace.id, role: membership.role },
      scopes: capToAccessLevel(claims.scopes, workspace.integrationMaxAccess),
      writeRefusal: billingAllowsWrites(workspace.billingState) ? null : BILLING_WRITE_REFUSAL,
    },
  };
}

function denied(reason: AccessRefusal): ConnectionResult {
  return { ok: false, refusal: { status: 403, error: "access_denied", reason, description: REFUSAL_MESSAGES[reason] } };
}
