/**
 * A person ends every connection of one app (all its installations) from Account →
 * Integrations. Only the person's own live grants of that app match.
 */
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain/errors";
import { revokeGrant } from "./revoke-grant";
import { CONNECTION_GONE } from "./revoke-own-connection";

export interface RevokedAppConnections {
  clientId: string;
  appName: string;
  /** How many connections this call ended. */
  count: number;
}

/** @throws DomainError not_found when the person has no live connection of the app */
export async function revokeOwnAppConnections(userId: string, clientId: string): Promise<RevokedAppConnections> {
  const grants = await db.oAuthGrant.findMany({
    where: { userId, clientId, revokedAt: null },
    select: { id: true, client: { select: { name: true } } },
  });
  let count = 0;
  for (const grant of grants) if (await revokeGrant(grant.id, "user_revoked", { userId })) count += 1;
  const appName = grants[0]?.client.name;
  if (!appName || count === 0) throw new DomainError("not_found", CONNECTION_GONE);
  return { clientId, appName, count };
}

/** The app a person just revoked everything of, for the confirmation: only if it was theirs. */
export async function findRevokedApp(userId: string, clientId: string): Promise<{ appName: string } | null> {
  const grant = await db.oAuthGrant.findFirst({
    where: { userId, clientId, revokedAt: { not: null } },
    select: { client: { select: { name: true } } },
  });
  return grant ? { appName: grant.client.name } : null;
}
