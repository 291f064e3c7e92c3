/**
 * Access tokens are JWTs per RFC 9068 (`typ: at+jwt`), audience-restricted to one protected
 * resource (RFC 8707). Besides the standard claims they carry the grant and workspace they
 * belong to, so every request can check the grant is still alive. A DPoP-bound token carries
 * the thumbprint of its key as `cnf.jkt` (RFC 9449 §6.1).
 */
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, SignJWT, errors as joseErrors, type JWTPayload } from "jose";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { issuer, protectedResource } from "@/lib/domain/integrations/resources";
import type { ResourceKind, Scope } from "@/lib/domain/integrations/scopes";
import { ACCESS_TOKEN_TTL_SECONDS } from "./lifetimes";
import { parseScope } from "./scopes";
import { currentSigningKey, KEY_SET_REFRESH_SECONDS, publishedKeys, SIGNING_ALG } from "./signing-keys";

export interface AccessTokenSubject {
  userId: string;
  clientId: string;
  grantId: string;
  workspaceId: string;
  resource: ResourceKind;
  scope: string;
  /** The DPoP key's JWK thumbprint when the token is sender-constrained (RFC 9449 §6). */
  dpopJkt?: string;
}

export async function issueAccessToken(subject: AccessTokenSubject): Promise<{ token: string; expiresIn: number }> {
  const key = await currentSigningKey();
  const token = await new SignJWT({
    client_id: subject.clientId,
    scope: subject.scope,
    grant_id: subject.grantId,
    workspace_id: subject.workspaceId,
    ...(subject.dpopJkt ? { cnf: { jkt: subject.dpopJkt } } : {}),
  })
    .setProtectedHeader({ alg: SIGNING_ALG, typ: "at+jwt", kid: key.kid })
    .setIssuer(issuer())
    .setSubject(subject.userId)
    .setAudience(protectedResource(subject.resource).url)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .setJti(randomBytes(16).toString("base64url"))
    .sign(key.privateKey);
  return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
}

const Claims = z.object({
  sub: z.string().min(1),
  client_id: z.string().min(1),
  scope: z.string(),
  grant_id: z.string().min(1),
  workspace_id: z.string().min(1),
  jti: z.string().min(1),
  exp: z.number(),
  cnf: z.object({ jkt: z.string().min(1) }).optional(),
});

export interface AccessTokenClaims {
  userId: string;
  clientId: string;
  grantId: string;
  workspaceId: string;
  scopes: Scope[];
  jti: string;
  expiresAt: Date;
  /** `cnf.jkt`: the token is DPoP-bound and only usable with a proof signed by that key. */
  dpopJkt?: string;
}

export type TokenCheck = { ok: true; claims: AccessTokenClaims } | { ok: false; reason: "expired" | "invalid" | "wrong_audience" };

let jwks: { set: ReturnType<typeof createLocalJWKSet>; kids: Set<string>; until: number } | undefined;

async function keySet(kid: string | undefined) {
  // Reload when stale or when a token names a key we have not seen (another instance rotated).
  if (!jwks || jwks.until < Date.now() || (kid && !jwks.kids.has(kid))) {
    const published = await publishedKeys();
    jwks = {
      set: createLocalJWKSet(published),
      kids: new Set(published.keys.map((k) => String(k.kid))),
      until: Date.now() + KEY_SET_REFRESH_SECONDS * 1000,
    };
  }
  return jwks.set;
}

/**
 * Checks signature, `typ`, issuer, audience (exactly `resource`) and expiry. Liveness of the
 * grant is the caller's next step (lib/oauth/verify-access).
 */
export async function checkAccessTokenJwt(token: string, resource: ResourceKind): Promise<TokenCheck> {
  try {
    const kid = headerKid(token);
    const { payload } = await jwtVerify(token, await keySet(kid), {
      issuer: issuer(),
      audience: protectedResource(resource).url,
      typ: "at+jwt",
      algorithms: [SIGNING_ALG],
    });
    return { ok: true, claims: toClaims(payload) };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: "expired" };
    if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === "aud") return { ok: false, reason: "wrong_audience" };
    return { ok: false, reason: "invalid" };
  }
}

/** For revocation: a token we signed for either resource, even if expired, or null. */
export async function readAccessTokenForRevocation(token: string): Promise<AccessTokenClaims | null> {
  try {
    const { payload } = await jwtVerify(token, await keySet(headerKid(token)), {
      issuer: issuer(),
      // Stryker disable next-line StringLiteral: protectedResource() maps every kind but "mcp" to the API, so "" names it too
      audience: [protectedResource("mcp").url, protectedResource("api").url],
      typ: "at+jwt",
      algorithms: [SIGNING_ALG],
      clockTolerance: "1 day",
    });
    return toClaims(payload);
  } catch {
    return null;
  }
}

/** The key a token names; throws on a malformed token, which both callers refuse anyway. */
function headerKid(token: string): string | undefined {
  const { kid } = decodeProtectedHeader(token);
  return typeof kid === "string" ? kid : undefined;
}

function toClaims(payload: JWTPayload): AccessTokenClaims {
  const c = Claims.parse(payload);
  return {
    userId: c.sub,
    clientId: c.client_id,
    grantId: c.grant_id,
    workspaceId: c.workspace_id,
    scopes: parseScope(c.scope),
    jti: c.jti,
    expiresAt: new Date(c.exp * 1000),
    ...(c.cnf ? { dpopJkt: c.cnf.jkt } : {}),
  };
}
