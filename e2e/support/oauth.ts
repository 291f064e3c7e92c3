/**
 * Plain OAuth helpers for the end-to-end specs: PKCE pairs, authorization URLs, client
 * registration and token requests over real HTTP against the server under test.
 */
import { createHash, randomBytes } from "node:crypto";
import { expect } from "@playwright/test";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";

/** Where every redirect of these specs goes. Nothing listens: the browser's request is intercepted. */
export const CALLBACK_PORT = 47_291;
export const REDIRECT_URI = `http://127.0.0.1:${CALLBACK_PORT}/callback`;

export interface Pkce {
  verifier: string;
  challenge: string;
}

/** RFC 7636 §4.1–4.2: a 43-character verifier and its S256 challenge. */
export function newPkce(): Pkce {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function newState(): string {
  return randomBytes(12).toString("base64url");
}

export interface AuthorizeParams {
  clientId: string;
  challenge: string;
  state: string;
  scope?: string;
  resource?: string;
  redirectUri?: string;
}

/** An RFC 6749 §4.1.1 authorization request URL (with PKCE and an RFC 8707 resource). */
export function authorizeUrl(appUrl: string, params: AuthorizeParams): string {
  const url = new URL("/oauth/authorize", appUrl);
  const query: Record<string, string> = {
    response_type: "code",
    client_id: params.clientId,
    redirect_uri: params.redirectUri ?? REDIRECT_URI,
    code_challenge: params.challenge,
    code_challenge_method: "S256",
    scope: params.scope ?? "hourbook:read",
    resource: params.resource ?? `${appUrl}/mcp`,
    state: params.state,
  };
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

export interface RegisteredClientInfo {
  client_id: string;
  client_secret?: string;
  client_secret_expires_at?: number;
  token_endpoint_auth_method: string;
  client_name: string;
  redirect_uris: string[];
}

/** RFC 7591 §3: registers a client and expects 201. */
export async function registerClient(appUrl: string, metadata: Record<string, unknown>): Promise<RegisteredClientInfo> {
  const response = await fetch(`${appUrl}/oauth/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ redirect_uris: [REDIRECT_URI], ...metadata }),
  });
  const body = (await response.json()) as RegisteredClientInfo;
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body;
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
  scope: string;
}

export interface OAuthAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** POSTs an application/x-www-form-urlencoded request to an OAuth endpoint. */
export async function postForm<T = Record<string, unknown>>(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<OAuthAnswer<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as T };
}

/** RFC 6749 §2.3.1: Basic credentials are the form-url-encoded id and secret. */
export function basicAuthorization(clientId: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replaceAll("%20", "+");
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString("base64")}`;
}

export interface VerifiedAccessToken {
  header: { alg?: string; typ?: string; kid?: string };
  claims: JWTPayload & { client_id?: string; scope?: string; workspace_id?: string; grant_id?: string };
}

/**
 * Verifies an access token the way a resource server would (RFC 9068 §4): signature against
 * the published JWKS, `typ: at+jwt`, issuer and the exact audience.
 */
export async function verifyAccessToken(appUrl: string, token: string, audience: string): Promise<VerifiedAccessToken> {
  const keys = createRemoteJWKSet(new URL("/oauth/jwks", appUrl));
  const { payload, protectedHeader } = await jwtVerify(token, keys, { issuer: appUrl, audience, typ: "at+jwt" });
  return { header: protectedHeader, claims: payload };
}
