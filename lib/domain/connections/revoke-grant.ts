import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { endGrant, type GrantRevocationReason } from "./end-grant";

/** Ends a grant and records who did it. */
export async function revokeGrant(
  grantId: string,
  reason: GrantRevocationReason,
  by: { userId?: string | null; detail?: Record<string, string> } = {},
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await endGrant(tx, grantId, reason))) return false;
    const grant = await tx.oAuthGrant.findUniqueOrThrow({ where: { id: grantId } });
    await recordAuditEvent(
      {
        type: reason === "refresh_reuse" ? "refresh.reuse_detected" : reason === "code_reuse" ? "code.reuse_detected" : "grant.revoked",
        workspaceId: grant.workspaceId,
        userId: by.userId ?? grant.userId,
        clientId: grant.clientId,
        grantId,
        detail: { reason, ...by.detail },
      },
      tx,
    );
    return true;
  });
}
