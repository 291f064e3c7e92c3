/** The token response (RFC 6749 §5.1): a fresh access token and a fresh refresh token. */
import type { DbTx } from "@/lib/db";
import type { ResourceKind } from "@/lib/domain/integrations/scopes";
import { issueAccessToken } from "../access-token";
import { REFRESH_TOKEN_TTL_SECONDS } from "../lifetimes";
import { hashToken, newOpaqueToken, PREFIX } from "../secrets";

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
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
}

/** Mints both tokens; the caller stores the refresh token with `storeRefreshToken` in its transaction. */
export async function mintTokenPair(subject: PairSubject): Promise<{ response: TokenResponse; refreshToken: string }> {
  const access = await issueAccessToken({ ...subject, scope: subject.accessScope });
  const refreshToken = newOpaqueToken(PREFIX.refreshToken);
  return {
    refreshToken,
    response: {
      access_token: access.token,
      token_type: "Bearer",
      expires_in: access.expiresIn,
      refresh_token: refreshToken,
      scope: subject.accessScope,
    },
  };
}

export async function storeRefreshToken(tx: DbTx, grantId: string, refreshToken: string, scope: string): Promise<void> {
  await tx.oAuthRefreshToken.create({
    data: {
      tokenHash: hashToken(refreshToken),
      grantId,
      scope,
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
    },
  });
}
