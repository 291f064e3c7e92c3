/**
 * The client side of DPoP (RFC 9449) for tests: a key pair and proofs signed with it, each part
 * replaceable so a test can break exactly one thing.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { randomBytes } from "node:crypto";
import { accessTokenHash } from "@/lib/oauth/dpop/validate-dpop-proof";

export const TOKEN_ENDPOINT = "http://localhost:3000/oauth/token";
export const MCP_URL = "http://localhost:3000/mcp";

export interface DpopKey {
  alg: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  /** The RFC 7638 thumbprint a token bound to this key carries as cnf.jkt. */
  jkt: string;
}

export async function newDpopKey(alg = "ES256"): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  return { alg, privateKey, publicJwk, jkt: await calculateJwkThumbprint(publicJwk, "sha256") };
}

export interface ProofOptions {
  htm?: string;
  htu?: string;
  /** Sets `ath` to this token's hash. */
  accessToken?: string;
  /** Seconds since the epoch; now by default. */
  iat?: number;
  /** Claims to add or (undefined) remove, applied last. */
  claims?: Record<string, unknown>;
  /** Header parameters to replace, applied last. */
  header?: Record<string, unknown>;
  /** Sign with this key instead (the header still names `key`'s jwk unless replaced). */
  signWith?: CryptoKey | Uint8Array;
}

/** A fresh proof (new jti) for POST to the token endpoint unless told otherwise. */
export async function dpopProof(key: DpopKey, options: ProofOptions = {}): Promise<string> {
  const payload: Record<string, unknown> = {
    jti: randomBytes(16).toString("base64url"),
    htm: options.htm ?? "POST",
    htu: options.htu ?? TOKEN_ENDPOINT,
    iat: options.iat ?? Math.floor(Date.now() / 1000),
    ...(options.accessToken !== undefined ? { ath: accessTokenHash(options.accessToken) } : {}),
  };
  for (const [name, value] of Object.entries(options.claims ?? {})) {
    if (value === undefined) delete payload[name];
    else payload[name] = value;
  }
  const header = { alg: key.alg, typ: "dpop+jwt", jwk: key.publicJwk, ...options.header };
  return new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(options.signWith ?? key.privateKey);
}

/** A JWT claiming `alg: none` (which jose will not produce), with `signature` as its third part. */
export function unsignedProof(key: DpopKey, signature = ""): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const payload = { jti: randomBytes(16).toString("base64url"), htm: "POST", htu: TOKEN_ENDPOINT, iat: Math.floor(Date.now() / 1000) };
  return `${part({ alg: "none", typ: "dpop+jwt", jwk: key.publicJwk })}.${part(payload)}.${signature}`;
}
