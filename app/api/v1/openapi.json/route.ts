import { preflight } from "@/lib/http/cors";
import { publicJson } from "@/lib/http/public-json";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

export function GET() {
  return publicJson(openApiDocument());
}

export const OPTIONS = preflight;
