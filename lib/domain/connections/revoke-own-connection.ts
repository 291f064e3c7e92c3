/**
 * A person ends one of their own connections from Account → Integrations. Only the grant's
 * own user matches the lookup, so another person's grant is the same miss as a made-up id.
 */
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { revokeGrant } from "./revoke-grant";

export interface RevokedConnection {
  grantId: string;
  appName: string;
}

export const CONNECTION_GONE = "This connection was not found; it may already have been revoked.";

export async function revokeOwnConnection(userId: string, grantId: string): Promise<RevokedConnection> {
  const grant = await db.oAuthGrant.findFirst({ where: { id: grantId, userId, revokedAt: null }, include: { client: { select: { name: true } } } });
  if (!grant || !(await revokeGrant(grant.id, "user_revoked", { userId }))) throw new DomainError("not_found", CONNECTION_GONE);
  return { grantId: grant.id, appName: grant.client.name };
}
