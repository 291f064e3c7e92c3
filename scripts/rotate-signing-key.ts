/** `npm run oauth:rotate-key`: sign new access tokens with a fresh key (old tokens keep verifying). */
import { rotateSigningKey } from "@/lib/oauth/signing-keys";

const kid = await rotateSigningKey();
console.log(`Access tokens are now signed with key ${kid}. Retired keys stay in the JWK Set until their tokens expire.`);
