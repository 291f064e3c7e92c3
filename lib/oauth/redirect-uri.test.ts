import { describe, expect, it } from "vitest";
import { allRedirectsAreLocal, redirectUriMatches, redirectUriProblem } from "./redirect-uri";

describe("redirectUriProblem", () => {
  it.each([
    "https://app.example.com/callback",
    "http://127.0.0.1/callback",
    "http://127.0.0.1:33418/callback",
    "http://[::1]:8080/cb",
    "http://localhost:6274/oauth/callback",
    "cursor://anysphere.cursor-retrieval/oauth/callback",
    "com.example.app:/oauth2redirect",
  ])("accepts %s", (uri) => {
    expect(redirectUriProblem(uri)).toBeNull();
  });

  it.each([
    ["http://app.example.com/callback", "uses http on a non-loopback host"],
    ["https://app.example.com/callback#frag", "must not contain a fragment"],
    ["javascript:alert(1)", "javascript: redirect URIs are not allowed"],
    ["data:text/html,hi", "data: redirect URIs are not allowed"],
    ["/relative/callback", "is not an absolute URI"],
    ["https://user:pw@app.example.com/cb", "must not contain credentials"],
  ])("refuses %s", (uri, problem) => {
    expect(redirectUriProblem(uri)).toContain(problem);
  });
});

describe("redirectUriMatches", () => {
  it.each([
    ["https://app.example.com/cb", "https://app.example.com/cb", true],
    ["https://app.example.com/cb?x=1", "https://app.example.com/cb", false],
    ["https://app.example.com/cb/", "https://app.example.com/cb", false],
    ["https://app.example.com:8443/cb", "https://app.example.com/cb", false],
    ["http://127.0.0.1:51234/cb", "http://127.0.0.1/cb", true],
    ["http://127.0.0.1:51234/cb", "http://127.0.0.1:3000/cb", true],
    ["http://localhost:51234/cb", "http://127.0.0.1/cb", false],
    ["http://127.0.0.1:51234/other", "http://127.0.0.1/cb", false],
    ["cursor://anysphere.cursor-retrieval/oauth/callback", "cursor://anysphere.cursor-retrieval/oauth/callback", true],
    ["cursor://anysphere.cursor-retrieval/oauth/callback2", "cursor://anysphere.cursor-retrieval/oauth/callback", false],
  ])("%s against registered %s: %s", (requested, registered, expected) => {
    expect(redirectUriMatches(requested, registered)).toBe(expected);
  });
});

describe("allRedirectsAreLocal", () => {
  it("is true only when every redirect is loopback http", () => {
    expect(allRedirectsAreLocal(["http://127.0.0.1/cb", "http://localhost:3000/cb"])).toBe(true);
    expect(allRedirectsAreLocal(["http://127.0.0.1/cb", "https://app.example.com/cb"])).toBe(false);
  });
});
