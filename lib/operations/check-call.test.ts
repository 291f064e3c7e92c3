import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Connection } from "@/lib/oauth/protected-resource/resolve-connection";
import { checkCall, checkRate } from "./check-call";
import { createClient, listClients } from "./clients";

function connection(overrides: Partial<Connection> = {}): Connection {
  return {
    grantId: randomUUID(),
    clientId: "client",
    clientName: "Claude",
    userId: "user",
    workspaceName: "Lovelace Studio",
    actor: { userId: "user", membershipId: "member", workspaceId: "workspace", role: "admin" },
    scopes: ["clients:read", "clients:write"],
    writeRefusal: null,
    ...overrides,
  };
}

describe("checkCall", () => {
  it("lets a call through that the scopes, the role and billing all allow", () => {
    expect(checkCall(connection(), createClient, "create_client")).toBeNull();
  });

  it("refuses a scope the grant lacks, naming the scope and the call", () => {
    expect(checkCall(connection({ scopes: ["clients:read"] }), createClient, "POST /api/v1/clients")).toEqual({
      kind: "scope",
      scope: "clients:write",
      message: "This connection was not granted clients:write, which POST /api/v1/clients needs.",
    });
  });

  it("refuses what the member's role does not allow, naming the role and the call", () => {
    const viewer = connection({ scopes: ["hourbook:admin"], actor: { userId: "user", membershipId: "member", workspaceId: "workspace", role: "member" } });
    expect(checkCall(viewer, { scope: "hourbook:admin", permission: "invoices:void", access: "admin" }, "void_invoice")).toEqual({
      kind: "role",
      message: "Your role in this workspace (member) does not allow void_invoice.",
    });
  });

  it("refuses writes while billing refuses them, and still allows reads", () => {
    const pastDue = connection({ writeRefusal: "The workspace's subscription is past due: reads work, changes do not." });
    expect(checkCall(pastDue, createClient, "create_client")).toEqual({ kind: "billing", message: "The workspace's subscription is past due: reads work, changes do not." });
    expect(checkCall(pastDue, listClients, "list_clients")).toBeNull();
  });

  it("checks the scope before the role and the role before billing", () => {
    const everything = connection({ scopes: [], writeRefusal: "past due", actor: { userId: "u", membershipId: "m", workspaceId: "w", role: "member" } });
    expect(checkCall(everything, { scope: "hourbook:admin", permission: "invoices:void", access: "admin" }, "void_invoice")?.kind).toBe("scope");
    expect(checkCall({ ...everything, scopes: ["hourbook:admin"] }, { scope: "hourbook:admin", permission: "invoices:void", access: "admin" }, "void_invoice")?.kind).toBe("role");
  });
});

describe("checkRate", () => {
  it("allows the limit within a minute, then answers how long to wait", async () => {
    const caller = connection();
    expect(await checkRate(caller, "mcp", { limit: 2 })).toBeNull();
    expect(await checkRate(caller, "mcp", { limit: 2 })).toBeNull();
    const refused = await checkRate(caller, "mcp", { limit: 2 });
    expect(refused).toEqual({ kind: "rate_limited", retryAfterSeconds: expect.any(Number), message: `Too many requests; try again in ${refused?.retryAfterSeconds} s.` });
    expect(refused?.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused?.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("counts each grant and each surface on its own", async () => {
    const caller = connection();
    expect(await checkRate(caller, "mcp", { limit: 1 })).toBeNull();
    expect(await checkRate(caller, "mcp", { limit: 1 })).not.toBeNull();
    expect(await checkRate(caller, "api", { limit: 1 })).toBeNull();
    expect(await checkRate(connection(), "mcp", { limit: 1 })).toBeNull();
  });

  it("counts every call of a batch", async () => {
    const caller = connection();
    expect(await checkRate(caller, "mcp", { calls: 3, limit: 3 })).toBeNull();
    expect(await checkRate(caller, "mcp", { limit: 3 })).not.toBeNull();
    expect(await checkRate(connection(), "mcp", { calls: 4, limit: 3 })).not.toBeNull();
  });

  it("reads the configured limit when none is given", async () => {
    expect(await checkRate(connection(), "api")).toBeNull();
  });
});
