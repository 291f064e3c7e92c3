/**
 * grant_type=refresh_token (RFC 6749 §6, OAuth 2.1 §4.3.1, RFC 9700 §4.14.2). Refresh tokens
 * rotate on every use. Presenting a rotated token again means it leaked: the grant is
 * revoked — except within a short window after rotation, where a client retrying a request
 * whose answer it lost gets that same answer again. A DPoP-bound refresh token (a public
 * client's, RFC 9449 §5) is refreshed only with a proof signed by its key, and stays bound.
 * The grant is held first (`holdLiveGrant`), so a revocation, a disabled account or an idle end
 * racing the refresh either refuses it or deletes the token it stored.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { bestEffortWrite } from "@/lib/db-errors";
import { isIdle } from "@/lib/domain/connections/connection-idleness";
import { endIdleGrants } from "@/lib/domain/connections/end-idle-grants";
import { revokeGrant } from "@/lib/domain/connections/revoke-grant";
import { resolveResource } from "@/lib/domain/integrations/resources";
import { formatScope } from "@/lib/domain/integrations/scopes";
import type { RegisteredClient } from "../clients/registered-client";
import { invalidGrant, invalidRequest, invalidScope, invalidTarget } from "../errors";
import { IDLE_ENDED } from "../grants";
import { REFRESH_REUSE_WINDOW_SECONDS } from "../lifetimes";
import { parseRequestedScope, parseScope } from "../scopes";
import { decrypt, encrypt, hashToken } from "../secrets";
import { holdLiveGrant, mintTokenPair, refreshTokenBinding, storeRefreshToken, type TokenResponse } from "./token-pair";

const StoredResponse = z.object({
  access_token: z.string(),
  token_type: z.enum(["Bearer", "DPoP"]),
  expires_in: z.number(),
  refresh_token: z.string(),
  scope: z.string(),
});

export async function exchangeRefreshToken(client: RegisteredClient, form: Map<string, string>, dpopJkt?: string): Promise<TokenResponse> {
  const presented = form.get("refresh_token");
  if (!presented) throw invalidRequest("refresh_token is required.");
  const row = await db.oAuthRefreshToken.findUnique({ where: { tokenHash: hashToken(presented) }, include: { grant: { include: { user: true } } } });
  if (!row || row.grant.clientId !== client.id) throw invalidGrant("The refresh token is invalid.");
  // Before the reuse check: without the key, a copy of a bound token is worthless, not a leak to punish.
  if (row.dpopJkt && row.dpopJkt !== dpopJkt) {
    throw invalidGrant(dpopJkt ? "The refresh token is bound to another DPoP key." : "The refresh token is DPoP-bound: send a DPoP proof signed with its key.");
  }
  if (row.rotatedAt) return answerReuse(row, row.rotatedAt);
  if (row.expiresAt < new Date()) throw invalidGrant("The refresh token has expired.");
  if (row.grant.revokedAt) throw invalidGrant("The authorization was revoked.");
  if (row.grant.user.status !== "active") throw invalidGrant("The user's account is disabled.");
  if (isIdle(row.grant)) {
    // Stryker disable next-line StringLiteral: names the write in a log line only
    await bestEffortWrite("ending an idle connection", () => endIdleGrants({ id: row.grantId }));
    throw invalidGrant(IDLE_ENDED);
  }

  const resource = resolveResource(row.grant.resource);
  if (!resource) throw invalidGrant("The grant names a resource this server no longer serves.");
  const resourceParam = form.get("resource");
  if (resourceParam !== undefined && resolveResource(resourceParam)?.url !== resource.url) {
    throw invalidTarget(`This refresh token is for ${resource.url}, not ${resourceParam}.`);
  }
  const accessScope = downscope(row.scope, form.get("scope"));

  const { response, refreshToken } = await mintTokenPair({
    userId: row.grant.userId,
    clientId: client.id,
    grantId: row.grantId,
    workspaceId: row.grant.workspaceId,
    resource: resource.kind,
    accessScope,
    refreshScope: row.scope,
    dpopJkt,
  });
  const outcome = await db.$transaction(async (tx) => {
    if (!(await holdLiveGrant(tx, row.grantId, { lastUsedAt: new Date() }))) return "revoked";
    const { count } = await tx.oAuthRefreshToken.updateMany({
      where: { id: row.id, rotatedAt: null },
      data: { rotatedAt: new Date(), retryResponse: encrypt(JSON.stringify(response)) },
    });
    if (count !== 1) return "lost";
    await storeRefreshToken(tx, row.grantId, refreshToken, row.scope, row.dpopJkt ?? refreshTokenBinding(client, dpopJkt));
    // Stryker disable next-line StringLiteral: the lost-race path below reads back this very rotation and answers the same pair
    return "won";
  });
  if (outcome === "revoked") throw invalidGrant("The authorization was revoked.");
  // Stryker disable next-line ConditionalExpression: as above, the lost-race path answers a winner with its own pair
  if (outcome === "won") return response;
  // Lost a race with a concurrent refresh of the same token: answer as a retry.
  const again = await db.oAuthRefreshToken.findUnique({ where: { id: row.id }, include: { grant: true } });
  if (!again?.rotatedAt) throw invalidGrant("The authorization was revoked.");
  return answerReuse(again, again.rotatedAt);
}

/**
 * A spent refresh token again (RFC 9700 §4.14.2): within the reuse window, a client that lost
 * the answer gets the same pair — but only while the token that answer holds is still unused,
 * so an old copy can never be walked forward to the live token. Anything else revokes the grant.
 */
async function answerReuse(row: { grantId: string; retryResponse: string | null; grant: { revokedAt: Date | null } }, rotatedAt: Date): Promise<TokenResponse> {
  const age = Date.now() - rotatedAt.getTime();
  if (!row.grant.revokedAt && row.retryResponse && age <= REFRESH_REUSE_WINDOW_SECONDS * 1000) {
    const stored = StoredResponse.parse(JSON.parse(decrypt(row.retryResponse, "a refresh token's stored answer")));
    const successor = await db.oAuthRefreshToken.findUnique({ where: { tokenHash: hashToken(stored.refresh_token) }, select: { rotatedAt: true } });
    if (successor && !successor.rotatedAt) return stored;
  }
  await revokeGrant(row.grantId, "refresh_reuse");
  throw invalidGrant("The refresh token was already used; the authorization has been revoked.");
}

/** RFC 6749 §6: a narrower scope may be asked for; anything beyond the grant is refused. */
function downscope(granted: string, requested: string | undefined): string {
  const wanted = parseRequestedScope(requested);
  if (wanted === undefined) return granted;
  const grantedScopes = parseScope(granted);
  const beyond = wanted.filter((s) => !grantedScopes.includes(s));
  if (beyond.length) throw invalidScope(`${beyond.join(", ")} ${beyond.length > 1 ? "were" : "was"} not granted.`);
  if (wanted.length === 0) throw invalidScope("At least one scope is required.");
  return formatScope(wanted);
}
