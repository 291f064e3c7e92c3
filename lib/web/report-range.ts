/** Date ranges offered by the reports page, as workspace calendar dates. */
import { addIsoDays, firstOfMonth, weekStartOf } from "@/lib/domain/dates";

export const RANGE_PRESETS = [
  { value: "this-week", label: "This week" },
  { value: "this-month", label: "This month" },
  { value: "last-month", label: "Last month" },
  { value: "this-year", label: "This year" },
  { value: "custom", label: "Custom" },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]["value"];

export function isRangePreset(value: string | undefined): value is RangePreset {
  return RANGE_PRESETS.some((p) => p.value === value);
}

function lastOfMonth(isoDate: string): string {
  return addIsoDays(firstOfMonth(addIsoDays(firstOfMonth(isoDate), 32)), -1);
}

/** The inclusive dates a preset covers on `today`; custom ranges come from the form. */
export function presetRange(preset: Exclude<RangePreset, "custom">, today: string): { from: string; to: string } {
  switch (preset) {
    case "this-week": {
      const monday = weekStartOf(today);
      return { from: monday, to: addIsoDays(monday, 6) };
    }
    case "this-month":
      return { from: firstOfMonth(today), to: lastOfMonth(today) };
    case "last-month": {
      const previous = addIsoDays(firstOfMonth(today), -1);
      return { from: firstOfMonth(previous), to: previous };
    }
    case "this-year":
      return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
  }
}
