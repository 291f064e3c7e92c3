import { describe, expect, it } from "vitest";
import { OAuthError } from "./errors";
import {
  accessLevelOf,
  assertValidScopeRequest,
  capToAccessLevel,
  parseRequestedScope,
  parseScope,
  scopesAllow,
  scopesForResource,
  withConsistentDependencies,
  type Scope,
} from "./scopes";

function refusal(fn: () => unknown): { code: string; description: string } | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof OAuthError) return { code: error.code, description: error.description };
    throw error;
  }
}

describe("parseScope", () => {
  it("splits, dedupes and orders scopes", () => {
    expect(parseScope("time:write time:read  time:read")).toEqual(["time:read", "time:write"]);
  });
  it("refuses an unknown scope by name", () => {
    expect(refusal(() => parseScope("time:read everything"))).toEqual({ code: "invalid_scope", description: "Unknown scope: everything." });
  });
  it.each<[string, Scope[]]>([
    ["time:read offline_access", ["time:read"]],
    ["openid time:read", ["time:read"]],
    ["openid offline_access hourbook:read openid", ["hourbook:read"]],
    ["offline_access", []],
  ])("accepts and drops the OIDC habit scopes in %j", (value, expected) => {
    expect(parseScope(value)).toEqual(expected);
  });
});

describe("parseRequestedScope", () => {
  it.each<[string | undefined, Scope[] | undefined]>([
    [undefined, undefined],
    ["offline_access", undefined],
    ["openid offline_access", undefined],
    ["hourbook:read offline_access", ["hourbook:read"]],
    ["time:write time:read", ["time:read", "time:write"]],
    [" ", []],
  ])("reads %j as %j (undefined: use the default)", (value, expected) => {
    expect(parseRequestedScope(value)).toEqual(expected);
  });
  it("still refuses an unknown scope beside an ignored one", () => {
    expect(refusal(() => parseRequestedScope("offline_access everything"))).toMatchObject({ code: "invalid_scope" });
  });
});

describe("scopesAllow (the hierarchy)", () => {
  it.each<[string, Scope, boolean]>([
    ["time:read", "time:read", true],
    ["time:write", "time:read", false],
    ["hourbook:read", "invoices:read", true],
    ["hourbook:read", "invoices:write", false],
    ["hourbook:read", "settings:read", false],
    ["hourbook:read hourbook:write", "invoices:send", true],
    ["hourbook:read hourbook:write", "settings:write", false],
    ["hourbook:read hourbook:write", "hourbook:admin", false],
    ["hourbook:read hourbook:write hourbook:admin", "hourbook:admin", true],
    ["invoices:read invoices:write", "invoices:send", false],
  ])("%s allows %s: %s", (granted, required, expected) => {
    expect(scopesAllow(parseScope(granted), required)).toBe(expected);
  });
});

describe("assertValidScopeRequest", () => {
  it.each<[string, "mcp" | "api", string]>([
    ["time:write", "mcp", "time:write requires time:read; add time:read to the request."],
    ["invoices:send", "mcp", "invoices:send requires invoices:read; add invoices:read to the request."],
    ["hourbook:write", "mcp", "hourbook:write requires hourbook:read; add hourbook:read to the request."],
    ["hourbook:read hourbook:admin", "mcp", "hourbook:admin requires hourbook:write; add hourbook:write to the request."],
    ["settings:read", "mcp", "settings:read is not available for the MCP server."],
    ["", "api", "At least one scope is required."],
  ])("refuses %s for %s with invalid_scope", (scope, kind, description) => {
    expect(refusal(() => assertValidScopeRequest(parseScope(scope), kind))).toEqual({ code: "invalid_scope", description });
  });

  it.each<[string, "mcp" | "api"]>([
    ["hourbook:read", "mcp"],
    ["hourbook:read time:write", "mcp"],
    ["hourbook:read hourbook:write hourbook:admin", "mcp"],
    ["settings:read settings:write", "api"],
    ["invoices:read invoices:send", "api"],
  ])("accepts %s for %s", (scope, kind) => {
    expect(refusal(() => assertValidScopeRequest(parseScope(scope), kind))).toBeNull();
  });
});

describe("scopesForResource", () => {
  it("offers settings only on the REST API", () => {
    expect(scopesForResource("mcp")).not.toContain("settings:read");
    expect(scopesForResource("api")).toContain("settings:write");
  });
});

describe("withConsistentDependencies", () => {
  it("drops writes whose read was unticked, along whole chains", () => {
    expect(withConsistentDependencies(parseScope("time:write invoices:read invoices:send"))).toEqual(["invoices:read", "invoices:send"]);
    expect(withConsistentDependencies(parseScope("hourbook:write hourbook:admin time:read"))).toEqual(["time:read"]);
  });
});

describe("capToAccessLevel and accessLevelOf", () => {
  const everything = parseScope("hourbook:read hourbook:write hourbook:admin time:write time:read");
  it.each<["read" | "write" | "admin", string]>([
    ["read", "hourbook:read time:read"],
    ["write", "hourbook:read hourbook:write time:read time:write"],
    ["admin", "hourbook:read hourbook:write hourbook:admin time:read time:write"],
  ])("a %s ceiling leaves %s", (level, expected) => {
    const capped = capToAccessLevel(everything, level);
    expect(capped).toEqual(parseScope(expected));
    expect(accessLevelOf(capped)).toBe(level);
  });
});
