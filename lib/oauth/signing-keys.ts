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

let cachedSigner: { key: SigningKey; until: number } | undefined;

/** The key new tokens are signed with, created on first use. */
export async function currentSigningKey(): Promise<SigningKey> {
  if (cachedSigner && cachedSigner.until > Date.now()) return cachedSigner.key;
  const row =
    (await db.oAuthSigningKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } })) ?? (await createSigningKey());
  const privateKey = (await importJWK(JSON.parse(decrypt(row.privateJwk)) as JWK, row.alg)) as CryptoKey;
  const key = { kid: row.kid, privateKey };
  cachedSigner = { key, until: Date.now() + 60_000 };
  return key;
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
