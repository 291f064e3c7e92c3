import { CORS_HEADERS } from "./cors";

/** A public, cacheable, cross-origin JSON document (discovery metadata, JWKS). */
export function publicJson(body: unknown, maxAgeSeconds = 300): Response {
  return Response.json(body, { headers: { ...CORS_HEADERS, "Cache-Control": `public, max-age=${maxAgeSeconds}` } });
}
