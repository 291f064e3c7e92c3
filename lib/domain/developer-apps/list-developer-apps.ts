import "server-only";
import { db } from "@/lib/db";
import { LIVE_CONNECTIONS, ownedAppsWhere, toDeveloperApp, type DeveloperAppSummary } from "./developer-app-view";

/** The signed-in user's developer apps, newest first, each with its number of live connections. */
export async function listDeveloperApps(owner: { id: string }): Promise<DeveloperAppSummary[]> {
  const rows = await db.oAuthClient.findMany({ where: ownedAppsWhere(owner), orderBy: [{ createdAt: "desc" }, { id: "asc" }], include: LIVE_CONNECTIONS });
  return rows.map((row) => {
    const { id, name, clientType, tokenEndpointAuthMethod, resources, createdAt, liveConnections } = toDeveloperApp(row);
    return { id, name, clientType, tokenEndpointAuthMethod, resources, createdAt, liveConnections };
  });
}
