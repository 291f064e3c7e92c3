import { describe, expect, it } from "vitest";
import { allocateProportionally } from "./allocate-proportionally";
import { EARLIEST_DATE, LATEST_DATE } from "@/lib/domain/dates";
import { chartBuckets, chartUnitFor, MAX_DAILY_BUCKETS, MAX_MONTHLY_BUCKETS, MAX_SERIES, revenuePerMonth, timePerPeriod } from "./report-charts";
import { displayedHours, formatHundredths, hundredthsOfHour } from "./report-hours";

describe("allocateProportionally", () => {
  it.each([
    { amount: 100, weights: [1, 1, 1], shares: [34, 33, 33] },
    { amount: 198450, weights: [150000, 48450], shares: [150000, 48450] },
    { amount: 1000, weights: [30000, 10000], shares: [750, 250] },
    { amount: 1, weights: [1, 1], shares: [1, 0] },
    { amount: 7, weights: [1, 2, 4], shares: [1, 2, 4] },
    { amount: 10, weights: [3, 0, 3, -5], shares: [5, 0, 5, 0] },
    { amount: -100, weights: [1, 1, 1], shares: [-34, -33, -33] },
    { amount: 0, weights: [5, 5], shares: [0, 0] },
    // The unit left over goes to the largest remainder, not to the first or the heaviest weight:
    // 10 × 1/3 = 3 r1, 10 × 2/3 = 6 r2.
    { amount: 10, weights: [1, 2], shares: [3, 7] },
    // 2 × 2/5 = 0 r4 and 2 × 3/5 = 1 r1: the smaller weight has the larger remainder.
    { amount: 2, weights: [2, 3], shares: [1, 1] },
    // 3 × 2/4 = 1 r2, then two of 0 r3: both leftover units go to the r3s.
    { amount: 3, weights: [2, 1, 1], shares: [1, 1, 1] },
    { amount: 1, weights: [1, 3], shares: [0, 1] },
    // Equal remainders (r6, r2, r2, r6): the earlier weight first.
    { amount: 2, weights: [3, 1, 1, 3], shares: [1, 0, 0, 1] },
    { amount: 2, weights: [1, 1, 1], shares: [1, 1, 0] },
    // Products beyond 2^53 stay exact.
    { amount: 9_007_199_254_740_991, weights: [9_007_199_254_740_990, 1], shares: [9_007_199_254_740_990, 1] },
  ])("splits $amount over $weights as $shares", ({ amount, weights, shares }) => {
    const result = allocateProportionally(amount, weights);
    expect(result).toEqual(shares);
    expect(result?.reduce((s, v) => s + v, 0)).toBe(amount);
  });

  it("adds up exactly for awkward amounts and weights", () => {
    for (let amount = 0; amount < 500; amount += 7) {
      const weights = [13, 7, 1, 29, 3];
      expect(allocateProportionally(amount, weights)?.reduce((s, v) => s + v, 0)).toBe(amount);
    }
  });

  it("refuses an amount that is not a safe integer", () => {
    expect(() => allocateProportionally(1.5, [1])).toThrow(RangeError);
    expect(() => allocateProportionally(Number.NaN, [1])).toThrow("amount must be a safe integer");
  });

  it("answers null when no weight is positive", () => {
    expect(allocateProportionally(100, [])).toBeNull();
    expect(allocateProportionally(100, [0, -3])).toBeNull();
  });
});

describe("report hours", () => {
  // Issue 17: rows shown as 32.78 + 30.08 + 6.08 + 3.50 = 72.44 were totalled 72.45, the exact
  // total (260835 s = 72.454 h) rounded. Each row here is just under half a hundredth over.
  const rows = [118025, 108305, 21905, 12600].map((trackedSeconds) => ({ trackedSeconds }));

  it("shows rows that add up to the exact total: 32.79 + 30.08 + 6.08 + 3.50 = 72.45", () => {
    const hours = displayedHours(rows, ["trackedSeconds"]);
    // Three rows are 17 s over a hundredth (equal remainders): the one hundredth missing goes to the first.
    expect(hours.rows.map((r) => formatHundredths(r.trackedSeconds))).toEqual(["32.79", "30.08", "6.08", "3.50"]);
    expect(formatHundredths(hours.totals.trackedSeconds)).toBe("72.45");
    expect(hundredthsOfHour(260835)).toBe(7245);
  });

  it("gives the missing hundredths to the largest remainders, and every grouping the same total", () => {
    // 1000 s = 27.78 hundredths, 1030 s = 28.61, 1010 s = 28.06 → floors 27 + 28 + 28 = 83; exact 3040 s = 84.44 → 84.
    const byProject = displayedHours([1000, 1030, 1010].map((s) => ({ s })), ["s"]);
    expect(byProject.rows.map((r) => r.s)).toEqual([28, 28, 28]);
    expect(byProject.totals.s).toBe(84);
    // The same seconds grouped otherwise (by member): the same total, rows adding up to it.
    const byMember = displayedHours([2030, 1010].map((s) => ({ s })), ["s"]);
    expect(byMember.totals.s).toBe(84);
    expect(byMember.rows.reduce((sum, r) => sum + r.s, 0)).toBe(84);
    // Each field is apportioned on its own; nothing tracked shows 0.00.
    const two = displayedHours([{ a: 18, b: 0 }, { a: 18, b: 0 }], ["a", "b"]);
    expect(two.rows).toEqual([{ a: 1, b: 0 }, { a: 0, b: 0 }]);
    expect(two.totals).toEqual({ a: 1, b: 0 });
  });

  it.each([
    [[36, 36, 36], [1, 1, 1], 3],
    [[17, 17, 17], [1, 0, 0], 1],
    [[35, 1], [1, 0], 1],
    [[1, 35], [0, 1], 1],
    [[], [], 0],
  ])("apportions %j seconds as %j of a total %i", (seconds, parts, total) => {
    const hours = displayedHours(seconds.map((s) => ({ s })), ["s"]);
    expect(hours.rows.map((r) => r.s)).toEqual(parts);
    expect(hours.totals.s).toBe(total);
  });

  it.each([
    [0, "0.00"],
    [17, "0.00"],
    [18, "0.01"],
    [5400, "1.50"],
    [-5400, "-1.50"],
  ])("shows %i seconds as %s h", (seconds, shown) => {
    expect(formatHundredths(hundredthsOfHour(seconds))).toBe(shown);
  });
});

describe("chart data", () => {
  it("buckets a month by day and a year by month", () => {
    expect(chartBuckets("2026-03-01", "2026-03-31")).toHaveLength(31);
    expect(chartBuckets("2026-03-01", "2026-03-02")).toEqual([
      { key: "2026-03-01", label: "Sun 1 Mar" },
      { key: "2026-03-02", label: "Mon 2 Mar" },
    ]);
    const year = chartBuckets("2025-11-15", "2026-10-31");
    expect(year.map((b) => b.key)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]);
    expect(year[0]?.label).toBe("Nov 2025");
  });

  it("stacks seconds per day by group, and adds groups beyond the largest into Other", () => {
    const groups = Array.from({ length: MAX_SERIES + 2 }, (_, i) => ({ key: `g${i}`, label: `Group ${i}` }));
    const points = groups.flatMap((g, i) => [
      { date: "2026-03-01", key: g.key, seconds: 100 * (i + 1) },
      { date: "2026-03-02", key: g.key, seconds: 10 },
    ]);
    points.push({ date: "2026-04-01", key: "g0", seconds: 999 }); // outside the range
    const chart = timePerPeriod(points, groups, { from: "2026-03-01", to: "2026-03-02" });
    expect(chart.unit).toBe("day");
    expect(chart.series.map((s) => s.label)).toEqual(["Group 0", "Group 1", "Group 2", "Group 3", "Group 4", "Other (2)"]);
    expect(chart.series[0]?.values).toEqual([100, 10]);
    expect(chart.series.at(-1)?.values).toEqual([600 + 700, 20]);
    const total = chart.series.reduce((s, x) => s + x.values.reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(points.reduce((s, p) => s + p.seconds, 0) - 999);
  });

  it("charts 62 days by day, 36 calendar months by month, and anything longer by year", () => {
    expect(chartUnitFor("2026-01-01", "2026-03-03")).toBe("day"); // 62 days
    expect(chartUnitFor("2026-01-01", "2026-03-04")).toBe("month");
    expect(chartUnitFor("2024-01-31", "2026-12-01")).toBe("month"); // 36 calendar months
    expect(chartUnitFor("2023-12-31", "2026-12-01")).toBe("year"); // 37
    // The widest range a report takes is the calendar: a century, charted in a hundred yearly bars.
    const decades = chartBuckets(EARLIEST_DATE, LATEST_DATE);
    expect(decades).toHaveLength(100);
    expect(Math.max(MAX_DAILY_BUCKETS, MAX_MONTHLY_BUCKETS, decades.length)).toBe(100);
    expect(decades[0]).toEqual({ key: "2000", label: "2000" });
    expect(decades.at(-1)).toEqual({ key: "2099", label: "2099" });
  });

  it("stacks time per year over a long range, each entry in its year's bucket", () => {
    const groups = [{ key: "g0", label: "Group 0" }];
    const points = [
      { date: "2020-12-31", key: "g0", seconds: 60 },
      { date: "2021-01-01", key: "g0", seconds: 30 },
      { date: "2023-06-15", key: "g0", seconds: 10 },
    ];
    const chart = timePerPeriod(points, groups, { from: "2020-01-01", to: "2023-12-31" });
    expect(chart.unit).toBe("year");
    expect(chart.buckets.map((b) => b.key)).toEqual(["2020", "2021", "2022", "2023"]);
    expect(chart.series[0]?.values).toEqual([60, 30, 0, 10]);
    const months = timePerPeriod(points.slice(0, 2), groups, { from: "2020-12-01", to: "2021-02-28" });
    expect(months.unit).toBe("month");
    expect(months.series[0]?.values).toEqual([60, 30, 0]);
  });

  it("puts revenue in its year over a long range", () => {
    const chart = revenuePerMonth([{ date: "2019-12-31", amount: 1000 }, { date: "2021-01-01", amount: 500 }], [{ date: "2021-06-30", amount: 700 }], { from: "2019-01-01", to: "2022-12-31" });
    expect(chart.unit).toBe("year");
    expect(chart.buckets.map((b) => b.key)).toEqual(["2019", "2020", "2021", "2022"]);
    expect(chart.invoiced).toEqual([1000, 0, 500, 0]);
    expect(chart.collected).toEqual([0, 0, 700, 0]);
  });

  it("keeps a sixth group its own series rather than an Other of one", () => {
    const groups = Array.from({ length: MAX_SERIES + 1 }, (_, i) => ({ key: `g${i}`, label: `Group ${i}` }));
    expect(timePerPeriod([], groups, { from: "2026-03-01", to: "2026-03-01" }).series.map((s) => s.label)).toEqual(groups.map((g) => g.label));
  });

  it("puts revenue in the month it was invoiced or collected", () => {
    const chart = revenuePerMonth(
      [{ date: "2026-01-31", amount: 1000 }, { date: "2026-02-01", amount: 500 }, { date: "2026-02-10", amount: -200 }],
      [{ date: "2026-02-28", amount: 700 }],
      { from: "2026-01-01", to: "2026-03-31" },
    );
    expect(chart.unit).toBe("month");
    expect(chart.buckets.map((b) => b.key)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(chart.invoiced).toEqual([1000, 300, 0]);
    expect(chart.collected).toEqual([0, 700, 0]);
  });
});

describe("run_report's text for MCP clients", () => {
  it("totals the hours it shows, as the page does", async () => {
    const { TOOLS } = await import("@/lib/mcp/tools");
    const row = (label: string, seconds: number) => ({ key: label, label, tracked_seconds: seconds, billable_seconds: seconds, amount: 0, invoiced: 0, collected: 0 });
    const rows = [row("A", 118025), row("B", 108305), row("C", 21905), row("D", 12600)];
    const text = TOOLS.runReport.render({
      kind: "time", group_by: "project", from: "2026-01-01", to: "2026-01-31", currency: "EUR", own_time_only: false, rows,
      totals: { tracked_seconds: 260835, billable_seconds: 260835, amount: 0, invoiced: 0, collected: 0 },
    });
    expect(text).toContain("A: 32.79 h tracked");
    expect(text).toContain("B: 30.08 h tracked");
    expect(text).toContain("D: 3.50 h tracked");
    expect(text).toContain("Total: 72.45 h tracked, 72.45 h billable");
  });

  it("offers every kind's groupings in run_report's description, from the runner's declaration", async () => {
    const { runReport } = await import("@/lib/operations/reports");
    expect(runReport.description).toContain("group_by per kind: time and unbilled: project, client or member; revenue: project or client");
  });
});
