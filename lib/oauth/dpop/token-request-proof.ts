/**
 * A token request's DPoP proof (RFC 9449 §5): when the request carries a `DPoP` header, it must
 * be a valid, unused proof for `POST <token endpoint>`, and the tokens issued are bound to its
 * key; without one, Bearer tokens are issued as before.
 */
import { authorizationServerMetadata } from "../metadata";
import { claimDpopProof } from "./claim-dpop-proof";
import { validateDpopProof, type ValidDpopProof } from "./validate-dpop-proof";

/** The proof's key, or null when the request carries none; throws `invalid_dpop_proof` (400). */
export async function tokenRequestProof(request: Request): Promise<ValidDpopProof | null> {
  const proof = request.headers.get("dpop");
  if (proof === null) return null;
  const valid = await validateDpopProof(proof, { method: request.method, url: authorizationServerMetadata().token_endpoint });
  await claimDpopProof(valid);
  return valid;
}
