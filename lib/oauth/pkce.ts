/** PKCE with S256 only (RFC 7636 §4.2, §4.6; OAuth 2.1 forbids `plain`). */
import { createHash, timingSafeEqual } from "node:crypto";

/** RFC 7636 §4.1: 43–128 characters from the unreserved set. */
export const CODE_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
/** A base64url SHA-256 digest is exactly 43 characters. */
export const CODE_CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

/** BASE64URL(SHA256(ASCII(verifier))), 43 characters (RFC 7636 §4.2). */
export function s256(verifier: string): string {
  // Stryker disable next-line StringLiteral: verifiers reach here only after CODE_VERIFIER (ASCII), where "ascii" and the default UTF-8 give the same bytes.
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

/** True when `verifier` is a well-formed RFC 7636 §4.1 verifier whose S256 digest is `challenge` (§4.6); compared in constant time. */
export function verifyCodeChallenge(verifier: string, challenge: string): boolean {
  if (!CODE_VERIFIER.test(verifier)) return false;
  const actual = Buffer.from(s256(verifier));
  const expected = Buffer.from(challenge);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
