/**
 * Whether a connection may use a tool right now: granted scope (after the workspace's access
 * ceiling) ∩ the member's role ∩ what billing allows. tools/list shows only usable tools;
 * tools/call re-checks and says which condition failed.
 */
import { can } from "@/lib/domain/actor";
import { scopesAllow } from "@/lib/domain/integrations/scopes";
import type { Connection } from "@/lib/integrations/resolve-connection";
import type { McpTool } from "./tool";

export type ToolBlock = { kind: "scope"; scope: string } | { kind: "role"; message: string } | { kind: "billing"; message: string };

export function toolBlock(tool: McpTool, connection: Connection): ToolBlock | null {
  if (!scopesAllow(connection.scopes, tool.scope)) return { kind: "scope", scope: tool.scope };
  if (tool.permission && !can(connection.actor, tool.permission)) {
    return { kind: "role", message: `Your role in this workspace (${connection.actor.role}) does not allow ${tool.name}.` };
  }
  if (tool.access !== "read" && connection.writeRefusal) return { kind: "billing", message: connection.writeRefusal };
  return null;
}
