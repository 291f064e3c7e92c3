/** The benchmark's bare MCP server (lib/mcp/bench/bare-mcp-route.ts): a 404 unless HOURBOOK_BENCH_ROUTES=1. */
import { handleBareMcpRequest } from "@/lib/mcp/bench/bare-mcp-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = handleBareMcpRequest;
export const GET = handleBareMcpRequest;
export const DELETE = handleBareMcpRequest;
