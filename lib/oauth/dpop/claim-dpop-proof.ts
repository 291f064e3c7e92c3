/**
 * Single use of a DPoP proof (RFC 9449 §4.3 step 9 via §11.1): each `jti` is accepted once per
 * key for as long as its `iat` could still pass the window. The claim is one insert under the
 * table's primary key, so of any number of instances seeing the same proof at once exactly one
 * wins; the sweep (lib/integrations/bookkeeping-sweeps.ts) removes what can no longer replay.
 */
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/domain/unique-violation";
import { OAuthError } from "../errors";
import { DPOP_IAT_WINDOW_SECONDS, type ValidDpopProof } from "./validate-dpop-proof";

/** Records the proof's `jti`; throws `invalid_dpop_proof` when it was presented before. */
export async function claimDpopProof(proof: ValidDpopProof): Promise<void> {
  // Past iat + window the proof is refused as too old, so the row need not outlive that.
  const expiresAt = new Date((proof.iat + DPOP_IAT_WINDOW_SECONDS + 1) * 1000);
  try {
    await db.oAuthDpopProof.create({ data: { jkt: proof.jkt, jti: proof.jti, expiresAt } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new OAuthError("invalid_dpop_proof", "This DPoP proof was already used; sign a fresh one (a new jti) for every request.");
    throw error;
  }
}

/** The sweep: forgets proofs whose `iat` has left the window. Returns how many went. */
export async function deleteExpiredDpopProofs(now = new Date()): Promise<number> {
  const { count } = await db.oAuthDpopProof.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
