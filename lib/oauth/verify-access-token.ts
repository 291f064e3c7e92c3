/**
 * The one access token check both protected resources use (MCP and REST API): signature,
 * issuer, `typ`, audience exactly this resource, expiry — then that the grant is still alive
 * and its user still active. Each failure is `invalid_token` (RFC 6750 §3.1) with a reason
 * the client can log; live workspace checks (plan, policy, role) come after, per resource,
 * from the client and membership read in the same query (find-request-grant.ts).
 */
import { db } from "@/lib/db";
import { bestEffortWrite } from "@/lib/db-errors";
import { isIdle } from "@/lib/domain/connections/connection-idleness";
import { endIdleGrants } from "@/lib/domain/connections/end-idle-grants";
import type { ResourceKind } from "@/lib/domain/integrations/scopes";
import { checkAccessTokenJwt, type AccessTokenClaims } from "./access-token";
import { OAuthError } from "./errors";
import { findRequestGrant, type RequestGrant } from "./find-request-grant";
import { IDLE_ENDED } from "./grants";

export interface VerifiedAccess {
  claims: AccessTokenClaims;
  grant: { id: string; clientId: string; workspaceId: string; userId: string; scope: string; lastUsedAt: Date | null };
  /** The grant's client as of this request; null when it is being deleted. */
  client: RequestGrant["client"];
  /** The user's membership in the grant's workspace as of this request, with the workspace's facts; null when not a member. */
  membership: RequestGrant["membership"];
}

const REASONS = {
  expired: "The access token has expired.",
  invalid: "The access token is not valid.",
  wrong_audience: "The access token was issued for another resource.",
} as const;

// Writing lastUsedAt on every request would make every read a write; once a minute is plenty.
// Both writes here are bookkeeping: when storage cannot take them, the request goes on.
const LAST_USED_RESOLUTION_MS = 60_000;

export async function verifyAccessToken(token: string, resource: ResourceKind): Promise<VerifiedAccess> {
  const check = await checkAccessTokenJwt(token, resource);
  if (!check.ok) throw new OAuthError("invalid_token", REASONS[check.reason]);
  const { claims } = check;
  const found = await findRequestGrant(claims.grantId);
  if (!found || found.grant.revokedAt || found.grant.userId !== claims.userId || found.grant.clientId !== claims.clientId) {
    throw new OAuthError("invalid_token", "The authorization behind this token was revoked.");
  }
  const { grant } = found;
  if (found.userStatus !== "active") throw new OAuthError("invalid_token", "The user's account is disabled.");
  if (isIdle(grant)) {
    // Stryker disable next-line StringLiteral: names the write in a log line only
    await bestEffortWrite("ending an idle connection", () => endIdleGrants({ id: grant.id }));
    throw new OAuthError("invalid_token", IDLE_ENDED);
  }
  if (!grant.lastUsedAt || Date.now() - grant.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Stryker disable next-line StringLiteral: names the write in a log line only
    await bestEffortWrite("recording when a connection was last used", () => db.oAuthGrant.update({ where: { id: grant.id }, data: { lastUsedAt: new Date() } }));
  }
  return {
    claims,
    grant: { id: grant.id, clientId: grant.clientId, workspaceId: grant.workspaceId, userId: grant.userId, scope: grant.scope, lastUsedAt: grant.lastUsedAt },
    client: found.client,
    membership: found.membership,
  };
}
