/**
 * A route file's handlers for every method: the declared endpoints, and a problem+json 405
 * (with `Allow`) for the rest, instead of Next's bare 405 for methods a file does not export.
 */
import type { ApiEndpoint, HttpMethod } from "./endpoint";
import { apiRoute } from "./api-route";
import { problem, problemResponse } from "./problem";

/** Marks the generated handlers (the 405s and OPTIONS), so tests can tell them from real endpoints. */
export const METHOD_NOT_ALLOWED = Symbol.for("hourbook.api.methodNotAllowed");

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const satisfies readonly HttpMethod[];

type Handler = ReturnType<typeof apiRoute>;

export function apiMethods(endpoints: Partial<Record<HttpMethod, ApiEndpoint>>): Record<(typeof METHODS)[number] | "OPTIONS", Handler> {
  const allow = METHODS.filter((m) => endpoints[m]).join(", ");
  // OPTIONS names what the path really serves (RFC 9110 §9.3.7), not every method the file exports.
  const options: Handler = Object.assign(async () => new Response(null, { status: 204, headers: { Allow: `${allow}, OPTIONS` } }), { [METHOD_NOT_ALLOWED]: true });
  const notAllowed: Handler = Object.assign(
    async (request: Request) =>
      problemResponse(problem("method_not_allowed", `${request.method} is not supported on ${new URL(request.url).pathname}; use ${allow}.`), { Allow: allow }),
    { [METHOD_NOT_ALLOWED]: true },
  );
  const handlers = Object.fromEntries(METHODS.map((m) => {
    const endpoint = endpoints[m];
    return [m, endpoint ? apiRoute(endpoint) : notAllowed];
  })) as Record<(typeof METHODS)[number], Handler>;
  return { ...handlers, OPTIONS: options };
}
