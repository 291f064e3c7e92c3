/**
 * The stateless checks of a DPoP proof (RFC 9449 §4.3): one compact JWS with `typ: dpop+jwt`,
 * an asymmetric `alg` we accept, a public `jwk` it verifies with, `jti`, `htm` and `htu` naming
 * this very request, `iat` inside the window, and — next to an access token — `ath`. The one
 * stateful check, that the `jti` is new, is claim-dpop-proof.ts. Server nonces (§8, §9) are
 * not issued; the `iat` window and the `jti` store bound replay instead (§11.1).
 */
import { createHash } from "node:crypto";
import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, errors as joseErrors, jwtVerify, type JWK } from "jose";
import { z } from "zod";
import { OAuthError } from "../errors";

/**
 * The proof algorithms we verify (advertised as `dpop_signing_alg_values_supported`): ES256,
 * the MCP client's default and RFC 9449's examples; EdDSA (and its fully specified name
 * Ed25519, RFC 9864), small and fast; PS256 and RS256 for keys held where only RSA is on offer
 * (jose refuses moduli under 2048 bits). Never `none` or an HMAC: a proof must be signed with a
 * private key only the client holds (§4.3 step 5, §11.6).
 */
export const DPOP_SIGNING_ALGS = ["ES256", "EdDSA", "Ed25519", "PS256", "RS256"] as const;

/** How far a proof's `iat` may lie from our clock, either way (§4.3 step 11, §11.1). */
export const DPOP_IAT_WINDOW_SECONDS = 60;

/** Far above any proof with an RSA-4096 key; a cap on the work an unauthenticated header can ask for. */
const MAX_PROOF_LENGTH = 8192;

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const PRIVATE_JWK_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k", "priv"];

const ProofClaims = z.object({
  jti: z.string().min(1).max(256),
  htm: z.string(),
  htu: z.string(),
  iat: z.number(),
  ath: z.string().optional(),
});

/** What the proof is checked against. */
export interface DpopRequest {
  /** The request's method (`htm`). */
  method: string;
  /** The request's public URL (`htu`), from the configured base URL, never the Host header. */
  url: string;
  /** The access token the proof travels with; a proof to the token endpoint has none. */
  accessToken?: string;
}

export interface ValidDpopProof {
  /** The JWK SHA-256 thumbprint of the proof's key (RFC 7638): what tokens are bound to (`cnf.jkt`). */
  jkt: string;
  jti: string;
  iat: number;
}

const invalidProof = (description: string) => new OAuthError("invalid_dpop_proof", description);

/** RFC 9449 §4.3 steps 1–9, 11 and 12 (ath). Throws `invalid_dpop_proof`; the key's thumbprint is the caller's to compare. */
export async function validateDpopProof(proof: string, request: DpopRequest, now = Date.now()): Promise<ValidDpopProof> {
  if (proof.length > MAX_PROOF_LENGTH || !COMPACT_JWS.test(proof)) throw invalidProof("The DPoP header must carry exactly one proof, a compact JWT.");
  const header = readHeader(proof);
  if (header.typ !== "dpop+jwt") throw invalidProof("The DPoP proof's typ must be dpop+jwt.");
  if (!DPOP_SIGNING_ALGS.includes(header.alg as (typeof DPOP_SIGNING_ALGS)[number])) {
    throw invalidProof(`The DPoP proof's alg must be one of ${DPOP_SIGNING_ALGS.join(", ")}.`);
  }
  const jwk = header.jwk;
  if (!jwk || typeof jwk !== "object") throw invalidProof("The DPoP proof must carry its public key as jwk.");
  if (PRIVATE_JWK_MEMBERS.some((member) => member in jwk)) throw invalidProof("The DPoP proof's jwk must be a public key, never a private one.");

  let payload;
  try {
    ({ payload } = await jwtVerify(proof, EmbeddedJWK, { algorithms: [...DPOP_SIGNING_ALGS], typ: "dpop+jwt", currentDate: new Date(now) }));
  } catch (error) {
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) throw invalidProof("The DPoP proof's signature does not verify with its jwk.");
    throw invalidProof("The DPoP proof is not a valid signed JWT with a usable jwk.");
  }
  const claims = ProofClaims.safeParse(payload);
  if (!claims.success) throw invalidProof("The DPoP proof needs jti, htm, htu and iat claims.");
  const { jti, htm, htu, iat, ath } = claims.data;

  if (htm !== request.method) throw invalidProof(`The DPoP proof's htm must be ${request.method}.`);
  if (withoutQuery(htu) !== withoutQuery(request.url)) throw invalidProof(`The DPoP proof's htu must be ${withoutQuery(request.url)}.`);
  const age = now / 1000 - iat;
  if (age > DPOP_IAT_WINDOW_SECONDS) throw invalidProof("The DPoP proof is too old; sign a fresh one for every request.");
  if (age < -DPOP_IAT_WINDOW_SECONDS) throw invalidProof("The DPoP proof's iat lies in the future; check the client's clock.");
  if (request.accessToken !== undefined && ath !== accessTokenHash(request.accessToken)) {
    throw invalidProof("The DPoP proof's ath does not match the access token it was sent with.");
  }
  return { jkt: await calculateJwkThumbprint(jwk, "sha256"), jti, iat };
}

/** `ath` (RFC 9449 §4.2): base64url of the SHA-256 of the access token's ASCII. */
export function accessTokenHash(accessToken: string): string {
  return createHash("sha256").update(accessToken, "ascii").digest("base64url");
}

function readHeader(proof: string): { typ?: unknown; alg?: unknown; jwk?: JWK } {
  try {
    return decodeProtectedHeader(proof);
  } catch {
    throw invalidProof("The DPoP proof's header is not readable JSON.");
  }
}

/**
 * §4.3 step 9: compared without query and fragment, after the URL parser's syntax- and
 * scheme-based normalisation (RFC 3986 §6.2.2, §6.2.3: case, default port, dot segments).
 * An unparsable value matches nothing.
 */
function withoutQuery(value: string): string | null {
  const url = URL.parse(value);
  if (!url) return null;
  url.search = "";
  url.hash = "";
  return url.href;
}
