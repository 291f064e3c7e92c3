import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CODE_CHALLENGE, CODE_VERIFIER, s256, verifyCodeChallenge } from "./pkce";

// RFC 7636 Appendix B's worked example.
const RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

describe("s256", () => {
  it("is BASE64URL(SHA256(ASCII(verifier))) as in RFC 7636 Appendix B", () => {
    expect(s256(RFC_VERIFIER)).toBe(RFC_CHALLENGE);
  });

  it("hashes the ASCII bytes, so it equals a plain SHA-256 of the string", () => {
    const verifier = "a".repeat(43);
    expect(s256(verifier)).toBe(createHash("sha256").update(Buffer.from(verifier, "ascii")).digest("base64url"));
  });
});

describe("verifyCodeChallenge", () => {
  it("accepts the verifier that produced the challenge", () => {
    expect(verifyCodeChallenge(RFC_VERIFIER, RFC_CHALLENGE)).toBe(true);
  });

  it("refuses a different verifier", () => {
    expect(verifyCodeChallenge(RFC_VERIFIER.replace(/.$/, "Y"), RFC_CHALLENGE)).toBe(false);
  });

  it("refuses a challenge that is a prefix of the real one (lengths differ)", () => {
    expect(verifyCodeChallenge(RFC_VERIFIER, RFC_CHALLENGE.slice(0, 42))).toBe(false);
    expect(verifyCodeChallenge(RFC_VERIFIER, `${RFC_CHALLENGE}A`)).toBe(false);
  });

  it("accepts the shortest and longest verifiers RFC 7636 §4.1 allows", () => {
    for (const verifier of ["A".repeat(43), "~".repeat(128)]) {
      expect(verifyCodeChallenge(verifier, s256(verifier))).toBe(true);
    }
  });

  it("accepts every character of the unreserved set", () => {
    const verifier = "ABCXYZabcxyz0189-._~".repeat(3);
    expect(verifyCodeChallenge(verifier, s256(verifier))).toBe(true);
  });

  // Each refused verifier comes with its own correct challenge: only the verifier rule refuses it.
  it.each([
    ["42 characters (too short)", "A".repeat(42)],
    ["129 characters (too long)", "A".repeat(129)],
    ["a space", `${"A".repeat(42)} `],
    ["a plus sign", `${"A".repeat(42)}+`],
    ["a slash", `${"A".repeat(42)}/`],
    ["an equals sign", `${"A".repeat(42)}=`],
    ["a non-ASCII letter", `${"A".repeat(42)}é`],
    ["a leading newline", `\n${"A".repeat(43)}`],
    ["a trailing newline", `${"A".repeat(43)}\n`],
  ])("refuses a verifier with %s even when its challenge matches", (_why, verifier) => {
    expect(verifyCodeChallenge(verifier, s256(verifier))).toBe(false);
  });
});

describe("CODE_CHALLENGE", () => {
  it("matches exactly 43 base64url characters", () => {
    expect(CODE_CHALLENGE.test(RFC_CHALLENGE)).toBe(true);
    expect(CODE_CHALLENGE.test("-_".repeat(21) + "a")).toBe(true);
  });

  it.each([
    ["42 characters", RFC_CHALLENGE.slice(0, 42)],
    ["44 characters", `${RFC_CHALLENGE}A`],
    ["padding", `${RFC_CHALLENGE.slice(0, 42)}=`],
    ["standard base64's plus", `${RFC_CHALLENGE.slice(0, 42)}+`],
    ["a dot (allowed in verifiers, not in digests)", `${RFC_CHALLENGE.slice(0, 42)}.`],
    ["a leading space", ` ${RFC_CHALLENGE.slice(0, 42)}`],
    ["a trailing newline", `${RFC_CHALLENGE}\n`],
  ])("refuses a challenge with %s", (_why, challenge) => {
    expect(CODE_CHALLENGE.test(challenge)).toBe(false);
  });

  it("CODE_VERIFIER and CODE_CHALLENGE are anchored", () => {
    expect(CODE_VERIFIER.test(`!${"A".repeat(43)}`)).toBe(false);
    expect(CODE_VERIFIER.test(`${"A".repeat(43)}!`)).toBe(false);
  });
});
