import { describe, expect, it } from "vitest";
import { ALL_SCOPES, scopesAllow } from "@/lib/domain/integrations/scopes";
import { ACCESS_CASES, DYNAMIC_CLIENT, OPEN_WORKSPACE } from "@/lib/testing/access-cases";
import { BILLING_WRITE_REFUSAL } from "@/lib/domain/integrations/integration-access";
import { CAPABILITIES, effectiveAccess, usableCapabilities } from "./effective-access";
import { parseScope } from "./scopes";

describe("effectiveAccess", () => {
  it.each(ACCESS_CASES)("$name", (row) => {
    const access = effectiveAccess({ scopes: parseScope(row.scopes), role: row.role, workspace: { ...OPEN_WORKSPACE, ...row.workspace }, client: DYNAMIC_CLIENT });
    expect(access.refusal).toBe(row.refusal ?? null);
    expect(usableCapabilities(access).map((c) => c.capability.id).sort()).toEqual([...row.usable].sort());
    expect(access.capabilities.filter((c) => c.narrowed).map((c) => c.capability.id).sort()).toEqual([...(row.narrowed ?? [])].sort());
    expect(Object.fromEntries(access.capabilities.filter((c) => c.blocker).map((c) => [c.capability.id, c.blocker?.kind]))).toEqual(row.blocked);
  });

  it("leaves a token only the scopes under the workspace's highest access, and names past-due billing for writes", () => {
    const access = effectiveAccess({
      scopes: parseScope("hourbook:read hourbook:write hourbook:admin"),
      role: "owner",
      workspace: { ...OPEN_WORKSPACE, maxAccess: "read", billingState: "past_due" },
      client: DYNAMIC_CLIENT,
    });
    expect(access.scopes).toEqual(["hourbook:read"]);
    expect(access.writeRefusal).toBe(BILLING_WRITE_REFUSAL);
  });

  it("gives every scope at least one capability and every capability a distinct id", () => {
    for (const scope of ALL_SCOPES) expect(CAPABILITIES.some((c) => scopesAllow([scope], c.scope)), scope).toBe(true);
    expect(new Set(CAPABILITIES.map((c) => c.id)).size).toBe(CAPABILITIES.length);
  });
});
