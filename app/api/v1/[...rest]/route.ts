import { problem, problemResponse } from "@/lib/api/problem";

export const dynamic = "force-dynamic";

function notFound(request: Request) {
  return problemResponse(problem("not_found", `There is no endpoint ${request.method} ${new URL(request.url).pathname}. See /api/v1/openapi.json.`));
}

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };
