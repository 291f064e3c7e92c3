/**
 * How reports show hours, so rows and totals add up on the page (issue 17: rows of
 * 32.78 + 30.08 + 6.08 + 3.50 = 72.44 were totalled 72.45). The rule:
 * - each row's hours are its exact seconds rounded to the nearest hundredth of an hour
 *   (half up: 18 s or more of a 36 s hundredth rounds up);
 * - the total is the sum of the rounded rows shown, not the rounded exact total.
 * The total can then differ from the exact tracked time by at most half a hundredth per row;
 * the seconds themselves (REST, MCP) stay exact.
 */

/** Hundredths of an hour for `seconds`, rounded half up: 5400 → 150. */
export function hundredthsOfHour(seconds: number): number {
  return Math.round(seconds / 36);
}

/** 150 → "1.50" (no unit). */
export function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export interface DisplayedHours<K extends string> {
  /** Per row, per field: hundredths of an hour. */
  rows: Record<K, number>[];
  /** Per field: the sum of the rows' hundredths. */
  totals: Record<K, number>;
}

/** The hours a report shows for each row and its totals, by the rule above. */
export function displayedHours<K extends string>(rows: readonly Record<K, number>[], fields: readonly K[]): DisplayedHours<K> {
  const shown = rows.map((row) => Object.fromEntries(fields.map((f) => [f, hundredthsOfHour(row[f])])) as Record<K, number>);
  const totals = Object.fromEntries(fields.map((f) => [f, shown.reduce((sum, row) => sum + row[f], 0)])) as Record<K, number>;
  return { rows: shown, totals };
}
