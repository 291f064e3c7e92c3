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
    "HTTPS://app.example.com/callback",
    "http://127.0.0.1:65535/callback",
    // Credentials matter only where a browser shows a host; a private-use scheme is the app's own.
    "com.example.app://user@callback",
  ])("accepts %s", (uri) => {
    expect(redirectUriProblem(uri)).toBeNull();
  });

  it.each([
    ["http://app.example.com/callback", "uses http on a non-loopback host"],
    ["https://app.example.com/callback#frag", "must not contain a fragment"],
    ["javascript:alert(1)", "javascript: redirect URIs are not allowed"],
    ["data:text/html,hi", "data: redirect URIs are not allowed"],
    // Schemes that run, embed or read local content, or open a socket rather than a page.
    ["vbscript:msgbox(1)", "vbscript: redirect URIs are not allowed"],
    ["file:///etc/passwd", "file: redirect URIs are not allowed"],
    ["about:blank", "about: redirect URIs are not allowed"],
    ["blob:https://app.example.com/0b7e4c1a", "blob: redirect URIs are not allowed"],
    ["filesystem:https://app.example.com/temporary/cb", "filesystem: redirect URIs are not allowed"],
    ["ws://127.0.0.1:9999/cb", "ws: redirect URIs are not allowed"],
    ["wss://app.example.com/cb", "wss: redirect URIs are not allowed"],
    ["JavaScript:alert(1)", "javascript: redirect URIs are not allowed"],
    ["/relative/callback", "is not an absolute URI"],
    ["https://user:pw@app.example.com/cb", "must not contain credentials"],
    ["https://@app.example.com/cb", "must not contain credentials"],
    ["https://user@app.example.com/cb", "must not contain credentials"],
    ["https://:@app.example.com/cb", "must not contain credentials"],
    ["https://:pw@app.example.com/cb", "must not contain credentials"],
    // Spellings the URL parser reads as https://… but other parsers may not: the credentials
    // check would see no authority in them.
    ["https:@app.example.com/cb", "must start with https://"],
    ["https:app.example.com/cb?next=https://@evil.example", "must start with https://"],
    [" https://@app.example.com/cb", "must start with https://"],
    ["https:\\\\@app.example.com/cb", "must start with https://"],
    ["https:/@app.example.com/cb", "must start with https://"],
    ["http:@127.0.0.1/cb", "must start with http://"],
    ["http://evil@127.0.0.1:9999/cb", "must not contain credentials"],
    ["http://2130706433:9999/cb", "uses http on a non-loopback host"],
    ["http://127.1:9999/cb", "uses http on a non-loopback host"],
    ["http://0x7f.0.0.1/cb", "uses http on a non-loopback host"],
    ["http://LOCALHOST:9999/cb", "uses http on a non-loopback host"],
    ["http://[0:0:0:0:0:0:0:1]/cb", "uses http on a non-loopback host"],
    ["http://127.0.0.1:99999/cb", "is not an absolute URI"],
    ["http://127.0.0.1:65536/cb", "is not an absolute URI"],
  ])("refuses %s", (uri, problem) => {
    expect(redirectUriProblem(uri)).toContain(problem);
  });
});

describe("redirectUriMatches", () => {
  it.each([
    ["https://app.example.com/cb", "https://app.example.com/cb"],
    ["http://127.0.0.1:51234/cb", "http://127.0.0.1/cb"],
    ["http://127.0.0.1:51234/cb", "http://127.0.0.1:3000/cb"],
    ["http://127.0.0.1/cb", "http://127.0.0.1:3000/cb"],
    ["http://[::1]:51234/cb", "http://[::1]:8080/cb"],
    ["http://127.0.0.1:51234/cb?app=1", "http://127.0.0.1:9999/cb?app=1"],
    ["http://127.0.0.1:51234", "http://127.0.0.1:9999"],
    ["http://127.0.0.1:65535/cb", "http://127.0.0.1/cb"],
    ["http://localhost:6274/oauth/callback", "http://localhost:6274/oauth/callback"],
    ["cursor://anysphere.cursor-retrieval/oauth/callback", "cursor://anysphere.cursor-retrieval/oauth/callback"],
  ])("matches %s against registered %s", (requested, registered) => {
    expect(redirectUriMatches(requested, registered)).toBe(true);
  });

  // RFC 8252 §7.3, RFC 9700 §4.1.3: only the port of a loopback IP literal may differ; any
  // other spelling of scheme, userinfo, host, path or query is another URI, whatever a URL
  // parser would make of it.
  it.each([
    ["http://evil@127.0.0.1:9999/cb", "http://127.0.0.1:9999/cb"],
    ["http://2130706433:9999/cb", "http://127.0.0.1:9999/cb"],
    ["http://127.1:9999/cb", "http://127.0.0.1:9999/cb"],
    ["http://0x7f.0.0.1/cb", "http://127.0.0.1/cb"],
    ["http://0177.0.0.1:9999/cb", "http://127.0.0.1:9999/cb"],
    ["http://127.0.0.1:9999/cb/../cb", "http://127.0.0.1:9999/cb"],
    ["http://127.0.0.1:9999/%63b", "http://127.0.0.1:9999/cb"],
    ["http://127.0.0.1:9999/x/%2e%2e/cb", "http://127.0.0.1:9999/cb"],
    ["http://127.0.0.1:9999/cb/", "http://127.0.0.1:9999/cb"],
    ["http://127.0.0.1:9999", "http://127.0.0.1:9999/"],
    ["http://127.0.0.1:9999/CB", "http://127.0.0.1:9999/cb"],
    ["HTTP://127.0.0.1:9999/cb", "http://127.0.0.1:9999/cb"],
    ["https://127.0.0.1:9999/cb", "http://127.0.0.1:9999/cb"],
    ["http://127.0.0.1:9999/cb", "https://127.0.0.1:9999/cb"],
    ["https://127.0.0.1:51234/cb", "https://127.0.0.1:9999/cb"],
    ["web+http://127.0.0.1:51234/cb", "http://127.0.0.1:9999/cb"],
    ["x-http://[::1]:51234/cb", "http://[::1]:9999/cb"],
    ["http://127.0.0.1:9999/cb?x=1", "http://127.0.0.1:9999/cb"],
    ["http://127.0.0.1:9999/cb?", "http://127.0.0.1:9999/cb"],
    ["http://127.0.0.1:9999/cb#frag", "http://127.0.0.1:9999/cb"],
    ["http://127.0.0.1:9999/cb#", "http://127.0.0.1:9999/cb"],
    ["http://[::1]:9999/cb", "http://127.0.0.1:9999/cb"],
    ["http://[0:0:0:0:0:0:0:1]:9999/cb", "http://[::1]:9999/cb"],
    ["http://localhost:9999/cb", "http://127.0.0.1:9999/cb"],
    ["http://127.0.0.1:9999/cb", "http://localhost:9999/cb"],
    ["http://localhost:51234/cb", "http://localhost:9999/cb"],
    ["http://LOCALHOST:9999/cb", "http://localhost:9999/cb"],
    ["http://127.0.0.1:9999@evil.example/cb", "http://127.0.0.1:9999/cb"],
    ["http://127.0.0.1.evil.example:9999/cb", "http://127.0.0.1:9999/cb"],
    ["http://127.0.0.1:9999\\@evil.example/cb", "http://127.0.0.1:9999/cb"],
    ["http://127.0.0.1:09999/cb", "http://127.0.0.1:9999/cb"],
    ["http://127.0.0.1:99999/cb", "http://127.0.0.1:9999/cb"],
    ["http://127.0.0.1:65536/cb", "http://127.0.0.1/cb"],
    ["http://127.0.0.1:/cb", "http://127.0.0.1:9999/cb"],
    ["https://app.example.com/cb?x=1", "https://app.example.com/cb"],
    ["https://app.example.com/cb/", "https://app.example.com/cb"],
    ["https://app.example.com:8443/cb", "https://app.example.com/cb"],
    ["https://app.example.com:443/cb", "https://app.example.com/cb"],
    ["https://APP.example.com/cb", "https://app.example.com/cb"],
    ["https://evil@app.example.com/cb", "https://app.example.com/cb"],
    ["https://app.example.com/x/../cb", "https://app.example.com/cb"],
    ["https://app.example.com/%63b", "https://app.example.com/cb"],
    ["cursor://anysphere.cursor-retrieval/oauth/callback2", "cursor://anysphere.cursor-retrieval/oauth/callback"],
    ["CURSOR://anysphere.cursor-retrieval/oauth/callback", "cursor://anysphere.cursor-retrieval/oauth/callback"],
  ])("refuses %s against registered %s", (requested, registered) => {
    expect(redirectUriMatches(requested, registered)).toBe(false);
  });
});

describe("allRedirectsAreLocal", () => {
  it("is true only when every redirect is loopback http", () => {
    expect(allRedirectsAreLocal(["http://127.0.0.1/cb", "http://localhost:3000/cb", "http://[::1]:8080/cb"])).toBe(true);
    expect(allRedirectsAreLocal(["http://[::1]:8080/cb"])).toBe(true);
    expect(allRedirectsAreLocal(["http://127.0.0.1/cb", "https://app.example.com/cb"])).toBe(false);
  });

  it.each([
    ["https on a loopback host", ["https://localhost/cb"]],
    ["http on another host", ["http://app.example.com/cb"]],
    ["a private-use scheme", ["cursor://anysphere.cursor-retrieval/oauth/callback"]],
    ["a URI it cannot read", ["not a uri"]],
    ["no redirect URIs at all", []],
  ])("is false for %s", (_, uris) => {
    expect(allRedirectsAreLocal(uris)).toBe(false);
  });
});
