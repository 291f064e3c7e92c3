/**
 * Ends every live grant of one user inside the caller's transaction (disabling an account):
 * their refresh tokens go at once, and re-enabling the account later brings none of them back.
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
