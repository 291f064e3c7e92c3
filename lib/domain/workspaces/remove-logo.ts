import { assertCan, type Actor } from "@/lib/domain/actor";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";

/**
 * Stops printing a logo on new invoices: the workspace's logo becomes none. The image itself
 * stays (sent invoices still show the logo they were sent with). Owners only.
 * @returns whether there was a logo to remove
 * @throws forbidden for admins and members
 */
export async function removeLogo(actor: Actor): Promise<{ removed: boolean }> {
  assertCan(actor, "workspace:manage", "change the logo");
  return db.$transaction(async (tx) => {
    const { count } = await tx.workspace.updateMany({ where: { id: actor.workspaceId, logoId: { not: null } }, data: { logoId: null } });
    if (count === 0) return { removed: false };
    await recordAuditEvent({ type: "settings.changed", workspaceId: actor.workspaceId, userId: actor.userId, detail: { changes: [{ field: "Logo", from: "an image", to: "none" }] } }, tx);
    return { removed: true };
  });
}
