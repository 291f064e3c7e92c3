/**
 * The one place an error of the authorization flow (GET /oauth/authorize and the consent
 * decision) is answered, chosen by how far the request got — node-oidc-provider's
 * authorization_error_handler is the model. Until the client and its redirect URI are
 * validated, the error is shown on our own page and never redirected (RFC 6749 §4.1.2.1), so
 * Hourbook is no open redirector. Once they are, the client hears of it at its redirect URI
 * with `error`, `error_description`, `state` and `iss` (RFC 9207).
 */
import { isOAuthError, storageRefusal, type OAuthError, type OAuthErrorCode } from "../errors";
import { issuer } from "@/lib/domain/integrations/resources";
import { authorizationResponseUrl } from "./authorization-request";

/** Where a request whose client and redirect URI were validated is answered. */
export interface ResponseTarget {
  redirectUri: string;
  state: string | undefined;
}

/** An error shown to the person on Hourbook's own page. */
export interface ErrorPage {
  kind: "error_page";
  status: number;
  error: OAuthErrorCode;
  description: string;
  /** Set for an error that passes (too_many_requests, temporarily_unavailable): try again after it. */
  retryAfterSeconds?: number;
}

export type ErrorAnswer = ErrorPage | { kind: "redirect"; url: string };

/**
 * Answers an OAuthError, or a write storage refused (`temporarily_unavailable`, RFC 6749
 * §4.1.2.1); anything else is a bug and is rethrown. `target` is absent while the redirect URI
 * is not validated.
 */
export function answerAuthorizationError(error: unknown, target: ResponseTarget | undefined): ErrorAnswer {
  const refusal = isOAuthError(error) ? error : storageRefusal(error);
  if (!refusal) throw error;
  if (!target) {
    return {
      kind: "error_page",
      // 401 asks for credentials (RFC 9110 §15.5.2); a person following a link with an unknown client has none to give.
      status: refusal.status === 401 ? 400 : refusal.status,
      error: refusal.code,
      description: refusal.description,
      retryAfterSeconds: refusal.retryAfterSeconds,
    };
  }
  return { kind: "redirect", url: authorizationErrorUrl(refusal, target) };
}

/** The redirect carrying an error response (RFC 6749 §4.1.2.1) to a validated redirect URI. */
export function authorizationErrorUrl(error: OAuthError, target: ResponseTarget): string {
  return authorizationResponseUrl(target.redirectUri, issuer(), { error: error.code, error_description: error.description, state: target.state });
}
