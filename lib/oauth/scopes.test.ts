import { describe, expect, it } from "vitest";
import { OAuthError } from "./errors";
import {
  accessLevelOf,
  capToAccessLevel,
  formatScope,
  isWriteScope,
  scopeDependency,
  scopesAllow,
  scopesForResource,
  withConsistentDependencies,
  type Scope,
} from "@/lib/domain/integrations/scopes";
import { assertValidScopeRequest, parseRequestedScope, parseScope } from "./scopes";

// Test bodies only parse scopes inside `it`: a parse that throws while the file is collected
// fails no test, and mutation testing would count the broken parser as unnoticed.

/**
 * The catalogue, written out: each scope with the coarse scope covering it, whether the MCP
 * server offers it, the scope it needs beside it, and whether it writes.
 */
const CATALOGUE: Array<[Scope, { coveredBy: Scope | null; onMcp: boolean; needs: Scope | null; writes: boolean }]> = [
  ["hourbook:read", { coveredBy: null, onMcp: true, needs: null, writes: false }],
  ["hourbook:write", { coveredBy: null, onMcp: true, needs: "hourbook:read", writes: true }],
  ["hourbook:admin", { coveredBy: null, onMcp: true, needs: "hourbook:write", writes: true }],
  ["profile:read", { coveredBy: "hourbook:read", onMcp: true, needs: null, writes: false }],
  ["billing:read", { coveredBy: "hourbook:read", onMcp: true, needs: null, writes: false }],
  ["tasks:read", { coveredBy: "hourbook:read", onMcp: true, needs: null, writes: false }],
  ["tasks:write", { coveredBy: "hourbook:write", onMcp: true, needs: "tasks:read", writes: true }],
  ["time:read", { coveredBy: "hourbook:read", onMcp: true, needs: null, writes: false }],
  ["time:write", { coveredBy: "hourbook:write", onMcp: true, needs: "time:read", writes: true }],
  ["clients:read", { coveredBy: "hourbook:read", onMcp: true, needs: null, writes: false }],
  ["clients:write", { coveredBy: "hourbook:write", onMcp: true, needs: "clients:read", writes: true }],
  ["projects:read", { coveredBy: "hourbook:read", onMcp: true, needs: null, writes: false }],
  ["projects:write", { coveredBy: "hourbook:write", onMcp: true, needs: "projects:read", writes: true }],
  ["tags:read", { coveredBy: "hourbook:read", onMcp: true, needs: null, writes: false }],
  ["tags:write", { coveredBy: "hourbook:write", onMcp: true, needs: "tags:read", writes: true }],
  ["rules:read", { coveredBy: "hourbook:read", onMcp: true, needs: null, writes: false }],
  ["rules:write", { coveredBy: "hourbook:write", onMcp: true, needs: "rules:read", writes: true }],
  ["invoices:read", { coveredBy: "hourbook:read", onMcp: true, needs: null, writes: false }],
  ["invoices:write", { coveredBy: "hourbook:write", onMcp: true, needs: "invoices:read", writes: true }],
  ["invoices:send", { coveredBy: "hourbook:write", onMcp: true, needs: "invoices:read", writes: true }],
  ["reports:read", { coveredBy: "hourbook:read", onMcp: true, needs: null, writes: false }],
  ["settings:read", { coveredBy: null, onMcp: false, needs: null, writes: false }],
  ["settings:write", { coveredBy: null, onMcp: false, needs: "settings:read", writes: true }],
];

describe("the scope catalogue", () => {
  it.each(CATALOGUE)("%s: known, offered where it should be, covered, dependent and writing as catalogued", (scope, expected) => {
    expect(parseScope(scope)).toEqual([scope]);
    expect(scopesForResource("api")).toContain(scope);
    expect(scopesForResource("mcp").includes(scope)).toBe(expected.onMcp);
    expect(scopesAllow(["hourbook:read"], scope)).toBe(expected.coveredBy === "hourbook:read" || scope === "hourbook:read");
    expect(scopesAllow(["hourbook:write"], scope)).toBe(expected.coveredBy === "hourbook:write" || scope === "hourbook:write");
    expect(scopesAllow(["hourbook:admin"], scope)).toBe(scope === "hourbook:admin");
    expect(scopeDependency(scope)).toBe(expected.needs);
    expect(isWriteScope(scope)).toBe(expected.writes);
  });

  it("has no other scopes, and lists coarse scopes first, then fine ones in catalogue order", () => {
    expect(scopesForResource("api")).toEqual(CATALOGUE.map(([scope]) => scope));
  });
});

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
    expect(parseScope("time:read hourbook:read profile:read")).toEqual(["hourbook:read", "profile:read", "time:read"]);
  });
  it.each([null, undefined, ""])("reads %j as no scopes", (value) => {
    expect(parseScope(value)).toEqual([]);
  });
  it("refuses an unknown scope by name", () => {
    expect(refusal(() => parseScope("time:read everything"))).toEqual({ code: "invalid_scope", description: "Unknown scope: everything." });
  });
  it("refuses unknown scopes by name, all of them", () => {
    expect(refusal(() => parseScope("everything time:read root"))).toEqual({ code: "invalid_scope", description: "Unknown scopes: everything, root." });
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
    ["openid  offline_access ", undefined],
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
    ["settings:read settings:write", "mcp", "settings:read, settings:write are not available for the MCP server."],
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
  it.each<["read" | "write" | "admin", string, string]>([
    ["read", "hourbook:read hourbook:write hourbook:admin time:write time:read", "hourbook:read time:read"],
    ["write", "hourbook:read hourbook:write hourbook:admin time:write time:read", "hourbook:read hourbook:write time:read time:write"],
    ["admin", "hourbook:read hourbook:write hourbook:admin time:write time:read", "hourbook:read hourbook:write hourbook:admin time:read time:write"],
    ["read", "hourbook:read hourbook:write", "hourbook:read"],
    ["write", "hourbook:read hourbook:write", "hourbook:read hourbook:write"],
    ["read", "invoices:read invoices:send", "invoices:read"],
    ["write", "invoices:read invoices:send", "invoices:read invoices:send"],
  ])("a %s ceiling on %s leaves %s", (level, requested, expected) => {
    const capped = capToAccessLevel(parseScope(requested), level);
    expect(capped).toEqual(parseScope(expected));
    expect(accessLevelOf(capped)).toBe(level);
  });
});

describe("formatScope", () => {
  it("writes scopes once each, in catalogue order", () => {
    expect(formatScope(["time:write", "hourbook:read", "time:write", "profile:read"])).toBe("hourbook:read profile:read time:write");
  });
});
