import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { developerAppNotFound, ownedAppWhere } from "@/lib/domain/developer-apps/developer-app-view";
import { invalidInput } from "@/lib/domain/errors";
import { rotateClientSecret } from "./authenticate-client";

/**
 * Issues a new secret for one of the owner's confidential apps and returns it, once. The old
 * secret stops working at once: only the new hash is kept.
 */
export async function rotateDeveloperAppSecret(owner: { id: string }, appId: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const app = await tx.oAuthClient.findFirst({ where: ownedAppWhere(owner, appId), select: { id: true, name: true, tokenEndpointAuthMethod: true } });
    if (!app) throw developerAppNotFound();
    if (app.tokenEndpointAuthMethod === "none") throw invalidInput(`${app.name} is a public app: it has no client secret to rotate.`);
    const secret = await rotateClientSecret(app.id, tx);
    await recordAuditEvent({ type: "app.secret_rotated", userId: owner.id, clientId: app.id, detail: { name: app.name } }, tx);
    return secret;
  });
}
