/**
 * Which browser origins may call /mcp: the DNS-rebinding defence of MCP Streamable HTTP
 * (§Security Warning: "Servers MUST validate the Origin header"). APP_URL's own origin always
 * may; beyond it, what the operator lists in HOURBOOK_ALLOWED_ORIGINS — by default `loopback`,
 * pages on this machine such as the MCP Inspector. Requests without Origin (servers, CLIs,
 * desktop apps) pass: they carry a bearer token and no cookies.
 *
 * The preflight and the request itself ask this one function, so a browser is never told by
 * CORS that it may send what the endpoint will then refuse.
 */
import { env } from "@/lib/env";
import { isLoopbackHost } from "@/lib/oauth/redirect-uri";

export function isAllowedOrigin(origin: string | null, allowed: readonly string[] = env.HOURBOOK_ALLOWED_ORIGINS): boolean {
  if (origin === null) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  // Compare the Origin header as sent: a browser serialises it, so anything else is no match.
  if (url.origin !== origin) return false;
  if (origin === new URL(env.APP_URL).origin) return true;
  if (allowed.includes("loopback") && isLoopbackHost(url.hostname)) return true;
  return allowed.includes(origin);
}
