"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InputField, SelectField, SelectOptions } from "@/components/ui/field";
import type { RangePreset } from "@/lib/web/report-range";

type Kind = "time" | "unbilled" | "revenue";
type Grouping = "project" | "client" | "member";

const KIND_LABELS: Record<Kind, string> = { time: "Time tracked", unbilled: "Unbilled work", revenue: "Revenue" };
const GROUPING_LABELS: Record<Grouping, string> = { project: "Project", client: "Client", member: "Member" };

/**
 * What to report on. A GET form (the URL is the report); choosing a preset fills in its
 * dates, and editing a date switches to a custom range.
 */
export function ReportForm({
  action,
  kinds,
  groupings,
  values,
  presets,
  errors,
}: {
  action: string;
  kinds: Kind[];
  /** What each kind runs with (GROUPINGS_BY_KIND): only these are offered. */
  groupings: Record<Kind, readonly Grouping[]>;
  values: { kind: Kind; groupBy: Grouping; preset: RangePreset; from: string; to: string };
  presets: { value: RangePreset; label: string; range: { from: string; to: string } | null }[];
  errors: Record<string, string>;
}) {
  const [kind, setKind] = useState(values.kind);
  const [groupBy, setGroupBy] = useState(values.groupBy);
  const [preset, setPreset] = useState(values.preset);
  const [range, setRange] = useState({ from: values.from, to: values.to });

  function choosePreset(value: RangePreset) {
    setPreset(value);
    const chosen = presets.find((p) => p.value === value)?.range;
    if (chosen) setRange(chosen);
  }
  function editDate(field: "from" | "to", value: string) {
    setPreset("custom");
    setRange((current) => ({ ...current, [field]: value }));
  }
  function chooseKind(value: Kind) {
    setKind(value);
    const offered = groupings[value];
    if (!offered.includes(groupBy)) setGroupBy(offered[0] ?? "project");
  }

  return (
    <form method="get" action={action} aria-label="Report settings" className="grid items-start gap-4 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]">
      <SelectField id="kind" label="Report" value={kind} onChange={(e) => chooseKind(e.target.value as Kind)} error={errors.kind}>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      <SelectField id="groupBy" label="Group by" value={groupBy} onChange={(e) => setGroupBy(e.target.value as Grouping)} error={errors.groupBy}>
        {groupings[kind].map((g) => (
          <option key={g} value={g}>
            {GROUPING_LABELS[g]}
          </option>
        ))}
      </SelectField>
      <SelectField id="preset" label="Period" value={preset} onChange={(e) => choosePreset(e.target.value as RangePreset)}>
        <SelectOptions choices={presets} />
      </SelectField>
      <InputField id="from" label="From" type="date" required value={range.from} onChange={(e) => editDate("from", e.target.value)} error={errors.from} />
      <InputField id="to" label="To" type="date" required value={range.to} onChange={(e) => editDate("to", e.target.value)} error={errors.to} />
      <div className="lg:pt-6">
        <Button type="submit" className="w-full lg:w-auto">
          Run report
        </Button>
      </div>
    </form>
  );
}
