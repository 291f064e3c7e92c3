/**
 * The MCP server for one request (stateless: any app instance can serve any request). Built
 * on the SDK's low-level Server so tools/list can show exactly what this connection may use
 * now and tools/call can say precisely why something is refused.
 */
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv-provider.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { Connection } from "@/lib/oauth/protected-resource/resolve-connection";
import type { CallCheck } from "./call-checks";
import { callTool } from "./call-tool";
import { findTool, TOOL_CATALOG } from "./tool-catalog";
import { toolListing } from "./tool-schemas";
import { serverInstructions, SERVER_NAME, SERVER_VERSION } from "./server-info";

// Only used for elicitation, which we never send; one instance instead of a new Ajv per request.
const jsonSchemaValidator = new AjvJsonSchemaValidator();

export function createMcpServer(connection: Connection, check: CallCheck): Server {
  const server = new Server(
    { name: SERVER_NAME, title: "Hourbook", version: SERVER_VERSION },
    { capabilities: { tools: { listChanged: false } }, instructions: serverInstructions(connection.workspaceName), jsonSchemaValidator },
  );

  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: TOOL_CATALOG.filter((tool) => !check(tool)).map(toolListing),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = findTool(request.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}. Call tools/list to see the tools available.`);
    return callTool(tool, connection, request.params.arguments, check(tool));
  });

  return server;
}
