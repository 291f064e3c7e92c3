/**
 * The data behind the reports' charts, computed here (tested) and drawn by components/charts.
 * - Time per period, stacked by the report's grouping: one bucket per day for ranges of up to
 *   62 days, else one per month; the largest groups (the report's row order) get their own
 *   series, the rest share "Other", so a handful of colours stay distinguishable.
 * - Revenue per month: invoiced (by issue date) beside collected (by payment date).
 * Dates are calendar dates (YYYY-MM-DD) in the workspace's time zone.
 */
import { addIsoDays, formatIsoDate, isoDaysBetween } from "@/lib/domain/dates";

/** At most this many named series; the rest are added up as "Other". */
export const MAX_SERIES = 5;
/** Ranges longer than this many days are charted per month. */
export const MAX_DAILY_BUCKETS = 62;

export interface ChartBucket {
  /** "2026-03-05" (a day) or "2026-03" (a month). */
  key: string;
  /** "Thu 5 Mar" or "Mar 2026". */
  label: string;
}

export interface TimeChart {
  kind: "time";
  unit: "day" | "month";
  buckets: ChartBucket[];
  /** In stacking order, bottom first; `values[i]` is seconds in `buckets[i]`. */
  series: { key: string; label: string; values: number[] }[];
}

export interface RevenueChart {
  kind: "revenue";
  buckets: ChartBucket[];
  /** Minor units per bucket (a month). */
  invoiced: number[];
  collected: number[];
}

export type ReportChart = TimeChart | RevenueChart;

/** The buckets covering `from`..`to`: days when short enough (or `unit` says so), else months. */
export function chartBuckets(from: string, to: string, unit: "day" | "month" = isoDaysBetween(from, to) + 1 > MAX_DAILY_BUCKETS ? "month" : "day"): ChartBucket[] {
  const buckets: ChartBucket[] = [];
  if (unit === "day") {
    for (let day = from; day <= to; day = addIsoDays(day, 1)) buckets.push({ key: day, label: formatIsoDate(day) });
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
  const buckets = chartBuckets(range.from, range.to);
  const unit = buckets[0]?.key.length === 7 ? "month" : "day";
  const bucketIndex = new Map(buckets.map((b, i) => [b.key, i]));
  const named = groups.length > MAX_SERIES + 1 ? groups.slice(0, MAX_SERIES) : groups;
  const series = named.map((g) => ({ key: g.key, label: g.label, values: buckets.map(() => 0) }));
  const other = { key: "other", label: `Other (${groups.length - named.length})`, values: buckets.map(() => 0) };
  const seriesOf = new Map(series.map((s) => [s.key, s]));
  for (const point of points) {
    const index = bucketIndex.get(unit === "day" ? point.date : point.date.slice(0, 7));
    if (index === undefined) continue;
    const target = seriesOf.get(point.key) ?? other;
    target.values[index] = (target.values[index] ?? 0) + point.seconds;
  }
  return { kind: "time", unit, buckets, series: named.length < groups.length ? [...series, other] : series };
}

/** Invoiced and collected per month of the range (minor units; credit notes count negative in the month they are issued). */
export function revenuePerMonth(
  invoiced: Iterable<{ date: string; amount: number }>,
  collected: Iterable<{ date: string; amount: number }>,
  range: { from: string; to: string },
): RevenueChart {
  const buckets = chartBuckets(range.from, range.to, "month");
  const index = new Map(buckets.map((b, i) => [b.key, i]));
  const sum = (items: Iterable<{ date: string; amount: number }>) => {
    const values = buckets.map(() => 0);
    for (const item of items) {
      const i = index.get(item.date.slice(0, 7));
      if (i !== undefined) values[i] = (values[i] ?? 0) + item.amount;
    }
    return values;
  };
  return { kind: "revenue", buckets, invoiced: sum(invoiced), collected: sum(collected) };
}
