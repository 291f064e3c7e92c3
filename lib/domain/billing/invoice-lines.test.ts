import { describe, expect, it } from "vitest";
import { groupIntoLines, invoiceLabel, LINE_GROUPINGS, type BillableEntry } from "./invoice-lines";

const HOUR = 3600;

function entry(id: string, overrides: Partial<BillableEntry>): BillableEntry {
  return {
    id,
    projectId: "p-web",
    projectName: "Website",
    taskId: null,
    taskName: null,
    billableSeconds: HOUR,
    hourlyRate: 10_000,
    ...overrides,
  };
}

describe("groupIntoLines", () => {
  const entries = [
    entry("e1", { taskId: "t-design", taskName: "Design", billableSeconds: 2 * HOUR }),
    entry("e2", { taskId: "t-build", taskName: "Build", billableSeconds: 1.5 * HOUR }),
    entry("e3", { taskId: "t-design", taskName: "Design", billableSeconds: 0.25 * HOUR }),
    entry("e4", { projectId: "p-app", projectName: "App", billableSeconds: 0.75 * HOUR, hourlyRate: 12_000 }),
  ];

  it("groups per project", () => {
    const lines = groupIntoLines(entries, "project", "EUR");
    expect(lines.map((l) => [l.description, l.quantitySeconds, l.unitRate, l.amount, l.entryIds])).toEqual([
      ["App", 0.75 * HOUR, 12_000, 9_000, ["e4"]],
      ["Website", 3.75 * HOUR, 10_000, 37_500, ["e1", "e2", "e3"]],
    ]);
    expect(lines.map((l) => l.position)).toEqual([1, 2]);
  });

  it("groups per project and task, naming entries without a task 'General'", () => {
    const lines = groupIntoLines(entries, "task", "EUR");
    expect(lines.map((l) => [l.description, l.quantitySeconds, l.amount])).toEqual([
      ["App — General", 0.75 * HOUR, 9_000],
      ["Website — Build", 1.5 * HOUR, 15_000],
      ["Website — Design", 2.25 * HOUR, 22_500],
    ]);
  });

  it.each([
    { order: "higher rate first", rates: [10_000, 8_000] },
    { order: "lower rate first", rates: [8_000, 10_000] },
  ])("splits one project billed at two rates into two labelled lines, higher rate first ($order)", ({ rates }) => {
    const lines = groupIntoLines(rates.map((hourlyRate, i) => entry(`e${i}`, { hourlyRate })), "project", "EUR");
    expect(lines.map((l) => l.description)).toEqual(["Website (at €100.00/h)", "Website (at €80.00/h)"]);
  });

  it("links a line to its task only when grouping by task", () => {
    expect(groupIntoLines(entries, "task", "EUR").map((l) => l.taskId)).toEqual([null, "t-build", "t-design"]);
    expect(groupIntoLines(entries, "project", "EUR").map((l) => l.taskId)).toEqual([null, null]);
  });

  it("offers exactly the groupings it understands", () => {
    const descriptions = Object.fromEntries(
      LINE_GROUPINGS.map((grouping) => [grouping, groupIntoLines(entries, grouping, "EUR").map((l) => l.description)]),
    );
    expect(descriptions).toEqual({
      project: ["App", "Website"],
      task: ["App — General", "Website — Build", "Website — Design"],
    });
  });

  it("computes each line from its total quantity, rounding half up once", () => {
    // 3 × 20 minutes at €100.01/h: per-entry rounding would give 3 × 3334 = 10002.
    const thirds = ["x", "y", "z"].map((id) => entry(id, { billableSeconds: 20 * 60, hourlyRate: 10_001 }));
    expect(groupIntoLines(thirds, "project", "EUR")[0]?.amount).toBe(10_001);
  });

  it("returns no lines for no entries", () => {
    expect(groupIntoLines([], "project", "EUR")).toEqual([]);
  });
});

describe("invoiceLabel", () => {
  it.each([
    ["INV-", 1, "INV-0001"],
    ["INV-", 42, "INV-0042"],
    ["2026/", 12345, "2026/12345"],
  ])("%s + %i → %s", (prefix, number, label) => {
    expect(invoiceLabel(prefix, number as number)).toBe(label);
  });
});
