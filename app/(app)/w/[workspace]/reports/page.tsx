import type { Metadata } from "next";
import { ReportChart } from "@/components/reports/report-chart";
import { ReportForm } from "@/components/reports/report-form";
import { ReportTable } from "@/components/reports/report-table";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import { localDateOf, formatPeriod } from "@/lib/domain/dates";
import { GROUPINGS_BY_KIND, REPORT_KINDS, runReport } from "@/lib/domain/reports/run-report";
import { attempt } from "@/lib/web/domain-result";
import { resolveReportChoices } from "@/lib/web/report-choices";
import { presetRange, RANGE_PRESETS } from "@/lib/web/report-range";
import { param, type SearchParams } from "@/lib/web/search-params";

export const metadata: Metadata = { title: "Reports" };

const DESCRIPTIONS = {
  time: "Time tracked in the period, with the billable part valued after rounding, minimums and rates.",
  unbilled: "Billable time in the period that is not on any invoice yet.",
  revenue: "Invoiced (net of tax, sent or paid invoices issued in the period) and collected (payments received in the period).",
} as const;

export default async function ReportsPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<SearchParams> }) {
  const { workspace: slug } = await params;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const query = await searchParams;

  const today = localDateOf(now(), workspace.timeZone);
  const kinds: (typeof REPORT_KINDS)[number][] = can(actor, "billing:read") ? [...REPORT_KINDS] : ["time"];
  const { kind, groupBy, preset, notices } = resolveReportChoices({ kind: param(query, "kind"), groupBy: param(query, "groupBy"), preset: param(query, "preset"), from: param(query, "from") });
  const range = preset === "custom" ? { from: param(query, "from") ?? today, to: param(query, "to") ?? today } : presetRange(preset, today);

  const result = await attempt(() => runReport(actor, { kind, groupBy, ...range }));
  const errors = result.ok ? {} : { ...result.error.fieldErrors };

  return (
    <>
      <PageHeader title="Reports" description={DESCRIPTIONS[kind]} />
      <div className="space-y-6">
        <Card>
          <ReportForm
            action={`/w/${slug}/reports`}
            kinds={kinds}
            groupings={GROUPINGS_BY_KIND}
            values={{ kind, groupBy, preset, ...range }}
            presets={RANGE_PRESETS.map((p) => ({ ...p, range: p.value === "custom" ? null : presetRange(p.value, today) }))}
            errors={errors}
          />
        </Card>

        {notices.map((notice) => (
          <Alert key={notice} tone="warning" testId="report-notice">
            {notice}
          </Alert>
        ))}

        {!can(actor, "time:read_all") ? (
          <Alert tone="info" testId="own-time-note">
            As a member you see reports on your own time only. Unbilled work and revenue are for owners and admins.
          </Alert>
        ) : null}

        {!result.ok ? (
          <Alert tone={result.error.code === "forbidden" ? "warning" : "error"} title="This report cannot be run" testId="report-error">
            {Object.keys(errors).length ? "Change the highlighted setting and run the report again." : result.error.message}
          </Alert>
        ) : (
          <>
            <Card
              title={`${formatPeriod(result.value.from, result.value.to)}`}
              description={`${result.value.rows.length} ${result.value.rows.length === 1 ? "row" : "rows"}, largest first${result.value.ownTimeOnly ? " · your own time only" : ""}`}
              actions={
                // A plain link: the browser downloads the streamed file (a route handler, not a page).
                <a
                  href={`/w/${slug}/reports/export.csv?${new URLSearchParams({ kind, groupBy, from: result.value.from, to: result.value.to })}`}
                  download
                  className={buttonClasses("secondary", "sm")}
                  data-testid="report-csv"
                >
                  Download CSV
                </a>
              }
            >
              {result.value.rows.length ? (
                <div className="-mx-5 -my-4">
                  <ReportTable report={result.value} />
                </div>
              ) : (
                <EmptyState title="Nothing in this period">Try a longer period or another kind of report.</EmptyState>
              )}
            </Card>
            {result.value.rows.length ? (
              <Card title="Chart">
                <ReportChart report={result.value} />
              </Card>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
