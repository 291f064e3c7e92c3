import { Table, Td, type Column } from "@/components/ui/table";
import { formatMoney } from "@/lib/domain/money";
import { displayedHours, formatHundredths } from "@/lib/domain/reports/report-hours";
import type { Report, ReportRow } from "@/lib/domain/reports/run-report";

const GROUP_LABELS = { project: "Project", client: "Client", member: "Member" } as const;

/** A proportion bar with its percentage in words for screen readers. */
function ShareBar({ value, total }: { value: number; total: number }) {
  const percent = total > 0 ? (value / total) * 100 : 0;
  return (
    <div className="flex items-center gap-2">
      <div aria-hidden className="h-2 w-full min-w-16 overflow-hidden rounded-full bg-slate-100">
        <div className="h-full rounded-full bg-indigo-500" style={{ width: `${Math.max(percent, percent > 0 ? 1 : 0)}%` }} />
      </div>
      <span className="w-10 text-right text-xs tabular-nums text-slate-500">{Math.round(percent)}%</span>
    </div>
  );
}

/** What the table's footnote says of its figures (the same rules the CSV export follows). */
export function reportFootnote(report: Pick<Report, "kind" | "groupBy">): string {
  if (report.kind !== "revenue") return "Hours are rounded to the hundredth for each row; the total is the sum of the rows shown.";
  if (report.groupBy === "project") return "Collected by project: each payment is split over its invoice's lines in proportion to their amounts, to the cent, so the rows add up to what was collected.";
  return "";
}

/** The report's rows and totals; the columns follow the kind of report. */
export function ReportTable({ report }: { report: Report }) {
  const hours = displayedHours(report.rows, ["trackedSeconds", "billableSeconds"]);
  const footnote = reportFootnote(report);
  const money = (amount: number) => formatMoney(amount, report.currency);
  const revenue = report.kind === "revenue";
  const share = (row: Omit<ReportRow, "key" | "label">) => (revenue ? row.invoiced : report.kind === "unbilled" ? row.amount : row.trackedSeconds);
  const total = share(report.totals);
  const shareLabel = revenue ? "Share of invoiced" : report.kind === "unbilled" ? "Share of unbilled" : "Share of time";
  const amountColumns: Column[] = revenue
    ? [{ label: "Invoiced (net)", align: "right" }, { label: "Collected", align: "right" }]
    : [{ label: "Tracked", align: "right" }, { label: "Billable", align: "right" }, { label: "Amount", align: "right" }];

  const cells = (row: Omit<ReportRow, "key" | "label">, shown: { trackedSeconds: number; billableSeconds: number }) =>
    revenue ? (
      <>
        <Td align="right">{money(row.invoiced)}</Td>
        <Td align="right">{money(row.collected)}</Td>
      </>
    ) : (
      <>
        <Td align="right">{formatHundredths(shown.trackedSeconds)} h</Td>
        <Td align="right">{formatHundredths(shown.billableSeconds)} h</Td>
        <Td align="right">{money(row.amount)}</Td>
      </>
    );

  return (
    <Table
      caption={`${GROUP_LABELS[report.groupBy]} report`}
      columns={[GROUP_LABELS[report.groupBy], ...amountColumns, { label: shareLabel, className: "w-1/4" }]}
      footer={
        <tfoot className="border-t-2 border-slate-200 font-semibold">
          <tr data-testid="report-totals">
            <Td className="text-slate-900">Total</Td>
            {cells(report.totals, hours.totals)}
            <Td />
          </tr>
          {footnote ? (
            <tr>
              <td colSpan={amountColumns.length + 2} className="px-4 pb-3 pt-1 text-xs font-normal text-slate-600" data-testid="report-footnote">
                {footnote}
              </td>
            </tr>
          ) : null}
        </tfoot>
      }
    >
      {report.rows.map((row, i) => (
        <tr key={row.key}>
          <Td className="font-medium text-slate-900">{row.label}</Td>
          {cells(row, hours.rows[i] ?? row)}
          <Td>
            <ShareBar value={share(row)} total={total} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}
