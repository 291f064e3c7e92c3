/**
 * GET /oauth/authorize, as a decision the route turns into a response: show an error page
 * (phase one), redirect back to the client with an error (phase two), send the user to sign
 * in first, or hold the request and show consent.
 */
import { issuer } from "@/lib/domain/integrations/resources";
import { isOAuthError, storageRefusal } from "../errors";
import { enforceRateLimit, RATE_LIMITS } from "../rate-limit";
import { authorizationResponseUrl, AuthorizePageError, readAuthorizeParams, validateAuthorizationParams, validateClientAndRedirect } from "./authorization-request";
import { holdAuthorizationRequest } from "./hold-authorization-request";

export type AuthorizeOutcome =
  | { kind: "error_page"; status: number; error: string; description: string; retryAfterSeconds?: number }
  | { kind: "redirect"; url: string }
  | { kind: "sign_in" }
  | { kind: "consent"; requestId: string };

export async function handleAuthorizeRequest(query: URLSearchParams, userId: string | null, address: string): Promise<AuthorizeOutcome> {
  try {
    // A signed-in person is counted as themself, so an anonymous flood from anywhere does not block them.
    await enforceRateLimit(RATE_LIMITS.authorize, userId ? { kind: "user", userId } : { kind: "address", address });
    const params = readAuthorizeParams(query);
    const phaseOne = await validateClientAndRedirect(params);
    try {
      const request = validateAuthorizationParams(phaseOne, params);
      if (!userId) return { kind: "sign_in" };
      return { kind: "consent", requestId: await holdAuthorizationRequest(userId, request) };
    } catch (error) {
      // Storage refusing to hold the request is RFC 6749 §4.1.2.1's temporarily_unavailable.
      const refusal = isOAuthError(error) ? error : storageRefusal(error);
      if (!refusal) throw error;
      const url = authorizationResponseUrl(phaseOne.redirectUri, issuer(), {
        error: refusal.code,
        error_description: refusal.description,
        state: phaseOne.state,
      });
      return { kind: "redirect", url };
    }
  } catch (error) {
    if (error instanceof AuthorizePageError) return { kind: "error_page", status: 400, error: error.code, description: error.description };
    const refusal = isOAuthError(error) ? error : storageRefusal(error);
    if (refusal?.code === "too_many_requests" || refusal?.code === "temporarily_unavailable") {
      return { kind: "error_page", status: refusal.status, error: refusal.code, description: refusal.description, retryAfterSeconds: refusal.retryAfterSeconds };
    }
    throw error;
  }
}
