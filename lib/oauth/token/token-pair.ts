/**
 * The token response (RFC 6749 §5.1): a fresh access token and a fresh refresh token — with a
 * DPoP proof, an access token bound to its key and `token_type: DPoP` (RFC 9449 §5).
 */
import type { DbTx } from "@/lib/db";
import type { ResourceKind } from "@/lib/domain/integrations/scopes";
import type { RegisteredClient } from "../clients/registered-client";
import { issueAccessToken } from "../access-token";
import { REFRESH_TOKEN_TTL_SECONDS } from "../lifetimes";
import { hashToken, newOpaqueToken, PREFIX } from "../secrets";

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer" | "DPoP";
  expires_in: number;
  refresh_token: string;
  scope: string;
}

export interface PairSubject {
  userId: string;
  clientId: string;
  grantId: string;
  workspaceId: string;
  resource: ResourceKind;
  /** The access token's scope (may be narrower than the grant's after downscoping). */
  accessScope: string;
  /** The refresh token keeps the grant's full scope (RFC 6749 §6). */
  refreshScope: string;
  /** The key of the request's DPoP proof: the access token is bound to it. */
  dpopJkt?: string;
}

/** Mints both tokens; the caller stores the refresh token with `storeRefreshToken` in its transaction. */
export async function mintTokenPair(subject: PairSubject): Promise<{ response: TokenResponse; refreshToken: string }> {
  const access = await issueAccessToken({ ...subject, scope: subject.accessScope });
  const refreshToken = newOpaqueToken(PREFIX.refreshToken);
  return {
    refreshToken,
    response: {
      access_token: access.token,
      token_type: subject.dpopJkt ? "DPoP" : "Bearer",
      expires_in: access.expiresIn,
      refresh_token: refreshToken,
      scope: subject.accessScope,
    },
  };
}

/**
 * RFC 9449 §5: a public client's refresh token is bound to the key of the DPoP proof it was
 * issued with, as the access token is; a confidential client's is already bound to its
 * credentials and stays unbound (as node-oidc-provider does).
 */
export function refreshTokenBinding(client: RegisteredClient, proofJkt: string | undefined): string | null {
  return client.tokenEndpointAuthMethod === "none" && proofJkt ? proofJkt : null;
}

export async function storeRefreshToken(tx: DbTx, grantId: string, refreshToken: string, scope: string, dpopJkt: string | null = null): Promise<void> {
  await tx.oAuthRefreshToken.create({
    data: {
      tokenHash: hashToken(refreshToken),
      grantId,
      scope,
      dpopJkt,
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
    },
  });
}

/**
 * Locks the grant for the rest of the transaction if it is still live; false when it was ended.
 * Run first by every transaction that stores a token for a grant. Ending a grant
 * (lib/domain/connections/end-grant.ts) updates the same row before it deletes the grant's
 * tokens, so of the two, whichever comes second waits for the first: a token exchange after an
 * ending finds it ended here; an ending after an exchange deletes the token the exchange stored.
 * Without it, under READ COMMITTED, an ending's delete could miss a token being stored at the
 * same moment — and the two transactions, locking the same rows in opposite order, deadlock.
 * @param touch what to record on the grant (`lastUsedAt`); a no-op write when nothing.
 */
export async function holdLiveGrant(tx: DbTx, grantId: string, touch: { lastUsedAt?: Date } = {}): Promise<boolean> {
  const { count } = await tx.oAuthGrant.updateMany({ where: { id: grantId, revokedAt: null }, data: { revokedAt: null, ...touch } });
  return count === 1;
}
