/**
 * Keys that sign access tokens, kept in the database so every app instance signs and
 * verifies with the same set. The newest unretired key signs; retired keys stay published
 * until tokens they signed can no longer be valid. Private keys are encrypted at rest.
 */
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from "jose";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { isStorageUnavailable } from "@/lib/db-errors";
import { ACCESS_TOKEN_TTL_SECONDS } from "./lifetimes";
import { decrypt, encrypt } from "./secrets";

export const SIGNING_ALG = "ES256";

const PublicJwk = z.looseObject({ kty: z.string(), kid: z.string() });

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

/**
 * How long one process trusts what it last read of the key set; the bound within which a
 * rotation made anywhere (`npm run oauth:rotate-key`, or another instance) is seen everywhere:
 * - signing: each process re-reads the key it signs with at most this long after it last did,
 *   so every instance signs with the new key within KEY_SET_REFRESH_SECONDS of a rotation;
 * - verifying: each process re-reads the published keys when they are this old, and at once
 *   when a token names a key it has not seen — so a token signed with a new key verifies on
 *   every instance as soon as it exists, and a key taken out of the set stops verifying within
 *   this bound.
 * Retired keys stay published for a token lifetime plus a minute (publishedKeys), which covers
 * the tokens an instance signs with the old key during this bound.
 */
export const KEY_SET_REFRESH_SECONDS = 10;

let cachedSigner: { key: SigningKey; until: number } | undefined;

/**
 * The key new tokens are signed with, created on first use.
 * @throws EncryptionSecretMismatch when this instance's HOURBOOK_ENCRYPTION_SECRET cannot open it
 */
export async function currentSigningKey(): Promise<SigningKey> {
  if (cachedSigner && cachedSigner.until > Date.now()) return cachedSigner.key;
  const row =
    (await db.oAuthSigningKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } })) ?? (await createSigningKey());
  const privateKey = (await importJWK(JSON.parse(decrypt(row.privateJwk, `signing key ${row.kid}`)) as JWK, row.alg)) as CryptoKey;
  const key = { kid: row.kid, privateKey };
  cachedSigner = { key, until: Date.now() + KEY_SET_REFRESH_SECONDS * 1000 };
  return key;
}

/**
 * At start-up: can this instance open the key it would sign with? Instances on one database
 * must share HOURBOOK_ENCRYPTION_SECRET; one that does not is refused here, with a message
 * naming the setting, rather than failing every token request later. No key yet, or a database
 * that cannot be read right now, is not a mismatch: it passes (the first use checks again).
 * @throws EncryptionSecretMismatch
 */
export async function assertSigningKeyReadable(): Promise<void> {
  let row: { kid: string; privateJwk: string } | null;
  try {
    row = await db.oAuthSigningKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" }, select: { kid: true, privateJwk: true } });
  } catch {
    return;
  }
  if (row) decrypt(row.privateJwk, `signing key ${row.kid} (the one access tokens are signed with)`);
}

async function createSigningKey() {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const kid = randomBytes(12).toString("base64url");
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG, use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG };
  return db.oAuthSigningKey.create({
    data: { kid, alg: SIGNING_ALG, publicJwk, privateJwk: encrypt(JSON.stringify(privateJwk)) },
  });
}

/** The JWK Set published at jwks_uri: active keys and recently retired ones. */
export async function publishedKeys(): Promise<{ keys: JWK[] }> {
  const stillValid = new Date(Date.now() - ACCESS_TOKEN_TTL_SECONDS * 1000 - 60_000);
  const rows = await db.oAuthSigningKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: stillValid } }] },
    orderBy: { createdAt: "desc" },
  });
  if (rows.length === 0) {
    try {
      await currentSigningKey();
    } catch (error) {
      // No key yet and none can be saved: then no token has been signed either; publish none.
      if (isStorageUnavailable(error)) return { keys: [] };
      throw error;
    }
    return publishedKeys();
  }
  return { keys: rows.map((r) => PublicJwk.parse(r.publicJwk) as JWK) };
}

/** Starts signing with a fresh key; the old ones keep verifying until their tokens expire. */
export async function rotateSigningKey(): Promise<string> {
  const fresh = await createSigningKey();
  await db.oAuthSigningKey.updateMany({ where: { retiredAt: null, kid: { not: fresh.kid } }, data: { retiredAt: new Date() } });
  cachedSigner = undefined;
  return fresh.kid;
}
