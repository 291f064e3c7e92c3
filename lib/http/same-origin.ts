import { env } from "@/lib/env";

/**
 * CSRF defence for cookie-authenticated form posts: browsers send Origin on POST, and it must
 * be our own. (Sec-Fetch-Site is checked too where sent.)
 */
export function isSameOriginPost(request: Request): boolean {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  return origin === new URL(env.APP_URL).origin;
}
