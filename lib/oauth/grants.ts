/**
 * Grants: what a user approved for one client in one workspace for one resource. Codes and
 * refresh tokens hang off a grant and access tokens name it, so ending the grant ends them
 * all (the node-oidc-provider model); ending one is lib/domain/connections/end-grant.ts.
 */
import { db, type DbTx } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { markClientUsed } from "./clients/register-client";

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

export const IDLE_ENDED = "This connection ended after going unused for too long; approve the app again.";

export async function findLiveGrant(grantId: string) {
  return db.oAuthGrant.findFirst({ where: { id: grantId, revokedAt: null } });
}
