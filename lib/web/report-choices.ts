/**
 * The Reports page's `?kind&groupBy&preset` as its form submits them, read into the report it
 * shows. A value that is not one of the choices (a hand-edited or outdated link) falls back to
 * the default, and a notice says which and why, rather than showing another report silently.
 * (The CSV export and the REST API refuse such values outright: a file has no room for a notice.)
 */
import { GROUPINGS_BY_KIND, REPORT_KINDS, type ReportGrouping, type ReportKind } from "@/lib/domain/reports/run-report";
import { isRangePreset, RANGE_PRESETS, type RangePreset } from "./report-range";

export interface ReportChoices {
  kind: ReportKind;
  groupBy: ReportGrouping;
  preset: RangePreset;
  /** One sentence per value that was asked for and not used. */
  notices: string[];
}

const listed = (values: readonly string[]) => `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
const quoted = (value: string) => `“${value.slice(0, 40)}”`;

export function resolveReportChoices(query: { kind?: string; groupBy?: string; preset?: string; from?: string }): ReportChoices {
  const notices: string[] = [];
  const kind = REPORT_KINDS.find((k) => k === query.kind) ?? "time";
  if (query.kind && kind !== query.kind) notices.push(`There is no ${quoted(query.kind)} report (it is ${listed(REPORT_KINDS)}), so the time report is shown.`);
  const groupings: readonly ReportGrouping[] = GROUPINGS_BY_KIND[kind];
  const groupBy = groupings.find((g) => g === query.groupBy) ?? "project";
  if (query.groupBy && groupBy !== query.groupBy) notices.push(`A ${kind} report is grouped by ${listed(groupings)}, not ${quoted(query.groupBy)}, so it is grouped by project.`);
  const preset = isRangePreset(query.preset) ? query.preset : query.from ? "custom" : "this-month";
  if (query.preset && preset !== query.preset) {
    notices.push(`There is no range ${quoted(query.preset)} (it is ${listed(RANGE_PRESETS.map((p) => p.value))}), so ${preset === "custom" ? "the dates given are" : "this month is"} shown.`);
  }
  return { kind, groupBy, preset, notices };
}
