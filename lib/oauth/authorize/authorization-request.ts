/**
 * Validating GET /oauth/authorize in the two phases OAuth 2.1 §4.1.2.1 requires (the MCP
 * SDK's authorize handler is the model). Phase one — client and redirect URI — is answered
 * on our own page and never redirected, so we are not an open redirector. Every later
 * problem goes back to the client's redirect URI as `error`, `state` and `iss` (RFC 9207).
 *
 * Repeated parameters (RFC 6749 §3.1 "MUST NOT be included more than once") follow the same
 * split: a repeated client_id or redirect_uri cannot be validated, so it is a page error; any
 * other repeated parameter is redirected back, `resource` as `invalid_target` (RFC 8707 §2:
 * a grant here is bound to one resource) and the rest as `invalid_request`. A repeated `state`
 * echoes its first (non-empty) value, the one URLSearchParams.get and most client libraries
 * read back, so the client can still match the error to its request; echoing none would leave
 * a client that checks state unable to tell the error was for it.
 */
import { protectedResource, resolveResource, type ProtectedResource } from "@/lib/domain/integrations/resources";
import { scopesAllow, type Scope } from "@/lib/domain/integrations/scopes";
import { findClient } from "../clients/find-client";
import type { RegisteredClient } from "../clients/registered-client";
import { OAuthError, invalidClient, invalidRedirectUri, invalidRequest, invalidScope, invalidTarget } from "../errors";
import { CODE_CHALLENGE } from "../pkce";
import { redirectUriMatches } from "../redirect-uri";
import { assertValidScopeRequest, parseRequestedScope, parseScope } from "../scopes";

/** An authorize query as RFC 6749 §3.1 reads it: empty values count as absent. */
export interface AuthorizeParams {
  /** Each parameter's first non-empty value. */
  values: Map<string, string>;
  /** Names that occur more than once, in the order first seen. */
  repeated: string[];
}

export function readAuthorizeParams(query: URLSearchParams): AuthorizeParams {
  const values = new Map<string, string>();
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const [key, value] of query) {
    if (value === "") continue;
    if (seen.has(key)) {
      if (!repeated.includes(key)) repeated.push(key);
    } else {
      seen.add(key);
      values.set(key, value);
    }
  }
  return { values, repeated };
}

/** Never validated, so a repeat cannot be redirected anywhere. */
const PHASE_ONE_PARAMETERS = ["client_id", "redirect_uri"];

export interface ClientAndRedirect {
  client: RegisteredClient;
  /** Where the response goes: the redirect_uri sent, or the only registered one. */
  redirectUri: string;
  /** Whether the request carried redirect_uri, which the token request must then repeat (RFC 6749 §4.1.3). */
  redirectUriSent: boolean;
  state: string | undefined;
}

/**
 * Phase one: a known client and one of its registered redirect URIs. Its errors are answered
 * on our own page (answer-authorization-error.ts): nothing here is validated to redirect to.
 * A metadata-document client that cannot be fetched is refused by findClient as invalid_client.
 */
export async function validateClientAndRedirect(query: AuthorizeParams): Promise<ClientAndRedirect> {
  const unvalidated = query.repeated.find((name) => PHASE_ONE_PARAMETERS.includes(name));
  if (unvalidated) throw invalidRequest(`The ${unvalidated} parameter must not be repeated.`);
  const params = query.values;
  const clientId = params.get("client_id");
  if (!clientId) throw invalidRequest("The request has no client_id.");
  const client = await findClient(clientId);
  if (!client) throw invalidClient(`No application is registered with client_id ${clientId}.`);

  const requested = params.get("redirect_uri");
  // OAuth 2.1 §4.1.1: redirect_uri may be omitted only when exactly one is registered.
  const redirectUri = requested ?? (client.redirectUris.length === 1 ? client.redirectUris[0] : undefined);
  if (!redirectUri) throw invalidRequest("The request has no redirect_uri and the application registered several.");
  if (!client.redirectUris.some((registered) => redirectUriMatches(redirectUri, registered))) {
    throw invalidRedirectUri(`${redirectUri} is not a redirect URI registered for ${client.name}.`);
  }
  return { client, redirectUri, redirectUriSent: requested !== undefined, state: params.get("state") };
}

export interface ValidatedAuthorization extends ClientAndRedirect {
  resource: ProtectedResource;
  scopes: Scope[];
  codeChallenge: string;
}

/** Phase two: everything else. Its OAuthErrors go back to the client's redirect URI. */
export function validateAuthorizationParams(phaseOne: ClientAndRedirect, query: AuthorizeParams): ValidatedAuthorization {
  const { client } = phaseOne;
  const [repeated] = query.repeated;
  if (repeated === "resource") throw invalidTarget("Send one resource per authorization request; a connection is bound to one resource.");
  if (repeated) throw invalidRequest(`The ${repeated} parameter must not be repeated.`);
  const params = query.values;
  const responseType = params.get("response_type");
  if (!responseType) throw invalidRequest("response_type is required.");
  if (responseType !== "code") throw new OAuthError("unsupported_response_type", `response_type ${responseType} is not supported; use code.`);

  const challenge = params.get("code_challenge");
  const method = params.get("code_challenge_method");
  if (!challenge) throw invalidRequest("code_challenge is required (PKCE with S256).");
  if (method !== "S256") throw invalidRequest(method ? `code_challenge_method ${method} is not supported; use S256.` : "code_challenge_method is required and must be S256.");
  if (!CODE_CHALLENGE.test(challenge)) throw invalidRequest("code_challenge must be a base64url SHA-256 digest (43 characters).");

  const resourceParam = params.get("resource");
  const resource = resourceParam === undefined ? protectedResource("mcp") : resolveResource(resourceParam);
  if (!resource) throw invalidTarget(`${resourceParam} is not a resource of this server; use ${protectedResource("mcp").url} or ${protectedResource("api").url}.`);
  if (client.allowedResources && !client.allowedResources.includes(resource.kind)) {
    throw invalidTarget(`${client.name} is not registered for the ${resource.label}.`);
  }

  const scopes = parseRequestedScope(params.get("scope")) ?? defaultScopes(client);
  assertValidScopeRequest(scopes, resource.kind);
  if (client.allowedScopes) {
    const allowed = client.allowedScopes;
    const beyond = scopes.filter((s) => !scopesAllow(allowed, s));
    if (beyond.length) throw invalidScope(`${client.name} is not registered for ${beyond.join(", ")}.`);
  }
  return { ...phaseOne, resource, scopes, codeChallenge: challenge };
}

/** With no scope parameter: what a developer app registered, otherwise read-only access. */
function defaultScopes(client: RegisteredClient): Scope[] {
  return client.allowedScopes ?? parseScope("hourbook:read");
}

/** The redirect carrying an authorization response or error (RFC 6749 §4.1.2, RFC 9207 `iss`). */
export function authorizationResponseUrl(redirectUri: string, issuer: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  url.searchParams.set("iss", issuer);
  return url.toString();
}
