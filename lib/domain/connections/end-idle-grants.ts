import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CONNECTION_IDLE_SECONDS, idleEndOf } from "./connection-idleness";
import { endGrant } from "./end-grant";

/**
 * Ends the live grants matching `where` that have gone unused for too long, recording the
 * moment each became idle. Returns how many ended. Run where connections are used (token
 * checks) and listed (Integrations pages), so an idle one is never used nor shown as live.
 */
export async function endIdleGrants(where: Prisma.OAuthGrantWhereInput, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - CONNECTION_IDLE_SECONDS * 1000);
  const idle = await db.oAuthGrant.findMany({
    where: {
      AND: [where, { revokedAt: null }, { OR: [{ lastUsedAt: { lte: cutoff } }, { lastUsedAt: null, createdAt: { lte: cutoff } }] }],
    },
    // Stryker disable next-line ObjectLiteral: reading every column instead of these changes only the cost
    select: { id: true, userId: true, clientId: true, workspaceId: true, lastUsedAt: true, createdAt: true },
  });
  let ended = 0;
  for (const grant of idle) {
    const done = await db.$transaction(async (tx) => {
      if (!(await endGrant(tx, grant.id, "idle", idleEndOf(grant)))) return false;
      await recordAuditEvent(
        { type: "grant.revoked", workspaceId: grant.workspaceId, userId: grant.userId, clientId: grant.clientId, grantId: grant.id, detail: { reason: "idle" } },
        tx,
      );
      return true;
    });
    if (done) ended += 1;
  }
  return ended;
}
