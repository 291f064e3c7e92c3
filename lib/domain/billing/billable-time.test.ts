import { describe, expect, it } from "vitest";
import type { RoundingDirection } from "@/lib/generated/prisma/enums";
import { billTimeEntry, roundSeconds } from "./billable-time";
import type { BillingRuleLike } from "./rule-precedence";

const MIN = 60;
const scope = { clientId: "c1", projectId: "p1", membershipId: "m1" };

function rule(overrides: Partial<BillingRuleLike>): BillingRuleLike {
  return {
    id: "r",
    kind: "rounding",
    active: true,
    clientId: null,
    projectId: null,
    membershipId: null,
    roundingIncrementSeconds: null,
    roundingDirection: null,
    minimumSeconds: null,
    hourlyRate: null,
    createdAt: new Date("2026-01-01"),
    ...overrides,
  };
}

describe("roundSeconds", () => {
  it.each<[number, number, RoundingDirection, number]>([
    [1 * MIN, 15 * MIN, "up", 15 * MIN],
    [15 * MIN, 15 * MIN, "up", 15 * MIN],
    [16 * MIN, 15 * MIN, "up", 30 * MIN],
    [14 * MIN, 15 * MIN, "down", 0],
    [29 * MIN, 15 * MIN, "down", 15 * MIN],
    [22 * MIN, 15 * MIN, "nearest", 15 * MIN],
    [23 * MIN, 15 * MIN, "nearest", 30 * MIN],
    [7 * MIN + 30, 15 * MIN, "nearest", 15 * MIN],
    [61 * MIN, 6 * MIN, "up", 66 * MIN],
    [100, 0, "up", 100],
  ])("rounds %is to a %is increment %s → %is", (seconds, increment, direction, expected) => {
    expect(roundSeconds(seconds, increment, direction)).toBe(expected);
  });
});

describe("billTimeEntry", () => {
  const roundUp15 = rule({ id: "round", kind: "rounding", roundingIncrementSeconds: 15 * MIN, roundingDirection: "up" });
  const minimum30 = rule({ id: "min", kind: "minimum_duration", minimumSeconds: 30 * MIN });

  it.each([
    { name: "no rules bills the tracked time", seconds: 50 * MIN, rules: [], billable: 50 * MIN, amount: 8333, applied: [] },
    { name: "a 15-minute round-up bills 50 min as 60", seconds: 50 * MIN, rules: [roundUp15], billable: 60 * MIN, amount: 10000, applied: ["round"] },
    { name: "an exact quarter is not changed", seconds: 45 * MIN, rules: [roundUp15], billable: 45 * MIN, amount: 7500, applied: [] },
    { name: "the minimum lifts a short entry", seconds: 5 * MIN, rules: [minimum30], billable: 30 * MIN, amount: 5000, applied: ["min"] },
    { name: "an entry exactly at the minimum is not reported as lifted", seconds: 30 * MIN, rules: [minimum30], billable: 30 * MIN, amount: 5000, applied: [] },
    { name: "rounding then minimum", seconds: 5 * MIN, rules: [roundUp15, minimum30], billable: 30 * MIN, amount: 5000, applied: ["round", "min"] },
    { name: "the minimum leaves a longer entry alone", seconds: 40 * MIN, rules: [roundUp15, minimum30], billable: 45 * MIN, amount: 7500, applied: ["round"] },
    { name: "an inactive rule is ignored", seconds: 50 * MIN, rules: [{ ...roundUp15, active: false }], billable: 50 * MIN, amount: 8333, applied: [] },
    { name: "a rule for another project is ignored", seconds: 50 * MIN, rules: [{ ...roundUp15, projectId: "p2" }], billable: 50 * MIN, amount: 8333, applied: [] },
  ])("$name", ({ seconds, rules, billable, amount, applied }) => {
    const result = billTimeEntry({ durationSeconds: seconds, hourlyRate: 10_000 }, scope, rules);
    expect(result).toEqual({ billableSeconds: billable, amount, appliedRuleIds: applied });
  });

  it("prefers a project rule over the workspace rule", () => {
    const projectDown = rule({ id: "proj", kind: "rounding", projectId: "p1", roundingIncrementSeconds: 30 * MIN, roundingDirection: "down" });
    const result = billTimeEntry({ durationSeconds: 50 * MIN, hourlyRate: 6_000 }, scope, [roundUp15, projectDown]);
    expect(result.billableSeconds).toBe(30 * MIN);
    expect(result.appliedRuleIds).toEqual(["proj"]);
  });
});
