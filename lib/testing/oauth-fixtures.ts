/**
 * Rows for unit tests of the token modules, written directly (no authorize flow, no demo
 * seed): a test can set up any state — expired, rotated, revoked, idle — in one call, and the
 * module under test is the only part of the authorization server that runs.
 */
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { protectedResource } from "@/lib/domain/integrations/resources";
import type { ResourceKind } from "@/lib/domain/integrations/scopes";
import { OAuthError } from "@/lib/oauth/errors";
import { toRegisteredClient, type RegisteredClient } from "@/lib/oauth/clients/registered-client";
import { s256 } from "@/lib/oauth/pkce";
import { hashToken, newOpaqueToken, PREFIX } from "@/lib/oauth/secrets";

const unique = () => randomBytes(6).toString("hex");

export const FIXTURE_REDIRECT_URI = "http://127.0.0.1:8765/callback";

export interface GrantFixture {
  userId: string;
  workspaceId: string;
  client: RegisteredClient;
  grantId: string;
}

/** A public client. */
export async function createFixtureClient(): Promise<RegisteredClient> {
  const row = await db.oAuthClient.create({
    data: { id: `hbci_${unique()}`, kind: "dynamic", name: "Fixture Assistant", redirectUris: [FIXTURE_REDIRECT_URI], tokenEndpointAuthMethod: "none" },
  });
  return toRegisteredClient(row);
}

/** A user, a workspace, a public client and one live grant of theirs. */
export async function createGrantFixture(
  options: { scope?: string; resource?: ResourceKind | string; createdAt?: Date; lastUsedAt?: Date | null } = {},
): Promise<GrantFixture> {
  const user = await db.user.create({ data: { email: `fixture-${unique()}@example.com`, name: "Fixture User", passwordHash: "unused" } });
  const workspace = await db.workspace.create({ data: { name: "Fixture Workspace", slug: `fixture-${unique()}` } });
  const client = await createFixtureClient();
  const resource = options.resource === "mcp" || options.resource === "api" || options.resource === undefined ? protectedResource(options.resource ?? "mcp").url : options.resource;
  const grant = await db.oAuthGrant.create({
    data: {
      userId: user.id,
      clientId: client.id,
      workspaceId: workspace.id,
      resource,
      scope: options.scope ?? "hourbook:read hourbook:write",
      createdAt: options.createdAt,
      lastUsedAt: options.lastUsedAt ?? null,
    },
  });
  return { userId: user.id, workspaceId: workspace.id, client, grantId: grant.id };
}

/** A refresh token of `grantId`, stored as the token endpoint stores one; returns the token. */
export async function createFixtureRefreshToken(
  grantId: string,
  options: { scope?: string; expiresAt?: Date; rotatedAt?: Date | null; retryResponse?: string | null } = {},
): Promise<string> {
  const token = newOpaqueToken(PREFIX.refreshToken);
  const grant = await db.oAuthGrant.findUniqueOrThrow({ where: { id: grantId } });
  await db.oAuthRefreshToken.create({
    data: {
      tokenHash: hashToken(token),
      grantId,
      scope: options.scope ?? grant.scope,
      expiresAt: options.expiresAt ?? new Date(Date.now() + 24 * 60 * 60 * 1000),
      rotatedAt: options.rotatedAt ?? null,
      retryResponse: options.retryResponse ?? null,
    },
  });
  return token;
}

/** An authorization code of `grantId` with its PKCE verifier; the code row as stored. */
export async function createFixtureCode(
  grantId: string,
  options: { redirectUri?: string; redirectUriSent?: boolean; resource?: string; scope?: string; expiresAt?: Date; consumedAt?: Date | null } = {},
): Promise<{ code: string; verifier: string }> {
  const code = newOpaqueToken(PREFIX.code);
  const verifier = randomBytes(32).toString("base64url");
  const grant = await db.oAuthGrant.findUniqueOrThrow({ where: { id: grantId } });
  await db.oAuthAuthorizationCode.create({
    data: {
      codeHash: hashToken(code),
      grantId,
      redirectUri: options.redirectUri ?? FIXTURE_REDIRECT_URI,
      redirectUriSent: options.redirectUriSent ?? true,
      codeChallenge: s256(verifier),
      resource: options.resource ?? grant.resource,
      scope: options.scope ?? grant.scope,
      expiresAt: options.expiresAt ?? new Date(Date.now() + 60_000),
      consumedAt: options.consumedAt ?? null,
    },
  });
  return { code, verifier };
}

/** The claims of a JWT, unverified (to see what a response carries). */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as Record<string, unknown>;
}

/** The refusal `promise` ends in, as `code: description`. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OAuthError) return `${error.code}: ${error.description}`;
    throw error;
  }
  throw new Error("expected a refusal");
}
