/** Every MCP tool, in the order tools/list shows them. Tool names are a public contract. */
import { createClient } from "./tools/create-client";
import { deleteTimeEntry } from "./tools/delete-time-entry";
import { getProfile } from "./tools/get-profile";
import { getWorkspace } from "./tools/get-workspace";
import { listClients } from "./tools/list-clients";
import { sendInvoice } from "./tools/send-invoice";
import type { McpTool } from "./tool";

export const TOOL_CATALOG: readonly McpTool[] = [getProfile, getWorkspace, listClients, createClient, sendInvoice, deleteTimeEntry] as unknown as McpTool[];

const BY_NAME = new Map(TOOL_CATALOG.map((tool) => [tool.name, tool]));

export function findTool(name: string): McpTool | undefined {
  return BY_NAME.get(name);
}
