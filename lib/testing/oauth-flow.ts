/**
 * Drives the authorization server in integration tests the way a client would: register a
 * client, authorize (held request + consent approval), and call the token/revoke routes.
 */
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { POST as revokeRoute } from "@/app/oauth/revoke/route";
import { POST as tokenRoute } from "@/app/oauth/token/route";
import { protectedResource } from "@/lib/domain/integrations/resources";
import { handleAuthorizeRequest } from "@/lib/oauth/authorize/handle-authorize-request";
import { approveAuthorization } from "@/lib/oauth/authorize/decide-authorization";
import { s256 } from "@/lib/oauth/pkce";
import { hashToken } from "@/lib/oauth/secrets";
import type { TokenEndpointAuthMethod } from "@/lib/generated/prisma/enums";

export const REDIRECT_URI = "http://127.0.0.1:8765/callback";

export async function createTestClient(
  options: { authMethod?: TokenEndpointAuthMethod; secret?: string; redirectUris?: string[]; kind?: "dynamic" | "developer_app"; allowedScopes?: string | null } = {},
) {
  const id = `test-client-${randomBytes(6).toString("hex")}`;
  await db.oAuthClient.create({
    data: {
      id,
      kind: options.kind ?? "dynamic",
      name: "Test Assistant",
      redirectUris: options.redirectUris ?? [REDIRECT_URI],
      tokenEndpointAuthMethod: options.authMethod ?? "none",
      secretHash: options.secret ? hashToken(options.secret) : null,
      allowedScopes: options.allowedScopes ?? null,
    },
  });
  return id;
}

export function newVerifier(): string {
  return randomBytes(32).toString("base64url");
}

export interface AuthorizeOptions {
  clientId: string;
  userId: string;
  workspaceId: string;
  scope?: string;
  resource?: "mcp" | "api";
  verifier?: string;
  state?: string;
  /** The redirect_uri to send; null leaves it out (the client has one registered URI). */
  redirectUri?: string | null;
}

/** A valid authorization request's query (RFC 6749 §4.1.1 with PKCE S256 and an RFC 8707 resource). */
export function authorizationQuery(
  options: Pick<AuthorizeOptions, "clientId" | "scope" | "resource" | "state" | "redirectUri"> & { verifier?: string },
): URLSearchParams {
  return new URLSearchParams({
    response_type: "code",
    client_id: options.clientId,
    ...(options.redirectUri === null ? {} : { redirect_uri: options.redirectUri ?? REDIRECT_URI }),
    code_challenge: s256(options.verifier ?? newVerifier()),
    code_challenge_method: "S256",
    scope: options.scope ?? "hourbook:read hourbook:write",
    resource: protectedResource(options.resource ?? "mcp").url,
    state: options.state ?? "xyz",
  });
}

/** Runs authorize and an approving consent; returns the code and the verifier that redeems it. */
export async function authorize(options: AuthorizeOptions): Promise<{ code: string; verifier: string; redirect: URL }> {
  const verifier = options.verifier ?? newVerifier();
  const query = authorizationQuery({ ...options, verifier });
  const outcome = await handleAuthorizeRequest(query, options.userId, `test-${randomBytes(4).toString("hex")}`);
  if (outcome.kind !== "consent") throw new Error(`authorize did not reach consent: ${JSON.stringify(outcome)}`);
  const url = await approveAuthorization({
    requestId: outcome.requestId,
    userId: options.userId,
    workspaceId: options.workspaceId,
    selectedScopes: (options.scope ?? "hourbook:read hourbook:write").split(" "),
  });
  const redirect = new URL(url);
  const code = redirect.searchParams.get("code");
  if (!code) throw new Error(`no code in ${url}`);
  return { code, verifier, redirect };
}

export async function postForm(
  route: "token" | "revoke",
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const request = new Request(`http://127.0.0.1/oauth/${route}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  const response = await (route === "token" ? tokenRoute(request) : revokeRoute(request));
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
}

/** Authorizes and redeems the code: a fresh token pair. */
export async function tokensFor(options: AuthorizeOptions) {
  const { code, verifier } = await authorize(options);
  const res = await postForm("token", {
    grant_type: "authorization_code",
    code,
    code_verifier: verifier,
    redirect_uri: REDIRECT_URI,
    client_id: options.clientId,
  });
  if (res.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(res.body)}`);
  return res.body as { access_token: string; refresh_token: string; scope: string; expires_in: number; token_type: string };
}
