import { describe, expect, it } from "vitest";
import { isAllowedOrigin } from "./origin";

const OPERATOR = ["https://inspector.example", "loopback"];

describe("isAllowedOrigin", () => {
  it.each<[string | null, readonly string[], boolean]>([
    [null, [], true],
    ["http://localhost:3000", [], true],
    ["http://localhost:6274", ["loopback"], true],
    ["http://127.0.0.1:6274", ["loopback"], true],
    ["https://[::1]:8443", ["loopback"], true],
    ["https://inspector.example", OPERATOR, true],
    ["http://localhost:6274", ["https://inspector.example"], false],
    ["https://inspector.example:8443", OPERATOR, false],
    ["http://inspector.example", OPERATOR, false],
    ["https://evil.example", OPERATOR, false],
    ["https://inspector.example.evil.example", OPERATOR, false],
    ["https://localhost.evil.example", OPERATOR, false],
    ["https://inspector.example/", OPERATOR, false],
    ["null", OPERATOR, false],
    ["not an origin", OPERATOR, false],
    ["chrome-extension://abcdefgh", OPERATOR, false],
  ])("%s with %j: %s", (origin, allowed, expected) => {
    expect(isAllowedOrigin(origin, allowed)).toBe(expected);
  });

  it("allows this machine by default (HOURBOOK_ALLOWED_ORIGINS unset)", () => {
    expect(isAllowedOrigin("http://localhost:6274")).toBe(true);
    expect(isAllowedOrigin("https://evil.example")).toBe(false);
  });
});
