/**
 * The stateless DPoP proof checks (RFC 9449 §4.3), one row per way a proof can be wrong. The
 * proofs are made with lib/testing/dpop.ts, which changes exactly the part a row is about.
 */
import { exportJWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { dpopProof, newDpopKey, TOKEN_ENDPOINT, unsignedProof, type DpopKey } from "@/lib/testing/dpop";
import { OAuthError } from "../errors";
import { accessTokenHash, DPOP_IAT_WINDOW_SECONDS, DPOP_SIGNING_ALGS, validateDpopProof, type DpopRequest } from "./validate-dpop-proof";

const TOKEN_REQUEST: DpopRequest = { method: "POST", url: TOKEN_ENDPOINT };
const ACCESS_TOKEN = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2ln";
const MCP_REQUEST: DpopRequest = { method: "POST", url: "http://localhost:3000/mcp", accessToken: ACCESS_TOKEN };
const now = () => Math.floor(Date.now() / 1000);

let key: DpopKey;
let other: DpopKey;

beforeAll(async () => {
  key = await newDpopKey();
  other = await newDpopKey();
});

describe("validateDpopProof accepts", () => {
  it("a fresh proof, answering its key's thumbprint, jti and iat", async () => {
    const iat = now();
    const proof = await dpopProof(key, { iat, claims: { jti: "one-jti" } });
    expect(await validateDpopProof(proof, TOKEN_REQUEST)).toEqual({ jkt: key.jkt, jti: "one-jti", iat });
  });

  it.each(DPOP_SIGNING_ALGS.filter((alg) => alg !== "ES256"))("a proof signed with %s", async (alg) => {
    const k = await newDpopKey(alg);
    expect((await validateDpopProof(await dpopProof(k), TOKEN_REQUEST)).jkt).toBe(k.jkt);
  });

  it("a proof next to an access token whose ath is that token's hash", async () => {
    const proof = await dpopProof(key, { htu: MCP_REQUEST.url, accessToken: ACCESS_TOKEN });
    expect((await validateDpopProof(proof, MCP_REQUEST)).jkt).toBe(key.jkt);
  });

  it.each([
    ["with a query and fragment", `${TOKEN_ENDPOINT}?a=1#f`],
    ["with an upper-case scheme and host", "HTTP://LOCALHOST:3000/oauth/token"],
    ["with a dot segment", "http://localhost:3000/x/../oauth/token"],
  ])("an htu %s (compared without query and fragment, normalised)", async (_, htu) => {
    expect((await validateDpopProof(await dpopProof(key, { htu }), TOKEN_REQUEST)).jkt).toBe(key.jkt);
  });

  it("an htu naming the request's default port explicitly", async () => {
    const request = { method: "GET", url: "https://hourbook.example/api/v1/me" };
    expect((await validateDpopProof(await dpopProof(key, { htm: "GET", htu: "https://hourbook.example:443/api/v1/me" }), request)).jkt).toBe(key.jkt);
  });

  it.each([
    ["the oldest", -DPOP_IAT_WINDOW_SECONDS],
    ["the newest", DPOP_IAT_WINDOW_SECONDS],
  ])("%s iat the window allows", async (_, offset) => {
    const at = Date.now();
    const proof = await dpopProof(key, { iat: Math.floor(at / 1000) + offset });
    expect((await validateDpopProof(proof, TOKEN_REQUEST, Math.floor(at / 1000) * 1000)).jkt).toBe(key.jkt);
  });
});

describe("validateDpopProof refuses with invalid_dpop_proof", () => {
  type Row = [string, () => Promise<string> | string, RegExp, DpopRequest?];
  it.each<Row>([
    ["another method (htm)", () => dpopProof(key, { htm: "GET" }), /htm must be POST/],
    ["a lower-case method (htm)", () => dpopProof(key, { htm: "post" }), /htm must be POST/],
    ["another path (htu)", () => dpopProof(key, { htu: "http://localhost:3000/oauth/revoke" }), /htu must be http:\/\/localhost:3000\/oauth\/token/],
    ["another host (htu)", () => dpopProof(key, { htu: "http://127.0.0.1:3000/oauth/token" }), /htu must be/],
    ["another scheme (htu)", () => dpopProof(key, { htu: "https://localhost:3000/oauth/token" }), /htu must be/],
    ["an htu that is no URL", () => dpopProof(key, { htu: "/oauth/token" }), /htu must be/],
    ["an iat too old", () => dpopProof(key, { iat: now() - DPOP_IAT_WINDOW_SECONDS - 5 }), /too old/],
    ["an iat in the future", () => dpopProof(key, { iat: now() + DPOP_IAT_WINDOW_SECONDS + 5 }), /future/],
    ["a missing iat", () => dpopProof(key, { claims: { iat: undefined } }), /needs jti, htm, htu and iat/],
    ["a string iat", () => dpopProof(key, { claims: { iat: String(now()) } }), /not a valid signed JWT|needs jti/],
    ["a missing jti", () => dpopProof(key, { claims: { jti: undefined } }), /needs jti, htm, htu and iat/],
    ["an empty jti", () => dpopProof(key, { claims: { jti: "" } }), /needs jti/],
    ["a jti longer than 256 characters", () => dpopProof(key, { claims: { jti: "j".repeat(257) } }), /needs jti/],
    ["a missing htm", () => dpopProof(key, { claims: { htm: undefined } }), /needs jti, htm/],
    ["a missing htu", () => dpopProof(key, { claims: { htu: undefined } }), /needs jti, htm, htu/],
    ["a signature by another key than the jwk's", () => dpopProof(key, { signWith: other.privateKey }), /signature does not verify/],
    ["a payload changed after signing", async () => {
      const [h, , s] = (await dpopProof(key)).split(".");
      const forged = Buffer.from(JSON.stringify({ jti: "forged", htm: "POST", htu: TOKEN_ENDPOINT, iat: now() })).toString("base64url");
      return `${h}.${forged}.${s}`;
    }, /signature does not verify/],
    ["a private key in the jwk header", async () => dpopProof(key, { header: { jwk: await exportJWK(key.privateKey) } }), /must be a public key/],
    ["no jwk header", () => dpopProof(key, { header: { jwk: undefined } }), /public key as jwk/],
    ["a jwk that is no key", () => dpopProof(key, { header: { jwk: { kty: "EC", crv: "P-256" } } }), /not a valid signed JWT/],
    ["typ JWT instead of dpop+jwt", () => dpopProof(key, { header: { typ: "JWT" } }), /typ must be dpop\+jwt/],
    ["no typ", () => dpopProof(key, { header: { typ: undefined } }), /typ must be dpop\+jwt/],
    ["typ at+jwt (an access token as proof)", () => dpopProof(key, { header: { typ: "at+jwt" } }), /typ must be dpop\+jwt/],
    ["alg none", () => unsignedProof(key, "c2lnbmF0dXJl"), /alg must be one of ES256, EdDSA, Ed25519, PS256, RS256/],
    ["alg none with an empty signature", () => unsignedProof(key), /exactly one proof, a compact JWT/],
    ["alg HS256 (a shared secret)", () => dpopProof(key, { header: { alg: "HS256" }, signWith: new Uint8Array(32).fill(7) }), /alg must be one of/],
    ["alg ES384, which we do not accept", async () => dpopProof(await newDpopKey("ES384")), /alg must be one of/],
    ["a header alg that does not fit the jwk", async () => dpopProof(key, { header: { alg: "PS256" }, signWith: (await newDpopKey("PS256")).privateKey }), /not a valid signed JWT/],
    ["two DPoP headers (joined by a comma)", async () => `${await dpopProof(key)}, ${await dpopProof(key)}`, /exactly one proof/],
    ["a value that is no JWT", () => "not-a-proof", /exactly one proof/],
    ["a header that is not JSON", () => "bm90IGpzb24.e30.c2ln", /header is not readable JSON/],
    ["an oversized proof", async () => dpopProof(key, { claims: { pad: "x".repeat(9000) } }), /exactly one proof/],
    ["no ath next to an access token", () => dpopProof(key, { htu: MCP_REQUEST.url }), /ath does not match/, MCP_REQUEST],
    ["the ath of another access token", () => dpopProof(key, { htu: MCP_REQUEST.url, accessToken: `${ACCESS_TOKEN}x` }), /ath does not match/, MCP_REQUEST],
  ])("%s", async (_, make, description, request) => {
    const refused = validateDpopProof(await make(), request ?? TOKEN_REQUEST);
    await expect(refused).rejects.toBeInstanceOf(OAuthError);
    await expect(refused).rejects.toMatchObject({ code: "invalid_dpop_proof", status: 400, description: expect.stringMatching(description) });
  });
});

describe("accessTokenHash", () => {
  it("is base64url(SHA-256) of the token, as in RFC 9449 §7.1's example", () => {
    expect(accessTokenHash("Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU")).toBe("fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo");
  });
});
