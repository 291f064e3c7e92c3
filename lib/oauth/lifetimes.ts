/** How long each credential lives. Short access tokens make revocation bite fast even offline. */
import { CONNECTION_IDLE_SECONDS } from "@/lib/domain/connections/connection-idleness";

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/**
 * A refresh token lives as long as an unused connection (CONNECTION_IDLE_SECONDS) from when it
 * was issued: every use issues a new one, so a connection in use never runs out, and one left
 * alone ends on both counts at the same time.
 */
export const REFRESH_TOKEN_TTL_SECONDS = CONNECTION_IDLE_SECONDS;
/** MCP authorization spec / OAuth 2.1 §4.1.2: codes are short-lived; ours live 60 s. */
export const AUTHORIZATION_CODE_TTL_SECONDS = 60;
/** How long a held authorization request waits for sign-in and consent. */
export const AUTHORIZATION_REQUEST_TTL_SECONDS = 10 * 60;
/** A client retrying a refresh within this window gets the same new pair instead of a revoked grant. */
export const REFRESH_REUSE_WINDOW_SECONDS = 30;
/** A dynamic registration that is never used to obtain a grant is removed after this. */
export const UNUSED_REGISTRATION_TTL_SECONDS = 24 * 60 * 60;
