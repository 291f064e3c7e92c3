import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { revokeGrant } from "@/lib/domain/connections/revoke-grant";
import { developerAppNotFound, ownedAppWhere } from "./developer-app-view";

/**
 * Deletes one of the owner's apps. Every grant it holds ends first (reason client_deleted),
 * each with its own audit record, so its refresh tokens stop at once and its access tokens
 * are refused on their next use; then the client goes, with any authorization requests
 * still waiting for consent.
 */
export async function deleteDeveloperApp(owner: { id: string }, appId: string): Promise<{ name: string; grantsEnded: number }> {
  const app = await db.oAuthClient.findFirst({ where: ownedAppWhere(owner, appId), select: { id: true, name: true } });
  if (!app) throw developerAppNotFound();

  const live = await db.oAuthGrant.findMany({ where: { clientId: app.id, revokedAt: null }, select: { id: true } });
  let grantsEnded = 0;
  for (const grant of live) {
    if (await revokeGrant(grant.id, "client_deleted", { userId: owner.id, detail: { app: app.name } })) grantsEnded += 1;
  }

  await db.$transaction(async (tx) => {
    // A grant created while the loop ran goes with the client (grants cascade on delete).
    const { count } = await tx.oAuthClient.deleteMany({ where: ownedAppWhere(owner, app.id) });
    if (count === 0) throw developerAppNotFound();
    await tx.oAuthAuthorizationRequest.deleteMany({ where: { clientId: app.id } });
    await recordAuditEvent({ type: "app.deleted", userId: owner.id, clientId: app.id, detail: { name: app.name, grantsEnded } }, tx);
  });
  return { name: app.name, grantsEnded };
}
