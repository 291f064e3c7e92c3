/** Every MCP tool, in the order tools/list shows them: reads, then writes, each grouped by entity. Tool names are a public contract. */
import type { McpTool } from "./tool";
import { TOOLS } from "./tools";

const all = Object.values(TOOLS) as unknown as McpTool[];
export const TOOL_CATALOG: readonly McpTool[] = [...all.filter((t) => t.effect === "read"), ...all.filter((t) => t.effect !== "read")];

const BY_NAME = new Map(TOOL_CATALOG.map((tool) => [tool.name, tool]));

export function findTool(name: string): McpTool | undefined {
  return BY_NAME.get(name);
}
