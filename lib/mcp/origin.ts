/**
 * DNS-rebinding defence (MCP transports, Streamable HTTP §Security): a browser request must
 * come from our own origin or from a page on this machine (MCP Inspector and similar local
 * tools); other sites are refused. Requests without Origin (servers, CLIs) pass: they carry
 * a bearer token and no cookies.
 */
import { env } from "@/lib/env";
import { isLoopbackHost } from "@/lib/oauth/redirect-uri";

export function isAllowedOrigin(origin: string | null): boolean {
  if (!origin) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === new URL(env.APP_URL).origin) return true;
  return (url.protocol === "http:" || url.protocol === "https:") && isLoopbackHost(url.hostname);
}
