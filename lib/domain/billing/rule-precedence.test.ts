import { describe, expect, it } from "vitest";
import { resolveHourlyRate } from "./hourly-rate";
import { ruleMatches, ruleSpecificity, selectRule, type BillingRuleLike } from "./rule-precedence";

const entry = { clientId: "c1", projectId: "p1", membershipId: "m1" };

function rateRule(id: string, scope: Partial<BillingRuleLike>, hourlyRate: number, createdAt = "2026-01-01"): BillingRuleLike {
  return {
    id,
    kind: "rate_override",
    active: true,
    clientId: null,
    projectId: null,
    membershipId: null,
    roundingIncrementSeconds: null,
    roundingDirection: null,
    minimumSeconds: null,
    hourlyRate,
    createdAt: new Date(createdAt),
    ...scope,
  };
}

const workspaceWide = rateRule("workspace", {}, 100);
const member = rateRule("member", { membershipId: "m1" }, 200);
const client = rateRule("client", { clientId: "c1" }, 300);
const clientMember = rateRule("client+member", { clientId: "c1", membershipId: "m1" }, 400);
const project = rateRule("project", { projectId: "p1" }, 500);
const projectMember = rateRule("project+member", { projectId: "p1", membershipId: "m1" }, 600);

describe("rule precedence", () => {
  it("orders scopes from most to least specific", () => {
    const ordered = [projectMember, project, clientMember, client, member, workspaceWide].map(ruleSpecificity);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
    expect(new Set(ordered).size).toBe(ordered.length);
  });

  it.each([
    { present: [workspaceWide, member, client, clientMember, project, projectMember], winner: "project+member" },
    { present: [workspaceWide, member, client, clientMember, project], winner: "project" },
    { present: [workspaceWide, member, client, clientMember], winner: "client+member" },
    { present: [workspaceWide, member, client], winner: "client" },
    { present: [workspaceWide, member], winner: "member" },
    { present: [workspaceWide], winner: "workspace" },
    { present: [], winner: undefined },
  ])("picks $winner among $present.length matching rules", ({ present, winner }) => {
    expect(selectRule(present, "rate_override", entry)?.id).toBe(winner);
  });

  it.each([
    { rule: rateRule("x", { projectId: "p2" }, 1), matches: false },
    { rule: rateRule("x", { clientId: "c2" }, 1), matches: false },
    { rule: rateRule("x", { membershipId: "m2" }, 1), matches: false },
    { rule: rateRule("x", { projectId: "p1", membershipId: "m2" }, 1), matches: false },
    // A project scope wins over a stale client field on the same rule.
    { rule: rateRule("x", { projectId: "p1", clientId: "c9" }, 1), matches: true },
  ])("rule $rule.projectId/$rule.clientId/$rule.membershipId matches: $matches", ({ rule, matches }) => {
    expect(ruleMatches(rule, entry)).toBe(matches);
  });

  it("breaks a tie in favour of the newest rule", () => {
    const older = rateRule("older", { clientId: "c1" }, 1, "2026-01-01");
    const newer = rateRule("newer", { clientId: "c1" }, 2, "2026-02-01");
    expect(selectRule([newer, older], "rate_override", entry)?.id).toBe("newer");
    expect(selectRule([older, newer], "rate_override", entry)?.id).toBe("newer");
  });

  it("prefers a more specific rule even when a broader one is newer, in either order", () => {
    const olderProject = rateRule("older-project", { projectId: "p1" }, 1, "2026-01-01");
    const newerClient = rateRule("newer-client", { clientId: "c1" }, 2, "2026-02-01");
    expect(selectRule([newerClient, olderProject], "rate_override", entry)?.id).toBe("older-project");
    expect(selectRule([olderProject, newerClient], "rate_override", entry)?.id).toBe("older-project");
  });

  it("breaks a tie between rules created at the same moment by id, whatever their order", () => {
    const a = rateRule("rule-a", { clientId: "c1" }, 1, "2026-01-01");
    const b = rateRule("rule-b", { clientId: "c1" }, 2, "2026-01-01");
    expect(selectRule([a, b], "rate_override", entry)?.id).toBe("rule-b");
    expect(selectRule([b, a], "rate_override", entry)?.id).toBe("rule-b");
  });

  it.each([
    { name: "an inactive rule", ignored: { ...projectMember, id: "ignored", active: false } },
    { name: "a rule of another kind", ignored: { ...projectMember, id: "ignored", kind: "minimum_duration" as const } },
    { name: "a rule for another project", ignored: { ...projectMember, id: "ignored", projectId: "p2" } },
  ])("ignores $name, however specific", ({ ignored }) => {
    expect(selectRule([client, ignored], "rate_override", entry)?.id).toBe("client");
    expect(selectRule([ignored, client], "rate_override", entry)?.id).toBe("client");
  });
});

describe("resolveHourlyRate", () => {
  it.each([
    { name: "workspace default when nothing else applies", rules: [], projectRate: null, rate: 90, source: "workspace" },
    { name: "project rate over the workspace default", rules: [], projectRate: 120, rate: 120, source: "project" },
    { name: "project rate over a client rule", rules: [client], projectRate: 120, rate: 120, source: "project" },
    { name: "project rate over a member rule", rules: [member], projectRate: 120, rate: 120, source: "project" },
    { name: "a project rule over the project rate", rules: [project], projectRate: 120, rate: 500, source: "rule" },
    { name: "a project+member rule over everything", rules: [client, project, projectMember], projectRate: 120, rate: 600, source: "rule" },
    { name: "a client rule when the project has no rate", rules: [client, member], projectRate: null, rate: 300, source: "rule" },
    { name: "a workspace-wide rule over the workspace default", rules: [workspaceWide], projectRate: null, rate: 100, source: "rule" },
  ])("$name", ({ rules, projectRate, rate, source }) => {
    const resolved = resolveHourlyRate({ rules, entry, projectRate, workspaceRate: 90 });
    expect(resolved.hourlyRate).toBe(rate);
    expect(resolved.source.type).toBe(source);
  });
});
