/**
 * `WWW-Authenticate: Bearer` challenges for the protected resources (RFC 6750 §3, RFC 9728
 * §5.1): every 401 and 403 points at the resource's metadata so a client can (re)discover
 * the authorization server, and `insufficient_scope` names the scope that would fix it.
 */
const quote = (value: string) => `"${value.replace(/["\\]/g, "")}"`;

export function bearerChallenge(options: { resourceMetadataUrl: string; error?: string | null; description?: string; scope?: string }): string {
  const parts = [`resource_metadata=${quote(options.resourceMetadataUrl)}`];
  if (options.error) parts.unshift(`error=${quote(options.error)}`);
  if (options.description) parts.push(`error_description=${quote(options.description)}`);
  if (options.scope) parts.push(`scope=${quote(options.scope)}`);
  return `Bearer ${parts.join(", ")}`;
}
