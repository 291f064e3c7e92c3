/**
 * POST /oauth/revoke (RFC 7009). Revoking either token of a grant ends the whole grant (the
 * user's connection), which is what "disconnect" means to a client. Unknown, malformed or
 * foreign tokens get the same 200 as a success (RFC 7009 §2.2), so nothing can be probed.
 */
import { db } from "@/lib/db";
import { revokeGrant } from "@/lib/domain/connections/revoke-grant";
import { readAccessTokenForRevocation } from "./access-token";
import { authenticateCountedClient } from "./clients/authenticate-client";
import { invalidRequest } from "./errors";
import { RATE_LIMITS } from "./rate-limit";
import { hashToken, PREFIX } from "./secrets";

export async function revokeToken(request: Request, form: Map<string, string>, address: string): Promise<void> {
  const client = await authenticateCountedClient(RATE_LIMITS.revoke, request, form, address);
  const token = form.get("token");
  if (!token) throw invalidRequest("token is required.");
  const grantId = await grantOfToken(token);
  if (!grantId) return;
  const grant = await db.oAuthGrant.findUnique({ where: { id: grantId }, select: { clientId: true } });
  // RFC 7009 §2.1: a client may only revoke its own tokens; others are silently ignored.
  if (grant?.clientId !== client.id) return;
  await revokeGrant(grantId, "token_revoked", { detail: { by: "client" } });
}

async function grantOfToken(token: string): Promise<string | null> {
  if (token.startsWith(PREFIX.refreshToken)) {
    const row = await db.oAuthRefreshToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { grantId: true } });
    return row?.grantId ?? null;
  }
  const claims = await readAccessTokenForRevocation(token);
  return claims?.grantId ?? null;
}
