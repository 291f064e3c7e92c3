import { preflight } from "@/lib/http/cors";
import { publicJson } from "@/lib/http/public-json";
import { protectedResourceMetadata } from "@/lib/oauth/metadata";

export const dynamic = "force-dynamic";

export function GET() {
  return publicJson(protectedResourceMetadata("mcp"));
}

export const OPTIONS = preflight;
