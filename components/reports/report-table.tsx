import { Table, Td, type Column } from "@/components/ui/table";
import { formatHours } from "@/lib/domain/durations";
import { formatMoney } from "@/lib/domain/money";
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

/** The report's rows and totals; the columns follow the kind of report. */
export function ReportTable({ report }: { report: Report }) {
  const money = (amount: number) => formatMoney(amount, report.currency);
  const revenue = report.kind === "revenue";
  const share = (row: Omit<ReportRow, "key" | "label">) => (revenue ? row.invoiced : report.kind === "unbilled" ? row.amount : row.trackedSeconds);
  const total = share(report.totals);
  const shareLabel = revenue ? "Share of invoiced" : report.kind === "unbilled" ? "Share of unbilled" : "Share of time";
  const amountColumns: Column[] = revenue
    ? [{ label: "Invoiced (net)", align: "right" }, { label: "Collected", align: "right" }]
    : [{ label: "Tracked", align: "right" }, { label: "Billable", align: "right" }, { label: "Amount", align: "right" }];

  const cells = (row: Omit<ReportRow, "key" | "label">) =>
    revenue ? (
      <>
        <Td align="right">{money(row.invoiced)}</Td>
        <Td align="right">{report.groupBy === "project" ? <span className="text-slate-500">—</span> : money(row.collected)}</Td>
      </>
    ) : (
      <>
        <Td align="right">{formatHours(row.trackedSeconds)}</Td>
        <Td align="right">{formatHours(row.billableSeconds)}</Td>
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
            {cells(report.totals)}
            <Td />
          </tr>
        </tfoot>
      }
    >
      {report.rows.map((row) => (
        <tr key={row.key}>
          <Td className="font-medium text-slate-900">{row.label}</Td>
          {cells(row)}
          <Td>
            <ShareBar value={share(row)} total={total} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}
