/**
 * Single-use link tokens (invitations, password resets). Only the SHA-256 hash is stored, so a
 * database dump opens nothing; the recognisable prefix lets secret scanners and people tell
 * what leaked. (The authorization server has its own copy in lib/oauth/secrets.ts: the domain
 * may not import lib/oauth.)
 */
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = {
  /** Invitation to join a workspace. */
  invitation: "hbi_",
  /** Password reset link. */
  passwordReset: "hbpr_",
} as const;

/** A fresh token: prefix + 32 random bytes, base64url (43 characters). */
export function newLinkToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** The stored form of a token: SHA-256, base64url. */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** A token as it arrives in a URL: bounded and plain, so nothing odd reaches a query. */
export function isPlausibleToken(token: string, prefix: string): boolean {
  return token.length <= 100 && token.startsWith(prefix) && /^[A-Za-z0-9_-]+$/.test(token);
}
