/**
 * The one place OAuth endpoint outcomes become HTTP responses: JSON, `Cache-Control:
 * no-store` (RFC 6749 §5.1), CORS, and RFC errors with their status. A write storage refused
 * is `temporarily_unavailable` (503, Retry-After); anything unexpected is logged and answered
 * as `server_error` without details.
 */
import { isOAuthError, OAuthError, storageRefusal } from "@/lib/oauth/errors";
import { CORS_HEADERS } from "./cors";

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

export function oauthJson(body: unknown, status = 200, extraHeaders: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...CORS_HEADERS, ...extraHeaders } });
}

export function oauthErrorResponse(error: OAuthError): Response {
  const headers: Record<string, string> = {};
  // RFC 6749 §5.2: a failed client authentication with HTTP Basic gets a Basic challenge.
  if (error.code === "invalid_client") headers["WWW-Authenticate"] = 'Basic realm="hourbook"';
  if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
  return oauthJson(error.toResponseObject(), error.status, headers);
}

/** Wraps an OAuth endpoint so thrown OAuthErrors become RFC error responses. */
export function withOAuthErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isOAuthError(error)) return oauthErrorResponse(error);
      const unavailable = storageRefusal(error);
      if (unavailable) return oauthErrorResponse(unavailable);
      console.error("OAuth endpoint failed", error);
      return oauthErrorResponse(new OAuthError("server_error", "The server could not complete the request."));
    }
  };
}
