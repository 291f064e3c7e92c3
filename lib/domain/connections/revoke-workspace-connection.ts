/**
 * An owner or admin ends any member's connection into their workspace (workspace settings →
 * Integrations). The lookup is scoped to the actor's workspace.
 */
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { DomainError } from "@/lib/domain/errors";
import { revokeGrant } from "./revoke-grant";
import { CONNECTION_GONE, type RevokedConnection } from "./revoke-own-connection";

export async function revokeWorkspaceConnection(actor: Actor, grantId: string): Promise<RevokedConnection & { memberName: string }> {
  assertCan(actor, "members:manage", "revoke connections");
  const grant = await db.oAuthGrant.findFirst({
    where: { id: grantId, workspaceId: actor.workspaceId, revokedAt: null },
    include: { client: { select: { name: true } }, user: { select: { name: true } } },
  });
  if (!grant || !(await revokeGrant(grant.id, "admin_revoked", { userId: actor.userId }))) throw new DomainError("not_found", CONNECTION_GONE);
  return { grantId: grant.id, appName: grant.client.name, memberName: grant.user.name };
}
