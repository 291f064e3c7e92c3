/**
 * CSRF for server actions, answered with a 403 instead of Next's 500. Next runs a server
 * action (a POST with a `Next-Action` header, or a multipart form post without JavaScript)
 * only when the Origin's host is the request's X-Forwarded-Host (its first value) or Host;
 * otherwise it throws "Invalid Server Actions request", which reaches the browser as a 500.
 * The proxy applies the same rule first, so a cross-site post is refused as what it is.
 * A POST without Origin passes, as in Next: browsers send Origin on every cross-site POST.
 */
export function isCrossSiteServerAction(method: string, headers: Headers): boolean {
  if (method !== "POST") return false;
  const multipart = (headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  if (!headers.has("next-action") && !multipart) return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return !host || originHost !== host;
}
