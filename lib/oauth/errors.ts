/**
 * OAuth error responses (RFC 6749 §4.1.2.1 and §5.2, RFC 7009, RFC 7591 §3.2.2, RFC 8707 §2,
 * RFC 6750 §3.1, RFC 9449 §5). Each error knows its code and HTTP status; endpoint modules
 * throw them and lib/http turns them into responses, so a protocol error never leaks as a 500.
 */
import { STORAGE_RETRY_AFTER_SECONDS, storageUnavailableMessage, storageUnavailableOf } from "@/lib/db-errors";

export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "unsupported_response_type"
  | "unsupported_token_type"
  | "invalid_scope"
  | "access_denied"
  | "invalid_target"
  | "invalid_redirect_uri"
  | "invalid_client_metadata"
  | "invalid_token"
  | "insufficient_scope"
  | "invalid_dpop_proof"
  | "server_error"
  | "temporarily_unavailable"
  | "too_many_requests";

const STATUS: Record<OAuthErrorCode, number> = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  unsupported_response_type: 400,
  unsupported_token_type: 400,
  invalid_scope: 400,
  access_denied: 403,
  invalid_target: 400,
  invalid_redirect_uri: 400,
  invalid_client_metadata: 400,
  invalid_token: 401,
  insufficient_scope: 403,
  // RFC 9449 §5: at the token endpoint; a protected resource answers it with 401 (§7.1).
  invalid_dpop_proof: 400,
  server_error: 500,
  temporarily_unavailable: 503,
  too_many_requests: 429,
};

export class OAuthError extends Error {
  readonly status: number;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    options: { status?: number; retryAfterSeconds?: number } = {},
  ) {
    super(`${code}: ${description}`);
    this.name = "OAuthError";
    this.status = options.status ?? STATUS[code];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  toResponseObject(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.code, error_description: this.description };
  }
}

export function isOAuthError(error: unknown): error is OAuthError {
  return error instanceof OAuthError;
}

export const invalidRequest = (d: string) => new OAuthError("invalid_request", d);
export const invalidClient = (d: string) => new OAuthError("invalid_client", d);
export const invalidGrant = (d: string) => new OAuthError("invalid_grant", d);
export const unauthorizedClient = (d: string) => new OAuthError("unauthorized_client", d);
export const invalidScope = (d: string) => new OAuthError("invalid_scope", d);
export const invalidTarget = (d: string) => new OAuthError("invalid_target", d);
export const accessDenied = (d: string) => new OAuthError("access_denied", d);
export const invalidClientMetadata = (d: string) => new OAuthError("invalid_client_metadata", d);
export const invalidRedirectUri = (d: string) => new OAuthError("invalid_redirect_uri", d);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new OAuthError("too_many_requests", `Too many requests; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });

/**
 * `temporarily_unavailable` (503, Retry-After) for an operation storage refused (a full disk,
 * a read-only database), or null for any other error. RFC 6749 §4.1.2.1 defines the code for
 * the authorization endpoint; the token (§5.2), revocation and registration endpoints have no
 * code of their own for it, so they answer the same one — RFC 7009 §2.2.1 says a 503 means the
 * token was not revoked and the client may retry after a delay, which is exactly the case.
 */
export function storageRefusal(error: unknown): OAuthError | null {
  const storage = storageUnavailableOf(error);
  if (!storage) return null;
  return new OAuthError("temporarily_unavailable", storageUnavailableMessage(storage), { retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS });
}
