import { preflight } from "@/lib/http/cors";
import { publicJson } from "@/lib/http/public-json";
import { publishedKeys } from "@/lib/oauth/signing-keys";

export const dynamic = "force-dynamic";

export async function GET() {
  return publicJson(await publishedKeys(), 60);
}

export const OPTIONS = preflight;
