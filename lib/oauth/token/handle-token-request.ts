/**
 * POST /oauth/token (RFC 6749 §3.2): authenticate the client, then dispatch on grant_type.
 * Rate limits count per caller: an authenticated client at its address, or — for unknown
 * clients and failed authentications — the address alone, so junk from one address never
 * spends another caller's allowance. A request with a `DPoP` header gets tokens bound to the
 * proof's key (RFC 9449 §5).
 */
import { env } from "@/lib/env";
import { authenticateCountedClient } from "../clients/authenticate-client";
import { tokenRequestProof } from "../dpop/token-request-proof";
import { invalidRequest, OAuthError } from "../errors";
import { RATE_LIMITS } from "../rate-limit";
import { exchangeAuthorizationCode } from "./exchange-authorization-code";
import { exchangeRefreshToken } from "./exchange-refresh-token";
import type { TokenResponse } from "./token-pair";

/** RATE_LIMITS.token, or HOURBOOK_TOKEN_RATE_LIMIT requests per minute where the operator (or the benchmark) set it. */
const TOKEN_RATE_LIMIT = { ...RATE_LIMITS.token, limit: env.HOURBOOK_TOKEN_RATE_LIMIT ?? RATE_LIMITS.token.limit };

export async function handleTokenRequest(request: Request, form: Map<string, string>, address: string): Promise<TokenResponse> {
  const grantType = form.get("grant_type");
  if (!grantType) throw invalidRequest("grant_type is required.");
  if (grantType !== "authorization_code" && grantType !== "refresh_token") {
    throw new OAuthError("unsupported_grant_type", `grant_type ${grantType} is not supported; use authorization_code or refresh_token.`);
  }
  const client = await authenticateCountedClient(TOKEN_RATE_LIMIT, request, form, address);
  const dpopJkt = (await tokenRequestProof(request))?.jkt;
  return grantType === "authorization_code" ? exchangeAuthorizationCode(client, form, dpopJkt) : exchangeRefreshToken(client, form, dpopJkt);
}
