import { preflight } from "@/lib/http/cors";
import { publicJson } from "@/lib/http/public-json";
import { authorizationServerMetadata } from "@/lib/oauth/metadata";

export const dynamic = "force-dynamic";

export function GET() {
  return publicJson(authorizationServerMetadata());
}

export const OPTIONS = preflight;
