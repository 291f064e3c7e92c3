import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { LIVE_CONNECTIONS, toDeveloperApp, type DeveloperApp } from "@/lib/domain/developer-apps/developer-app-view";
import { formatScope } from "@/lib/domain/integrations/scopes";
import { hashToken, newOpaqueToken, PREFIX } from "../secrets";
import { parseNewDeveloperApp, type NewDeveloperAppInput } from "./developer-app-settings";

export interface CreatedDeveloperApp {
  app: DeveloperApp;
  /** A confidential app's secret, returned this once; only its hash is stored (RFC 6749 §10.1). */
  clientSecret: string | null;
}

/** Registers a developer app owned by `owner`: a pre-registered client (RFC 6749 §2). */
export async function createDeveloperApp(owner: { id: string }, input: NewDeveloperAppInput): Promise<CreatedDeveloperApp> {
  const settings = parseNewDeveloperApp(input);
  const clientSecret = settings.tokenEndpointAuthMethod === "none" ? null : newOpaqueToken(PREFIX.clientSecret);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.oAuthClient.create({
      data: {
        id: newOpaqueToken(PREFIX.clientId, 16),
        kind: "developer_app",
        ownerUserId: owner.id,
        name: settings.name,
        redirectUris: settings.redirectUris,
        tokenEndpointAuthMethod: settings.tokenEndpointAuthMethod,
        secretHash: clientSecret ? hashToken(clientSecret) : null,
        secretIssuedAt: clientSecret ? new Date() : null,
        allowedScopes: formatScope(settings.scopes),
        allowedResources: settings.resources,
      },
      include: LIVE_CONNECTIONS,
    });
    await recordAuditEvent(
      {
        type: "app.created",
        userId: owner.id,
        clientId: created.id,
        detail: { name: settings.name, authMethod: settings.tokenEndpointAuthMethod, resources: settings.resources, scope: formatScope(settings.scopes) },
      },
      tx,
    );
    return created;
  });
  return { app: toDeveloperApp(row), clientSecret };
}
