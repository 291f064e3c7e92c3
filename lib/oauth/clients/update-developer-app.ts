import "server-only";
import { db } from "@/lib/db";
import { developerAppNotFound, LIVE_CONNECTIONS, ownedAppWhere, toDeveloperApp, type DeveloperApp } from "@/lib/domain/developer-apps/developer-app-view";
import { formatScope } from "@/lib/domain/integrations/scopes";
import { parseDeveloperAppChanges, type DeveloperAppSettingsInput } from "./developer-app-settings";

/**
 * Changes an app's name, redirect URIs and allowed scopes, validated as on creation against
 * the resources it was registered for. New authorizations see the change; existing grants
 * keep what their users approved.
 */
export async function updateDeveloperApp(
  owner: { id: string },
  appId: string,
  input: Omit<DeveloperAppSettingsInput, "resources">,
): Promise<DeveloperApp> {
  return db.$transaction(async (tx) => {
    const current = await tx.oAuthClient.findFirst({ where: ownedAppWhere(owner, appId), include: LIVE_CONNECTIONS });
    if (!current) throw developerAppNotFound();
    const settings = parseDeveloperAppChanges(input, toDeveloperApp(current).resources);
    const updated = await tx.oAuthClient.update({
      where: { id: current.id },
      data: { name: settings.name, redirectUris: settings.redirectUris, allowedScopes: formatScope(settings.scopes) },
      include: LIVE_CONNECTIONS,
    });
    return toDeveloperApp(updated);
  });
}
