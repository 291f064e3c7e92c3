/**
 * Grants: what a user approved for one client in one workspace for one resource. Codes and
 * refresh tokens hang off a grant and access tokens name it, so ending the grant ends them
 * all (the node-oidc-provider model).
 */
import { db, type DbTx } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { markClientUsed } from "./clients/register-client";
import { CONNECTION_IDLE_SECONDS } from "./lifetimes";

export type GrantRevocationReason =
  /** Only in grants ended before each approval became a connection of its own. */
  | "replaced"
  | "idle"
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
 * Creates a grant: one connection. Every approval is a connection of its own and replaces
 * nothing: two installations of one app (the same client_id — identical registrations are
 * shared, and a metadata-document URL is the same everywhere) each keep working.
 */
export async function createGrant(tx: DbTx, grant: NewGrant): Promise<string> {
  const created = await tx.oAuthGrant.create({ data: grant, select: { id: true } });
  await recordAuditEvent({ type: "grant.created", ...grant, grantId: created.id, detail: { scope: grant.scope, resource: grant.resource } }, tx);
  await markClientUsed(grant.clientId, tx);
  return created.id;
}

/**
 * Ends a grant: its refresh tokens and unused codes are deleted at once, and access tokens
 * naming it fail the liveness check on their next use. Idempotent.
 */
export async function endGrant(tx: DbTx, grantId: string, reason: GrantRevocationReason, endedAt = new Date()): Promise<boolean> {
  const { count } = await tx.oAuthGrant.updateMany({ where: { id: grantId, revokedAt: null }, data: { revokedAt: endedAt, revokedReason: reason } });
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

export const IDLE_ENDED = "This connection ended after going unused for too long; approve the app again.";

/** When a connection last did anything: its last use, or its approval if never used. */
export function lastActivityOf(grant: { lastUsedAt: Date | null; createdAt: Date }): Date {
  return grant.lastUsedAt ?? grant.createdAt;
}

/** The moment an unused connection ends (HOURBOOK_CONNECTION_IDLE_DAYS after its last activity). */
export function idleEndOf(grant: { lastUsedAt: Date | null; createdAt: Date }): Date {
  return new Date(lastActivityOf(grant).getTime() + CONNECTION_IDLE_SECONDS * 1000);
}

export function isIdle(grant: { lastUsedAt: Date | null; createdAt: Date }, now = new Date()): boolean {
  return idleEndOf(grant) <= now;
}

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

export async function findLiveGrant(grantId: string) {
  return db.oAuthGrant.findFirst({ where: { id: grantId, revokedAt: null } });
}
