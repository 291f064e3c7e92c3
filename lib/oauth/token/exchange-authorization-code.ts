/**
 * grant_type=authorization_code (RFC 6749 §4.1.3, RFC 7636 §4.6, RFC 8707 §2.2). The code is
 * consumed with a conditional update, so of any number of concurrent redemptions exactly one
 * wins; any other redemption is treated as an attack and revokes the grant (RFC 6749 §4.1.2,
 * OAuth 2.1 §4.1.3). The grant is held first (`holdLiveGrant`), so a revocation racing the
 * redemption either refuses it or ends what it issued. With a DPoP proof (`dpopJkt`) the access token — and a public client's
 * refresh token — are bound to its key (RFC 9449 §5).
 */
import { db } from "@/lib/db";
import { revokeGrant } from "@/lib/domain/connections/revoke-grant";
import { resolveResource } from "@/lib/domain/integrations/resources";
import type { RegisteredClient } from "../clients/registered-client";
import { invalidGrant, invalidRequest, invalidTarget } from "../errors";
import { verifyCodeChallenge } from "../pkce";
import { hashToken } from "../secrets";
import { holdLiveGrant, mintTokenPair, refreshTokenBinding, storeRefreshToken, type TokenResponse } from "./token-pair";

export async function exchangeAuthorizationCode(client: RegisteredClient, form: Map<string, string>, dpopJkt?: string): Promise<TokenResponse> {
  const code = form.get("code");
  const verifier = form.get("code_verifier");
  const redirectUri = form.get("redirect_uri");
  if (!code) throw invalidRequest("code is required.");
  if (!verifier) throw invalidRequest("code_verifier is required (PKCE).");

  const row = await db.oAuthAuthorizationCode.findUnique({ where: { codeHash: hashToken(code) }, include: { grant: { include: { user: true } } } });
  if (!row || row.grant.clientId !== client.id) throw invalidGrant("The authorization code is invalid.");
  if (row.consumedAt) {
    await revokeGrant(row.grantId, "code_reuse");
    throw invalidGrant("The authorization code was already used; the tokens issued for it have been revoked.");
  }
  if (row.expiresAt < new Date()) throw invalidGrant("The authorization code has expired.");
  assertSameRedirectUri(redirectUri, row);
  if (!verifyCodeChallenge(verifier, row.codeChallenge)) throw invalidGrant("code_verifier does not match the code_challenge.");
  const resourceParam = form.get("resource");
  if (resourceParam !== undefined && resolveResource(resourceParam)?.url !== row.resource) {
    throw invalidTarget(`The code was issued for ${row.resource}, not ${resourceParam}.`);
  }
  if (row.grant.revokedAt) throw invalidGrant("The authorization was revoked.");
  if (row.grant.user.status !== "active") throw invalidGrant("The user's account is disabled.");
  const resource = resolveResource(row.resource);
  if (!resource) throw invalidGrant("The code names a resource this server no longer serves.");

  const { response, refreshToken } = await mintTokenPair({
    userId: row.grant.userId,
    clientId: client.id,
    grantId: row.grantId,
    workspaceId: row.grant.workspaceId,
    resource: resource.kind,
    accessScope: row.scope,
    refreshScope: row.scope,
    dpopJkt,
  });

  const outcome = await db.$transaction(async (tx) => {
    if (!(await holdLiveGrant(tx, row.grantId))) return "revoked";
    const { count } = await tx.oAuthAuthorizationCode.updateMany({ where: { id: row.id, consumedAt: null }, data: { consumedAt: new Date() } });
    if (count !== 1) return "reused";
    await storeRefreshToken(tx, row.grantId, refreshToken, row.scope, refreshTokenBinding(client, dpopJkt));
    return "won";
  });
  if (outcome === "revoked") throw invalidGrant("The authorization was revoked.");
  if (outcome === "reused") {
    await revokeGrant(row.grantId, "code_reuse");
    throw invalidGrant("The authorization code was already used; the tokens issued for it have been revoked.");
  }
  return response;
}

/**
 * RFC 6749 §4.1.3: when the authorization request carried redirect_uri, the token request
 * must carry it too, identical (a string comparison, so a loopback URI repeats its port).
 * When the authorization request left it out (one registered URI), the token request may
 * too; a value it sends anyway must still be the URI the code was delivered to.
 */
function assertSameRedirectUri(sent: string | undefined, code: { redirectUri: string; redirectUriSent: boolean }): void {
  if (sent === undefined) {
    if (code.redirectUriSent) throw invalidGrant("redirect_uri is required: the authorization request carried one.");
    return;
  }
  if (sent !== code.redirectUri) throw invalidGrant("redirect_uri does not match the authorization request.");
}
