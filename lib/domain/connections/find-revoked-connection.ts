/**
 * A connection that was just revoked, for the confirmation shown after revoking: only the
 * grant's own user, or an owner or admin of its workspace, finds it.
 */
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/domain/actor";

export async function findRevokedConnection(grantId: string, by: { userId: string } | { actor: Actor }): Promise<{ appName: string; workspaceName: string; memberName: string } | null> {
  if ("actor" in by && !can(by.actor, "members:manage")) return null;
  const grant = await db.oAuthGrant.findFirst({
    where: { id: grantId, revokedAt: { not: null }, ...("actor" in by ? { workspaceId: by.actor.workspaceId } : { userId: by.userId }) },
    include: { client: { select: { name: true } }, workspace: { select: { name: true } }, user: { select: { name: true } } },
  });
  return grant ? { appName: grant.client.name, workspaceName: grant.workspace.name, memberName: grant.user.name } : null;
}
