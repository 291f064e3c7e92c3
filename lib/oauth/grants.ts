/**
 * Grants: what a user approved for one client in one workspace for one resource. Codes and
 * refresh tokens hang off a grant and access tokens name it, so ending the grant ends them
 * all (the node-oidc-provider model).
 */
import { db, type DbTx } from "@/lib/db";
import { recordAuditEvent } from "./audit";
import { markClientUsed } from "./clients/register-client";

export type GrantRevocationReason =
  | "replaced"
  | "user_revoked"
  | "admin_revoked"
  | "refresh_reuse"
  | "code_reuse"
  | "client_deleted"
  | "token_revoked"
  | "user_disabled";

export interface NewGrant {
  userId: string;
  clientId: string;
  workspaceId: string;
  resource: string;
  scope: string;
}

/**
 * Creates a grant. Re-authorizing the same client for the same workspace and resource
 * replaces the older grant, so a user never has two live connections of one app in one place.
 */
export async function createGrant(tx: DbTx, grant: NewGrant): Promise<string> {
  const previous = await tx.oAuthGrant.findMany({
    where: { userId: grant.userId, clientId: grant.clientId, workspaceId: grant.workspaceId, resource: grant.resource, revokedAt: null },
    select: { id: true },
  });
  const created = await tx.oAuthGrant.create({ data: grant, select: { id: true } });
  for (const old of previous) {
    await endGrant(tx, old.id, "replaced");
    await recordAuditEvent({ type: "grant.replaced", ...grant, grantId: old.id, detail: { replacedBy: created.id } }, tx);
  }
  await recordAuditEvent({ type: "grant.created", ...grant, grantId: created.id, detail: { scope: grant.scope, resource: grant.resource } }, tx);
  await markClientUsed(grant.clientId, tx);
  return created.id;
}

/**
 * Ends a grant: its refresh tokens and unused codes are deleted at once, and access tokens
 * naming it fail the liveness check on their next use. Idempotent.
 */
export async function endGrant(tx: DbTx, grantId: string, reason: GrantRevocationReason): Promise<boolean> {
  const { count } = await tx.oAuthGrant.updateMany({ where: { id: grantId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
  await tx.oAuthRefreshToken.deleteMany({ where: { grantId } });
  await tx.oAuthAuthorizationCode.deleteMany({ where: { grantId, consumedAt: null } });
  return count > 0;
}

/** Ends a grant and records who did it. */
export async function revokeGrant(
  grantId: string,
  reason: GrantRevocationReason,
  by: { userId?: string | null; detail?: Record<string, string> } = {},
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const grant = await tx.oAuthGrant.findUnique({ where: { id: grantId } });
    if (!grant) return false;
    const ended = await endGrant(tx, grantId, reason);
    if (ended) {
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
    }
    return ended;
  });
}

export async function findLiveGrant(grantId: string) {
  return db.oAuthGrant.findFirst({ where: { id: grantId, revokedAt: null } });
}
