/**
 * Ends every live grant of one user, in every workspace, inside the caller's transaction
 * (disabling an account, a password reset that disconnects every app): their refresh tokens go
 * at once, access tokens fail on their next use, and nothing later brings them back.
 */
import type { DbTx } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { endGrant, type GrantRevocationReason } from "./end-grant";

export async function endUserGrants(tx: DbTx, userId: string, reason: GrantRevocationReason, by: { userId: string | null }): Promise<number> {
  const grants = await tx.oAuthGrant.findMany({ where: { userId, revokedAt: null }, select: { id: true, workspaceId: true, clientId: true } });
  let ended = 0;
  for (const grant of grants) {
    if (!(await endGrant(tx, grant.id, reason))) continue;
    ended++;
    await recordAuditEvent({ type: "grant.revoked", workspaceId: grant.workspaceId, userId: by.userId, clientId: grant.clientId, grantId: grant.id, detail: { reason } }, tx);
  }
  return ended;
}
