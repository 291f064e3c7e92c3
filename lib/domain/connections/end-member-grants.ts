/**
 * Ends every live grant one user holds into one workspace, inside the caller's transaction
 * (removing a member): refresh tokens go at once, access tokens fail on their next use, and the
 * user's connections to other workspaces are untouched.
 */
import type { DbTx } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { endGrant } from "./end-grant";

export async function endMemberGrants(tx: DbTx, workspaceId: string, userId: string, by: { userId: string }): Promise<number> {
  const grants = await tx.oAuthGrant.findMany({ where: { workspaceId, userId, revokedAt: null }, select: { id: true, clientId: true } });
  let ended = 0;
  for (const grant of grants) {
    if (!(await endGrant(tx, grant.id, "member_removed"))) continue;
    ended++;
    await recordAuditEvent({ type: "grant.revoked", workspaceId, userId: by.userId, clientId: grant.clientId, grantId: grant.id, detail: { reason: "member_removed" } }, tx);
  }
  return ended;
}
