/**
 * CORS for the endpoints browser-based OAuth/MCP clients call cross-origin: metadata,
 * token, register, revoke. No cookies are involved (credentials are not allowed), so an
 * open origin is safe; WWW-Authenticate is exposed so clients can read discovery hints. Mcp-Method
 * and Mcp-Name are the standard request headers of MCP 2026-07-28 (transports, "Request Metadata"),
 * and the DPoP proof header (RFC 9449) may be sent to the token endpoint and /mcp.
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, DPoP, Content-Type, MCP-Protocol-Version, Mcp-Method, Mcp-Name, Mcp-Session-Id, Last-Event-ID",
  "Access-Control-Expose-Headers": "WWW-Authenticate, Mcp-Session-Id, MCP-Protocol-Version",
  "Access-Control-Max-Age": "600",
};

/** The answer to a CORS preflight. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

/**
 * CORS for an endpoint that admits only some browser origins (/mcp): an allowed Origin is
 * echoed, never `*`, with `Vary: Origin` so no cache hands one origin's answer to another; a
 * request without Origin gets no Access-Control-Allow-Origin at all (it is no browser's).
 */
export function corsHeadersForOrigin(origin: string | null): Record<string, string> {
  const { "Access-Control-Allow-Origin": _any, ...rest } = CORS_HEADERS;
  return origin === null ? { Vary: "Origin" } : { ...rest, "Access-Control-Allow-Origin": origin, Vary: "Origin" };
}

/** A preflight (Fetch standard §3.2.2) that agrees with the endpoint: a refused Origin gets 403 and no CORS headers. */
export function preflightForOrigin(origin: string | null, allowed: boolean): Response {
  if (!allowed) return new Response(null, { status: 403, headers: { Vary: "Origin" } });
  return new Response(null, { status: 204, headers: corsHeadersForOrigin(origin) });
}
