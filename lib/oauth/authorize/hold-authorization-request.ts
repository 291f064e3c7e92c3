/**
 * The authorization request is held server-side between /oauth/authorize and the consent
 * decision, bound to the signed-in user and short-lived — the consent form carries only its
 * unguessable id, never the parameters (so they cannot be tampered with in the page).
 */
import { db } from "@/lib/db";
import type { OAuthAuthorizationRequest } from "@/lib/generated/prisma/client";
import { formatScope } from "@/lib/domain/integrations/scopes";
import { AUTHORIZATION_REQUEST_TTL_SECONDS } from "../lifetimes";
import { newOpaqueToken, PREFIX } from "../secrets";
import type { ResponseTarget } from "./answer-authorization-error";
import type { ValidatedAuthorization } from "./authorization-request";

export async function holdAuthorizationRequest(userId: string, request: ValidatedAuthorization): Promise<string> {
  const id = newOpaqueToken(PREFIX.request, 24);
  await db.oAuthAuthorizationRequest.create({
    data: {
      id,
      userId,
      clientId: request.client.id,
      redirectUri: request.redirectUri,
      redirectUriSent: request.redirectUriSent,
      state: request.state ?? null,
      scope: formatScope(request.scopes),
      resource: request.resource.url,
      codeChallenge: request.codeChallenge,
      expiresAt: new Date(Date.now() + AUTHORIZATION_REQUEST_TTL_SECONDS * 1000),
    },
  });
  // Old undecided requests are of no use to anyone.
  await db.oAuthAuthorizationRequest.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 24 * 3600 * 1000) } } });
  return id;
}

/** The user's own, undecided, unexpired held request — or null. */
export async function findHeldRequest(requestId: string, userId: string) {
  return db.oAuthAuthorizationRequest.findFirst({
    where: { id: requestId, userId, decidedAt: null, expiresAt: { gt: new Date() } },
  });
}

/** Where a held request is answered: the redirect URI validated when it was held, and its state. */
export function responseTargetOf(held: Pick<OAuthAuthorizationRequest, "redirectUri" | "state">): ResponseTarget {
  return { redirectUri: held.redirectUri, state: held.state ?? undefined };
}
