import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { developerAppNotFound, ownedAppWhere } from "@/lib/domain/developer-apps/developer-app-view";
import { conflict, invalidInput } from "@/lib/domain/errors";
import { replaceClientSecret } from "./authenticate-client";

/**
 * Issues a new secret for one of the owner's confidential apps and returns it, once. The old
 * secret stops working at once: only the new hash is kept. Of two rotations at once (a double
 * click, two tabs) one wins and the other is refused, so no secret is shown that no longer works.
 */
export async function rotateDeveloperAppSecret(owner: { id: string }, appId: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const app = await tx.oAuthClient.findFirst({ where: ownedAppWhere(owner, appId), select: { id: true, name: true, tokenEndpointAuthMethod: true, secretHash: true } });
    if (!app) throw developerAppNotFound();
    if (app.tokenEndpointAuthMethod === "none") throw invalidInput(`${app.name} is a public app: it has no client secret to rotate.`);
    const secret = await replaceClientSecret(app.id, app.secretHash, tx);
    if (secret === null) throw conflict(`The secret of ${app.name} was rotated a moment ago by another request. Rotate again to get a secret you can see.`);
    await recordAuditEvent({ type: "app.secret_rotated", userId: owner.id, clientId: app.id, detail: { name: app.name } }, tx);
    return secret;
  });
}
