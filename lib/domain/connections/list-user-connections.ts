/** Account → Integrations: every connection the signed-in person approved, in any workspace, by app. */
import { groupByApp, loadConnections, loadIdleEndedConnections, type AppConnections, type ConnectionView } from "./connection-view";

export async function listUserConnections(userId: string): Promise<ConnectionView[]> {
  return loadConnections({ userId });
}

/** The person's connections grouped by app: each installation live, and those that recently ended unused. */
export async function listUserAppConnections(userId: string): Promise<AppConnections[]> {
  const live = await loadConnections({ userId });
  return groupByApp(live, await loadIdleEndedConnections({ userId }));
}
