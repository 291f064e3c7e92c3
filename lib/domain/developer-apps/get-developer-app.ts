import "server-only";
import { db } from "@/lib/db";
import { developerAppNotFound, LIVE_CONNECTIONS, ownedAppWhere, toDeveloperApp, type DeveloperApp } from "./developer-app-view";

/** One of the user's developer apps; another user's app is not found. */
export async function getDeveloperApp(owner: { id: string }, appId: string): Promise<DeveloperApp> {
  const row = await db.oAuthClient.findFirst({ where: ownedAppWhere(owner, appId), include: LIVE_CONNECTIONS });
  if (!row) throw developerAppNotFound();
  return toDeveloperApp(row);
}
