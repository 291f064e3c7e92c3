/**
 * GET /oauth/authorize, as a decision the route turns into a response: send the user to sign
 * in first, hold the request and show consent, or answer an error where answerAuthorizationError
 * says — on our page before the redirect URI is validated, at the redirect URI after.
 */
import { enforceRateLimit, RATE_LIMITS } from "../rate-limit";
import { answerAuthorizationError, type ErrorAnswer, type ResponseTarget } from "./answer-authorization-error";
import { readAuthorizeParams, validateAuthorizationParams, validateClientAndRedirect } from "./authorization-request";
import { holdAuthorizationRequest } from "./hold-authorization-request";

export type AuthorizeOutcome = ErrorAnswer | { kind: "sign_in" } | { kind: "consent"; requestId: string };

export async function handleAuthorizeRequest(query: URLSearchParams, userId: string | null, address: string): Promise<AuthorizeOutcome> {
  let validated: ResponseTarget | undefined;
  try {
    // A signed-in person is counted as themself, so an anonymous flood from anywhere does not block them.
    await enforceRateLimit(RATE_LIMITS.authorize, userId ? { kind: "user", userId } : { kind: "address", address });
    const params = readAuthorizeParams(query);
    const clientAndRedirect = await validateClientAndRedirect(params);
    validated = clientAndRedirect;
    const request = validateAuthorizationParams(clientAndRedirect, params);
    if (!userId) return { kind: "sign_in" };
    return { kind: "consent", requestId: await holdAuthorizationRequest(userId, request) };
  } catch (error) {
    return answerAuthorizationError(error, validated);
  }
}
