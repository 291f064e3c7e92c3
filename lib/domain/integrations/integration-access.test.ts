import { describe, expect, it } from "vitest";
import { billingAllowsWrites, integrationAccessRefusal, type WorkspaceAccessFacts } from "./integration-access";

const open: WorkspaceAccessFacts = {
  membershipStatus: "active",
  plan: "pro",
  publicApiAccess: true,
  billingState: "active",
  clientPolicy: "any",
  allowedHosts: [],
};
const dynamicClient = { kind: "dynamic" as const, hosts: ["127.0.0.1"] };

describe("integrationAccessRefusal", () => {
  it.each<[string, Partial<WorkspaceAccessFacts>, string | null]>([
    ["an open pro workspace", {}, null],
    ["a business plan", { plan: "business" }, null],
    ["a trialing workspace", { billingState: "trialing" }, null],
    ["past due billing (reads still allowed)", { billingState: "past_due" }, null],
    ["an inactive membership", { membershipStatus: "inactive" }, "membership_inactive"],
    ["the free plan", { plan: "free" }, "plan_without_api"],
    ["public API access off", { publicApiAccess: false }, "api_access_off"],
    ["a canceled subscription", { billingState: "canceled" }, "billing_canceled"],
    ["developer apps only", { clientPolicy: "developer_apps" }, "client_not_allowed"],
    ["an allowlist without the host", { clientPolicy: "allowlist", allowedHosts: ["claude.ai"] }, "client_not_allowed"],
    ["an allowlist with the host", { clientPolicy: "allowlist", allowedHosts: ["127.0.0.1"] }, null],
  ])("%s → %s", (_, change, expected) => {
    expect(integrationAccessRefusal({ ...open, ...change }, dynamicClient)).toBe(expected);
  });

  it("lets a developer app in under a developer-apps-only policy", () => {
    expect(integrationAccessRefusal({ ...open, clientPolicy: "developer_apps" }, { kind: "developer_app", hosts: [] })).toBeNull();
  });
});

describe("billingAllowsWrites", () => {
  it.each([
    ["active", true],
    ["trialing", true],
    ["past_due", false],
    ["canceled", false],
  ] as const)("%s → %s", (state, expected) => {
    expect(billingAllowsWrites(state)).toBe(expected);
  });
});
