/**
 * Hourbook's two doors for connected apps, the MCP server and the REST API: the protected
 * resources the authorization server issues tokens for (RFC 8707 resource indicators, RFC 9728
 * protected resource metadata). URLs come from the configured public base URL,
 * never from the request.
 */
import { env } from "@/lib/env";
import type { ResourceKind } from "./scopes";

export interface ProtectedResource {
  kind: ResourceKind;
  /** The exact resource identifier, also the `aud` of its tokens. */
  url: string;
  /** Where its RFC 9728 metadata document is served. */
  metadataUrl: string;
  label: string;
}

export function protectedResource(kind: ResourceKind): ProtectedResource {
  const path = kind === "mcp" ? "/mcp" : "/api";
  return {
    kind,
    url: `${env.APP_URL}${path}`,
    metadataUrl: `${env.APP_URL}/.well-known/oauth-protected-resource${path}`,
    label: kind === "mcp" ? "AI assistant (MCP)" : "REST API",
  };
}

export function issuer(): string {
  return env.APP_URL;
}

/**
 * Which resource a `resource` parameter names; a trailing slash is tolerated (clients differ
 * in how they canonicalise). Anything else is not ours: null.
 */
export function resolveResource(value: string): ProtectedResource | null {
  const trimmed = value.replace(/\/+$/, "");
  for (const kind of ["mcp", "api"] as const) {
    if (protectedResource(kind).url === trimmed) return protectedResource(kind);
  }
  return null;
}
