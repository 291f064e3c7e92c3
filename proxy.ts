/**
 * Next's request proxy (formerly middleware). It does one thing: tells server components
 * which page was asked for, so a signed-out visitor can be sent back there after signing in.
 * No authentication happens here; pages check the session themselves.
 */
import { NextResponse, type NextRequest } from "next/server";

export const REQUESTED_PATH_HEADER = "x-hourbook-requested-path";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/w/:path*", "/account/:path*", "/developers/:path*"] };
