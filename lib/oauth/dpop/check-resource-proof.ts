/**
 * The sender constraint at a protected resource (RFC 9449 §7): a DPoP-bound access token
 * (`cnf.jkt`) is accepted only as `Authorization: DPoP`, with a valid proof for this request,
 * over this token (`ath`), signed by the bound key and never seen before. An unbound token is a
 * Bearer token as ever (§7.2): presented as Bearer, a DPoP header beside it changes nothing.
 */
import { OAuthError } from "../errors";
import { claimDpopProof } from "./claim-dpop-proof";
import { validateDpopProof } from "./validate-dpop-proof";

export type TokenScheme = "Bearer" | "DPoP";

/** The request a proof must name: its DPoP header, method and public URL. */
export interface ProofRequest {
  proof: string | null;
  method: string;
  /** The request's URL under the configured public base URL (`htu`), never from the Host header. */
  url: string;
}

/**
 * Throws `invalid_token` for a token presented under the wrong scheme or a proof by another key,
 * `invalid_dpop_proof` for a missing, invalid or replayed proof; both are 401s with a DPoP challenge.
 */
export async function checkResourceProof(scheme: TokenScheme, token: string, boundJkt: string | undefined, request: ProofRequest | undefined): Promise<void> {
  if (scheme === "Bearer") {
    if (boundJkt) throw new OAuthError("invalid_token", "This access token is DPoP-bound: send it as `Authorization: DPoP <access token>` with a DPoP proof.");
    return;
  }
  if (!boundJkt) throw new OAuthError("invalid_token", "This access token is not DPoP-bound: send it as `Authorization: Bearer <access token>`.");
  if (!request?.proof) throw new OAuthError("invalid_dpop_proof", "A DPoP-bound access token needs a DPoP proof for this request.");
  const proof = await validateDpopProof(request.proof, { method: request.method, url: request.url, accessToken: token });
  // §4.3 step 12; RFC 9449 §7.1 answers a key that does not match with invalid_token.
  if (proof.jkt !== boundJkt) throw new OAuthError("invalid_token", "The DPoP proof is signed with another key than the one the access token is bound to.");
  await claimDpopProof(proof);
}
