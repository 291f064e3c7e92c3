/** Workspace settings → Integrations: every live connection into the workspace, by any member. */
import { assertCan, type Actor } from "@/lib/domain/actor";
import { loadConnections, type ConnectionView } from "./connection-view";

export async function listWorkspaceConnections(actor: Actor): Promise<ConnectionView[]> {
  assertCan(actor, "members:manage", "see connections");
  return loadConnections({ workspaceId: actor.workspaceId });
}
