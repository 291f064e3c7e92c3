import { preflight } from "@/lib/http/cors";
import { publicJson } from "@/lib/http/public-json";
import { protectedResourceMetadata } from "@/lib/oauth/metadata";

export const dynamic = "force-dynamic";

/** Clients that discover from the origin get the MCP server's document (the main resource). */
export function GET() {
  return publicJson(protectedResourceMetadata("mcp"));
}

export const OPTIONS = preflight;
