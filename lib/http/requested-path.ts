/**
 * The request header in which proxy.ts records the page asked for, so server components can
 * send a signed-out visitor back there after signing in (lib/auth/session.ts).
 */
export const REQUESTED_PATH_HEADER = "x-hourbook-requested-path";
