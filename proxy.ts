/**
 * Next's request proxy (formerly middleware). It tells server components which page was
 * asked for, so a signed-out visitor can be sent back there after signing in, and refuses a
 * cross-site server action with 403 before Next's action handler would answer 500 (see
 * lib/http/server-action-origin.ts). No authentication happens here; pages check the session
 * themselves.
 */
import { NextResponse, type NextRequest } from "next/server";
import { htmlErrorPage } from "@/lib/http/html-error-page";
import { REQUESTED_PATH_HEADER } from "@/lib/http/requested-path";
import { isCrossSiteServerAction } from "@/lib/http/server-action-origin";

export function proxy(request: NextRequest) {
  if (isCrossSiteServerAction(request.method, request.headers)) {
    return htmlErrorPage(403, "Request refused", "This form was not sent from Hourbook's own pages.", "csrf");
  }
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

// Literal values only: Next reads this object at build time. Server-action matchers cover pages
// only: route handlers (the API, /mcp, the OAuth endpoints) never run server actions, and the
// proxy stays off their hot paths.
export const config = {
  matcher: [
    "/w/:path*",
    "/account/:path*",
    "/developers/:path*",
    // Anything Next may take for a server action: a Next-Action header, or a multipart form post.
    { source: "/((?!_next/|api/|mcp|\\.well-known/|oauth/(?:token|register|revoke|jwks)).*)", has: [{ type: "header", key: "next-action" }] },
    {
      source: "/((?!_next/|api/|mcp|\\.well-known/|oauth/(?:token|register|revoke|jwks)).*)",
      has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }],
    },
  ],
};
