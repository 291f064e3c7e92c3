/**
 * Scopes as the wire carries them: a space-separated `scope` parameter (RFC 6749 §3.3) read
 * into the catalogue's scopes (lib/domain/integrations/scopes.ts), and every refusal answered
 * as `invalid_scope`.
 */
import { isScope, orderScopes, scopeRequestProblem, type ResourceKind, type Scope } from "@/lib/domain/integrations/scopes";
import { invalidScope } from "./errors";

/**
 * Scopes clients with OpenID Connect habits send: `openid` (we issue no ID tokens) and
 * `offline_access` (OIDC Core §11; refresh tokens are issued anyway, OAuth 2.1 §4.3). Accepted
 * wherever a scope is parsed and then dropped: never granted, echoed in a token response,
 * advertised in scopes_supported (RFC 8414 §2, RFC 9728 §2: they grant nothing here, and
 * listing `openid` would promise OIDC) or named in a WWW-Authenticate challenge.
 */
export const IGNORED_SCOPES: ReadonlySet<string> = new Set(["openid", "offline_access"]);

/**
 * Parses a space-separated scope string (RFC 6749 §3.3) into our scopes: ignored scopes are
 * dropped, unknown ones are refused by name.
 */
export function parseScope(value: string | null | undefined): Scope[] {
  const parts = (value ?? "").split(" ").filter((p) => p && !IGNORED_SCOPES.has(p));
  const unknown = parts.filter((p) => !isScope(p));
  if (unknown.length) throw invalidScope(`Unknown scope${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`);
  return orderScopes(parts as Scope[]);
}

/**
 * A request's `scope` parameter: undefined when absent or when it names only ignored scopes
 * (`scope=openid offline_access` asks for nothing of ours, so the default applies as if it
 * were omitted, RFC 6749 §3.3); otherwise parsed by parseScope.
 */
export function parseRequestedScope(value: string | undefined): Scope[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(" ").filter(Boolean);
  if (parts.length > 0 && parts.every((p) => IGNORED_SCOPES.has(p))) return undefined;
  return parseScope(value);
}

/** Refuses a requested scope set the resource cannot grant (scopeRequestProblem) with `invalid_scope`. */
export function assertValidScopeRequest(scopes: readonly Scope[], kind: ResourceKind): void {
  const problem = scopeRequestProblem(scopes, kind);
  if (problem) throw invalidScope(problem);
}
