import { BarChart } from "@/components/charts/bar-chart";
import { formatMoney } from "@/lib/domain/money";
import { formatHundredths, hundredthsOfHour } from "@/lib/domain/reports/report-hours";
import type { Report } from "@/lib/domain/reports/run-report";

const GROUP_WORDS = { project: "project", client: "client", member: "member" } as const;
const BUCKET_HEADINGS = { day: "Day", month: "Month", year: "Year" } as const;

/**
 * The report's chart: time per day (month, year) stacked by the report's grouping, or revenue
 * invoiced beside collected per month (year). Hours are per bar part rounded to the hundredth, and
 * a bar's total is the sum of its parts, as in the report table (report-hours.ts).
 */
export function ReportChart({ report }: { report: Report }) {
  const { chart } = report;
  if (chart.kind === "revenue") {
    return (
      <BarChart
        id="revenue-chart"
        title={`Revenue invoiced and collected per ${chart.unit}`}
        description={`Invoiced (net of tax) beside collected, for each ${chart.unit} from ${chart.buckets[0]?.label ?? ""} to ${chart.buckets.at(-1)?.label ?? ""}.`}
        mode="grouped"
        buckets={chart.buckets}
        series={[
          { key: "invoiced", label: "Invoiced (net)", values: chart.invoiced },
          { key: "collected", label: "Collected", values: chart.collected },
        ]}
        format={(minor) => formatMoney(Math.round(minor), report.currency)}
        bucketHeading={BUCKET_HEADINGS[chart.unit]}
      />
    );
  }
  const per = chart.unit;
  const what = report.kind === "unbilled" ? "Unbilled time" : "Time";
  return (
    <BarChart
      id="time-chart"
      title={`${what} per ${per} by ${GROUP_WORDS[report.groupBy]}`}
      description={`Hours tracked each ${per}, stacked by ${GROUP_WORDS[report.groupBy]}${chart.series.some((s) => s.key === "other") ? "; the smaller ones together as Other" : ""}.`}
      mode="stacked"
      buckets={chart.buckets}
      series={chart.series.map((s) => ({ key: s.key, label: s.label, values: s.values.map(hundredthsOfHour) }))}
      format={(hundredths) => `${formatHundredths(Math.round(hundredths))} h`}
      bucketHeading={BUCKET_HEADINGS[chart.unit]}
    />
  );
}
