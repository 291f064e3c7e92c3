/**
 * The MCP server for one request (stateless: any app instance can serve any request), for either
 * protocol era: createMcpHandler (handle-mcp-request.ts) calls it for 2026-07-28 requests, the
 * legacy leg for 2025-era ones. Built on the SDK's low-level Server so tools/list can show exactly
 * what this connection may use now and tools/call can say precisely why something is refused.
 */
import { type CacheHint, type JSONRPCRequest, ProtocolError, ProtocolErrorCode, type Result, Server, type ServerContext } from "@modelcontextprotocol/server";
import type { Connection } from "@/lib/oauth/protected-resource/resolve-connection";
import type { CallCheck } from "./call-checks";
import { callTool } from "./call-tool";
import { declaresFormElicitation, requestStateCodec } from "./confirm-by-elicitation";
import { findTool, TOOL_CATALOG } from "./tool-catalog";
import { toolListing } from "./tool-schemas";
import { serverInstructions, SERVER_NAME, SERVER_VERSION } from "./server-info";

/**
 * Cache hints of the 2026-07-28 revision (server/utilities/caching): `private`, because the tool
 * list depends on the grant's scopes, the user's role and the workspace's billing state, and the
 * discover result names the workspace. A minute keeps a revoked or downgraded tool from
 * lingering in a client's list for long (tools/call checks again anyway).
 */
const PRIVATE_MINUTE: CacheHint = { ttlMs: 60_000, cacheScope: "private" };

export function createMcpServer(connection: Connection, check: CallCheck): Server {
  const codec = requestStateCodec(connection);
  const server = new HourbookServer(
    { name: SERVER_NAME, title: "Hourbook", version: SERVER_VERSION },
    {
      capabilities: { tools: { listChanged: false } },
      instructions: serverInstructions(connection.workspaceName),
      cacheHints: { "tools/list": PRIVATE_MINUTE, "server/discover": PRIVATE_MINUTE },
      // A requestState that fails the HMAC, has expired or was minted for another grant or user is -32602.
      requestState: { verify: codec.verify },
    },
  );

  server.setRequestHandler("tools/list", async () => ({
    tools: TOOL_CATALOG.filter((tool) => !check(tool)).map(toolListing),
  }));

  server.setRequestHandler("tools/call", async (request, ctx) => {
    const tool = findTool(request.params.name);
    if (!tool) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown tool: ${request.params.name}. Call tools/list to see the tools available.`);
    const elicitation = declaresFormElicitation(ctx)
      ? { inputResponses: ctx.mcpReq.inputResponses, state: ctx.mcpReq.requestState<Awaited<ReturnType<typeof codec.verify>>>(), codec, ctx }
      : undefined;
    return callTool(tool, connection, request.params.arguments, check(tool), elicitation);
  });

  return server;
}

type Handler = (request: JSONRPCRequest, ctx: ServerContext) => Promise<Result>;

/**
 * The SDK's Server, with a tools/call whose malformed params (no `name`, `arguments` that are not
 * an object) are refused with -32602 and one plain sentence instead of the SDK's validator dump.
 */
class HourbookServer extends Server {
  protected override _wrapHandler(method: string, handler: Handler): Handler {
    const wrapped = super._wrapHandler(method, handler);
    if (method !== "tools/call") return wrapped;
    return async (request, ctx) => {
      const problem = toolCallParamsProblem(request.params);
      if (problem) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Invalid tools/call params: ${problem}.`);
      return wrapped(request, ctx);
    };
  }
}

function toolCallParamsProblem(params: JSONRPCRequest["params"]): string | null {
  if (typeof params?.name !== "string") return "name must be the name of a tool (a string)";
  const args = params.arguments;
  if (args !== undefined && (args === null || typeof args !== "object" || Array.isArray(args))) return "arguments must be an object";
  return null;
}
