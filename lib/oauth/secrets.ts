/**
 * Opaque credentials (codes, refresh tokens, client secrets, request ids) and their storage
 * form. Only SHA-256 hashes are stored; the recognisable prefix lets secret scanners and
 * people tell what leaked.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { persistentSecret, secretSource } from "@/lib/env";

export const PREFIX = {
  code: "hbac_",
  refreshToken: "hbrt_",
  clientSecret: "hbcs_",
  clientId: "hbci_",
  request: "hbar_",
} as const;

export function newOpaqueToken(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

function encryptionKey(): Buffer {
  return createHash("sha256").update(persistentSecret("HOURBOOK_ENCRYPTION_SECRET")).digest();
}

/** AES-256-GCM for the few things kept encrypted at rest (private signing keys, retry responses). */
export function encrypt(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/**
 * Opens a value sealed by `encrypt`.
 * @param what what the value is, for the error ("signing key abc")
 * @throws EncryptionSecretMismatch when the value was sealed with another HOURBOOK_ENCRYPTION_SECRET
 */
export function decrypt(sealed: string, what = "a value stored in the database"): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("Unrecognised encrypted value.");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    // GCM's tag check is the only thing that fails here: the key is not the one that sealed it.
    throw new EncryptionSecretMismatch(what);
  }
}

/**
 * A value in the database was encrypted with another HOURBOOK_ENCRYPTION_SECRET than this
 * instance's: instances sharing a database were given different secrets (or none, so each
 * generated its own), or the secret was lost.
 */
export class EncryptionSecretMismatch extends Error {
  constructor(what: string) {
    super(
      `Cannot decrypt ${what} with this instance's HOURBOOK_ENCRYPTION_SECRET (from ${secretSource("HOURBOOK_ENCRYPTION_SECRET")}): ` +
        "it was encrypted with another secret. Every instance that shares a database must be given the same HOURBOOK_ENCRYPTION_SECRET " +
        "(and the same NEXTAUTH_SECRET) in its environment. If the secret is lost for good, `npm run oauth:rotate-key` starts a new signing key.",
    );
    this.name = "EncryptionSecretMismatch";
  }
}
