import { describe, expect, it } from "vitest";
import { bearerChallenge } from "./bearer-challenge";

const resourceMetadataUrl = "https://hourbook.example/.well-known/oauth-protected-resource/mcp";

describe("bearerChallenge (RFC 6750 §3, RFC 9728 §5.1)", () => {
  it("always names the resource metadata, and nothing else when there is no error", () => {
    expect(bearerChallenge({ resourceMetadataUrl })).toBe(`Bearer resource_metadata="${resourceMetadataUrl}"`);
    expect(bearerChallenge({ resourceMetadataUrl, error: null })).toBe(`Bearer resource_metadata="${resourceMetadataUrl}"`);
  });

  it("puts the error first, then the metadata, the description and the scope", () => {
    expect(
      bearerChallenge({ resourceMetadataUrl, error: "insufficient_scope", description: "Needs time:write.", scope: "time:write" }),
    ).toBe(
      `Bearer error="insufficient_scope", resource_metadata="${resourceMetadataUrl}", error_description="Needs time:write.", scope="time:write"`,
    );
  });

  it("leaves out an empty description and scope", () => {
    expect(bearerChallenge({ resourceMetadataUrl, error: "invalid_token", description: "", scope: "" })).toBe(
      `Bearer error="invalid_token", resource_metadata="${resourceMetadataUrl}"`,
    );
  });

  it("drops quotes and backslashes so a value cannot end its quoted-string early", () => {
    expect(bearerChallenge({ resourceMetadataUrl, error: "invalid_token", description: 'bad "token" \\ here' })).toBe(
      `Bearer error="invalid_token", resource_metadata="${resourceMetadataUrl}", error_description="bad token  here"`,
    );
  });

  it("drops every quote, not just the first", () => {
    expect(bearerChallenge({ resourceMetadataUrl, scope: '"a" "b"' })).toBe(`Bearer resource_metadata="${resourceMetadataUrl}", scope="a b"`);
  });

  it("uses the DPoP scheme when asked, naming the proof algorithms last (RFC 9449 §7.1)", () => {
    expect(bearerChallenge({ resourceMetadataUrl, error: "invalid_dpop_proof", description: "No proof.", scheme: "DPoP" })).toBe(
      `DPoP error="invalid_dpop_proof", resource_metadata="${resourceMetadataUrl}", error_description="No proof.", algs="ES256 EdDSA Ed25519 PS256 RS256"`,
    );
  });

  it("stays Bearer, without algs, when the scheme is Bearer", () => {
    expect(bearerChallenge({ resourceMetadataUrl, scheme: "Bearer" })).toBe(`Bearer resource_metadata="${resourceMetadataUrl}"`);
  });
});
