/**
 * `WWW-Authenticate` challenges for the protected resources (RFC 6750 §3, RFC 9728 §5.1): every
 * 401 and 403 points at the resource's metadata so a client can (re)discover the authorization
 * server, and `insufficient_scope` names the scope that would fix it. A refusal about a DPoP-bound
 * token or its proof uses the DPoP scheme instead, naming the proof algorithms (RFC 9449 §7.1).
 */
import { DPOP_SIGNING_ALGS } from "../dpop/validate-dpop-proof";

const quote = (value: string) => `"${value.replace(/["\\]/g, "")}"`;

export function bearerChallenge(options: { resourceMetadataUrl: string; error?: string | null; description?: string; scope?: string; scheme?: "Bearer" | "DPoP" }): string {
  const parts = [`resource_metadata=${quote(options.resourceMetadataUrl)}`];
  if (options.error) parts.unshift(`error=${quote(options.error)}`);
  if (options.description) parts.push(`error_description=${quote(options.description)}`);
  if (options.scope) parts.push(`scope=${quote(options.scope)}`);
  if (options.scheme === "DPoP") parts.push(`algs=${quote(DPOP_SIGNING_ALGS.join(" "))}`);
  return `${options.scheme ?? "Bearer"} ${parts.join(", ")}`;
}
