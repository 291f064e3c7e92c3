import { checkHealth, healthStatusCode } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const health = await checkHealth();
  const strict = new URL(request.url).searchParams.has("strict");
  return Response.json(health, { status: healthStatusCode(health, strict), headers: { "Cache-Control": "no-store" } });
}
