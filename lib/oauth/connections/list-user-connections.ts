/** Account → Integrations: every live connection the signed-in person approved, in any workspace. */
import { loadConnections, type ConnectionView } from "./connection-view";

export async function listUserConnections(userId: string): Promise<ConnectionView[]> {
  return loadConnections({ userId });
}
