import { describe, expect, it } from "vitest";
import { resolveReportChoices } from "./report-choices";

describe("resolveReportChoices", () => {
  it.each([
    ["nothing asked for", {}, { kind: "time", groupBy: "project", preset: "this-month" }],
    ["the form's own choices", { kind: "revenue", groupBy: "client", preset: "last-month" }, { kind: "revenue", groupBy: "client", preset: "last-month" }],
    ["dates without a range", { kind: "unbilled", groupBy: "member", from: "2026-01-01" }, { kind: "unbilled", groupBy: "member", preset: "custom" }],
    ["empty values (the form's defaults)", { kind: "", groupBy: "", preset: "" }, { kind: "time", groupBy: "project", preset: "this-month" }],
  ] as const)("uses %s without a notice", (_, query, chosen) => {
    expect(resolveReportChoices(query)).toEqual({ ...chosen, notices: [] });
  });

  it.each([
    ["a kind that is not one", { kind: "zzz" }, { kind: "time", groupBy: "project" }, "There is no “zzz” report (it is time, unbilled or revenue), so the time report is shown."],
    ["a grouping that is not one", { kind: "time", groupBy: "qq" }, { kind: "time", groupBy: "project" }, "A time report is grouped by project, client or member, not “qq”, so it is grouped by project."],
    ["a grouping the kind does not have", { kind: "revenue", groupBy: "member" }, { kind: "revenue", groupBy: "project" }, "A revenue report is grouped by project or client, not “member”, so it is grouped by project."],
    ["a range that is not one", { preset: "next-year" }, { preset: "this-month" }, "There is no range “next-year” (it is this-week, this-month, last-month, this-year or custom), so this month is shown."],
    ["a range that is not one, with dates", { preset: "x", from: "2026-01-01" }, { preset: "custom" }, "There is no range “x” (it is this-week, this-month, last-month, this-year or custom), so the dates given are shown."],
  ] as const)("falls back for %s, and says so", (_, query, chosen, notice) => {
    const choices = resolveReportChoices(query);
    expect(choices).toMatchObject(chosen);
    expect(choices.notices).toEqual([notice]);
  });

  it("says each value it does not use", () => {
    expect(resolveReportChoices({ kind: "zzz", groupBy: "qq", preset: "x" }).notices).toHaveLength(3);
  });
});
