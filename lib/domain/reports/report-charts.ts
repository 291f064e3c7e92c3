/**
 * The data behind the reports' charts, computed here (tested) and drawn by components/charts.
 * - Time per period, stacked by the report's grouping: one bucket per day for ranges of up to
 *   62 days, one per month for up to 36 months, else one per year (a custom range over decades
 *   would otherwise draw hundreds of bars and a table as long). Report dates are bounded to the
 *   supported calendar (EARLIEST_DATE..LATEST_DATE in dates.ts, a century), so a chart has at
 *   most a hundred buckets; the largest groups (the report's row order) get their own
 *   series, the rest share "Other", so a handful of colours stay distinguishable.
 * - Revenue per month (per year past 36 months): invoiced (by issue date) beside collected (by
 *   payment date).
 * Dates are calendar dates (YYYY-MM-DD) in the workspace's time zone.
 */
import { addIsoDays, formatIsoDate, isoDaysBetween } from "@/lib/domain/dates";

/** At most this many named series; the rest are added up as "Other". */
export const MAX_SERIES = 5;
/** Ranges longer than this many days are charted per month. */
export const MAX_DAILY_BUCKETS = 62;
/** Ranges over more calendar months than this are charted per year. */
export const MAX_MONTHLY_BUCKETS = 36;

export type ChartUnit = "day" | "month" | "year";

/** The bucket a date ("2026-03-05") falls in: itself, its month "2026-03" or its year "2026". */
export function bucketKeyOf(date: string, unit: ChartUnit): string {
  return unit === "day" ? date : unit === "month" ? date.slice(0, 7) : date.slice(0, 4);
}

/** How `from`..`to` is charted when nothing else is asked: days, months, or years. */
export function chartUnitFor(from: string, to: string): ChartUnit {
  if (isoDaysBetween(from, to) + 1 <= MAX_DAILY_BUCKETS) return "day";
  return calendarMonthsIn(from, to) <= MAX_MONTHLY_BUCKETS ? "month" : "year";
}

/** Calendar months `from`..`to` touches: 2026-01-31..2026-02-01 is 2. */
function calendarMonthsIn(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

export interface ChartBucket {
  /** "2026-03-05" (a day), "2026-03" (a month) or "2026" (a year). */
  key: string;
  /** "Thu 5 Mar", "Mar 2026" or "2026". */
  label: string;
}

export interface TimeChart {
  kind: "time";
  unit: ChartUnit;
  buckets: ChartBucket[];
  /** In stacking order, bottom first; `values[i]` is seconds in `buckets[i]`. */
  series: { key: string; label: string; values: number[] }[];
}

export interface RevenueChart {
  kind: "revenue";
  /** Months, or years for ranges over MAX_MONTHLY_BUCKETS months. */
  unit: "month" | "year";
  buckets: ChartBucket[];
  /** Minor units per bucket. */
  invoiced: number[];
  collected: number[];
}

export type ReportChart = TimeChart | RevenueChart;

/** The buckets covering `from`..`to`: by `unit`, or as chartUnitFor picks. */
export function chartBuckets(from: string, to: string, unit: ChartUnit = chartUnitFor(from, to)): ChartBucket[] {
  const buckets: ChartBucket[] = [];
  if (unit === "day") {
    for (let day = from; day <= to; day = addIsoDays(day, 1)) buckets.push({ key: day, label: formatIsoDate(day) });
    return buckets;
  }
  if (unit === "year") {
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) buckets.push({ key: String(year), label: String(year) });
    return buckets;
  }
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) {
    buckets.push({ key: month, label: formatIsoDate(`${month}-01`, "MMM yyyy") });
  }
  return buckets;
}

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/**
 * Seconds per bucket, one series per group. `groups` are the report's rows in their order
 * (largest first): the first MAX_SERIES keep their own series, the rest become "Other".
 * `points` carry the local date of each entry, its group key and its seconds.
 */
export function timePerPeriod(
  points: Iterable<{ date: string; key: string; seconds: number }>,
  groups: readonly { key: string; label: string }[],
  range: { from: string; to: string },
): TimeChart {
  const unit = chartUnitFor(range.from, range.to);
  const buckets = chartBuckets(range.from, range.to, unit);
  const bucketIndex = new Map(buckets.map((b, i) => [b.key, i]));
  const named = groups.length > MAX_SERIES + 1 ? groups.slice(0, MAX_SERIES) : groups;
  const series = named.map((g) => ({ key: g.key, label: g.label, values: buckets.map(() => 0) }));
  const other = { key: "other", label: `Other (${groups.length - named.length})`, values: buckets.map(() => 0) };
  const seriesOf = new Map(series.map((s) => [s.key, s]));
  for (const point of points) {
    const index = bucketIndex.get(bucketKeyOf(point.date, unit));
    if (index === undefined) continue;
    const target = seriesOf.get(point.key) ?? other;
    target.values[index] = (target.values[index] ?? 0) + point.seconds;
  }
  return { kind: "time", unit, buckets, series: named.length < groups.length ? [...series, other] : series };
}

/**
 * Invoiced and collected per month of the range, or per year past MAX_MONTHLY_BUCKETS months
 * (minor units; credit notes count negative in the month they are issued).
 */
export function revenuePerMonth(
  invoiced: Iterable<{ date: string; amount: number }>,
  collected: Iterable<{ date: string; amount: number }>,
  range: { from: string; to: string },
): RevenueChart {
  const unit = chartUnitFor(range.from, range.to) === "year" ? "year" : "month";
  const buckets = chartBuckets(range.from, range.to, unit);
  const index = new Map(buckets.map((b, i) => [b.key, i]));
  const sum = (items: Iterable<{ date: string; amount: number }>) => {
    const values = buckets.map(() => 0);
    for (const item of items) {
      const i = index.get(bucketKeyOf(item.date, unit));
      if (i !== undefined) values[i] = (values[i] ?? 0) + item.amount;
    }
    return values;
  };
  return { kind: "revenue", unit, buckets, invoiced: sum(invoiced), collected: sum(collected) };
}
