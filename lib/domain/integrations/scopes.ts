/**
 * The scope catalogue and the one evaluator every part of Hourbook asks "does this grant
 * allow X" (consent, token endpoint, MCP, REST API). Fine scopes are `family:action`;
 * coarse `hourbook:*` scopes cover many fine ones (scope hierarchy, MCP authorization
 * 2025-11-25 §Scope selection), and `hourbook:admin` adds administrative actions. Reading a
 * `scope` parameter off the wire (RFC 6749 §3.3) is lib/oauth/scopes.ts.
 */

export const FINE_SCOPES = [
  "profile:read",
  "billing:read",
  "tasks:read",
  "tasks:write",
  "time:read",
  "time:write",
  "clients:read",
  "clients:write",
  "projects:read",
  "projects:write",
  "tags:read",
  "tags:write",
  "rules:read",
  "rules:write",
  "invoices:read",
  "invoices:write",
  "invoices:send",
  "reports:read",
  "settings:read",
  "settings:write",
] as const;

export const COARSE_SCOPES = ["hourbook:read", "hourbook:write", "hourbook:admin"] as const;

export type FineScope = (typeof FINE_SCOPES)[number];
export type CoarseScope = (typeof COARSE_SCOPES)[number];
export type Scope = FineScope | CoarseScope;

export const ALL_SCOPES: readonly Scope[] = [...COARSE_SCOPES, ...FINE_SCOPES];

/** Which protected resource a token is for. */
export type ResourceKind = "mcp" | "api";

const SETTINGS: ReadonlySet<Scope> = new Set(["settings:read", "settings:write"]);

/** Scopes each resource accepts: `settings:*` exists only on the REST API. */
export function scopesForResource(kind: ResourceKind): Scope[] {
  return ALL_SCOPES.filter((s) => kind === "api" || !SETTINGS.has(s));
}

export function isScope(value: string): value is Scope {
  return (ALL_SCOPES as readonly string[]).includes(value);
}

const isRead = (s: Scope) => s.endsWith(":read");
/** Writes: every `…:write` (hourbook:write included) and invoices:send. */
const isWrite = (s: Scope) => s.endsWith(":write") || s === "invoices:send";

/** The fine scopes a coarse scope stands for. */
const COVERS: Record<CoarseScope, ReadonlySet<FineScope>> = {
  "hourbook:read": new Set(FINE_SCOPES.filter((s) => isRead(s) && !SETTINGS.has(s))),
  "hourbook:write": new Set(FINE_SCOPES.filter((s) => isWrite(s) && !SETTINGS.has(s))),
  "hourbook:admin": new Set(),
};

/** What each scope needs beside it in the same request or grant (`x:write` needs `x:read`, hourbook:write too). */
export function scopeDependency(scope: Scope): Scope | null {
  if (scope === "hourbook:admin") return "hourbook:write";
  if (scope === "invoices:send") return "invoices:read";
  if (scope.endsWith(":write")) return scope.replace(/:write$/, ":read") as Scope;
  return null;
}

/** Scopes once each, in catalogue order. */
export function orderScopes(scopes: readonly Scope[]): Scope[] {
  return [...new Set(scopes)].sort(byCatalogueOrder);
}

export function formatScope(scopes: readonly Scope[]): string {
  return orderScopes(scopes).join(" ");
}

function byCatalogueOrder(a: Scope, b: Scope): number {
  return ALL_SCOPES.indexOf(a) - ALL_SCOPES.indexOf(b);
}

/**
 * Does a set of granted scopes allow `required`? A fine scope is allowed by itself or by a
 * coarse scope that covers it; `hourbook:admin` only by itself. This is the hierarchy.
 */
export function scopesAllow(granted: readonly Scope[], required: Scope): boolean {
  if (granted.includes(required)) return true;
  // A coarse scope covers fine scopes only, so a required coarse scope needs itself.
  return granted.some((g) => (COARSE_SCOPES as readonly string[]).includes(g) && COVERS[g as CoarseScope].has(required as FineScope));
}

/** The first scope whose dependency is missing, as `{ scope, needs }`, or null when consistent. */
export function findMissingDependency(scopes: readonly Scope[]): { scope: Scope; needs: Scope } | null {
  for (const scope of scopes) {
    const needs = scopeDependency(scope);
    if (needs && !scopesAllow(scopes, needs)) return { scope, needs };
  }
  return null;
}

/**
 * What is wrong with a requested scope set for one resource (authorize, token downscoping,
 * developer app registration): nothing requested, a scope that resource does not offer, or a
 * missing dependency. Null when it is valid.
 */
export function scopeRequestProblem(scopes: readonly Scope[], kind: ResourceKind): string | null {
  if (scopes.length === 0) return "At least one scope is required.";
  const unavailable = scopes.filter((s) => !scopesForResource(kind).includes(s));
  if (unavailable.length) {
    // Stryker disable next-line ConditionalExpression: only the MCP server lacks scopes (scopesForResource), so only it is ever named here
    return `${unavailable.join(", ")} ${unavailable.length > 1 ? "are" : "is"} not available for the ${kind === "mcp" ? "MCP server" : "REST API"}.`;
  }
  const missing = findMissingDependency(scopes);
  if (missing) return `${missing.scope} requires ${missing.needs}; add ${missing.needs} to the request.`;
  return null;
}

/**
 * Removes scopes whose dependency is no longer there (after a user unticks a box at
 * consent), repeating until stable so chains like admin → write → read stay consistent.
 */
export function withConsistentDependencies(scopes: readonly Scope[]): Scope[] {
  let current = [...scopes];
  for (;;) {
    const next = current.filter((s) => {
      const needs = scopeDependency(s);
      return !needs || scopesAllow(current, needs);
    });
    if (next.length === current.length) return next;
    current = next;
  }
}

export type AccessLevel = "read" | "write" | "admin";

/** The scopes a workspace's "highest access" policy leaves of a request. */
export function capToAccessLevel(scopes: readonly Scope[], level: AccessLevel): Scope[] {
  if (level === "admin") return [...scopes];
  return withConsistentDependencies(
    scopes.filter((s) => s !== "hourbook:admin" && (level === "write" || !isWrite(s))),
  );
}

/** The highest access level a scope set reaches (for display and policy checks). */
export function accessLevelOf(scopes: readonly Scope[]): AccessLevel {
  if (scopes.includes("hourbook:admin")) return "admin";
  if (scopes.some(isWrite)) return "write";
  return "read";
}

export function isWriteScope(scope: Scope): boolean {
  return isWrite(scope) || scope === "hourbook:admin";
}
