import { type Actor } from "@/lib/domain/actor";
import { csvMoney, CsvNumber, type CsvExport, type CsvValue } from "@/lib/domain/csv/csv";
import { displayedHours, formatHundredths } from "./report-hours";
import { runReport, type RunReportInput } from "./run-report";

const GROUP_LABELS = { project: "Project", client: "Client", member: "Member" } as const;

/**
 * A report as CSV: what the report page shows for the same kind, grouping and range — one
 * record per row, largest first, and a last "Total" record. Hours follow the page's rule
 * (report-hours.ts: each row rounded to the hundredth, the total their sum); amounts are
 * decimals in the workspace currency. A report is already a handful of rows, so it is one page.
 * @throws as runReport does (forbidden, invalidInput).
 */
export async function exportReport(actor: Actor, input: RunReportInput): Promise<CsvExport> {
  const report = await runReport(actor, input);
  const group = GROUP_LABELS[report.groupBy];
  const currency = report.currency;
  const hours = (h: number) => new CsvNumber(formatHundredths(h));
  let header: string[];
  let records: CsvValue[][];
  if (report.kind === "revenue") {
    header = [group, `Invoiced, net (${currency})`, `Collected (${currency})`];
    records = [...report.rows, { label: "Total", ...report.totals }].map((row) => [row.label, csvMoney(row.invoiced), csvMoney(row.collected)]);
  } else {
    const shown = displayedHours(report.rows, ["trackedSeconds", "billableSeconds"]);
    header = [group, "Tracked hours", "Billable hours", `Amount (${currency})`];
    records = report.rows.map((row, i) => [row.label, hours(shown.rows[i]?.trackedSeconds ?? 0), hours(shown.rows[i]?.billableSeconds ?? 0), csvMoney(row.amount)]);
    records.push(["Total", hours(shown.totals.trackedSeconds), hours(shown.totals.billableSeconds), csvMoney(report.totals.amount)]);
  }
  async function* pages() {
    yield records;
  }
  return { fileName: `${report.kind}-by-${report.groupBy}-${report.from}-${report.to}.csv`, header, pages: pages() };
}
