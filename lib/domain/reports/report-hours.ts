/**
 * How reports show hours, so rows and totals add up on the page (issue 17: rows of
 * 32.78 + 30.08 + 6.08 + 3.50 = 72.44 were totalled 72.45) and every grouping of the same
 * period shows the same total (by project and by member once differed by 0.01 h). The rule, the
 * largest-remainder (Hamilton) method over hundredths of an hour:
 * - the total is the exact tracked seconds rounded to the nearest hundredth (half up);
 * - each row gets its exact hundredths rounded down, and the hundredths still missing to the
 *   total go one each to the rows with the largest remainders (ties to the earlier row).
 * So the rows add up to the total, no row is more than 0.01 h from its exact time, and the
 * total is the same whatever the grouping. The seconds themselves (REST, MCP) stay exact.
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
  /** Per field: the exact total in hundredths, which the rows add up to. */
  totals: Record<K, number>;
}

/** The hours a report shows for each row and its totals, by the rule above. Seconds are ≥ 0. */
export function displayedHours<K extends string>(rows: readonly Record<K, number>[], fields: readonly K[]): DisplayedHours<K> {
  const shown = rows.map(() => ({}) as Record<K, number>);
  const totals = {} as Record<K, number>;
  for (const field of fields) {
    const seconds = rows.map((row) => row[field]);
    const total = hundredthsOfHour(seconds.reduce((sum, each) => sum + each, 0));
    const parts = apportionHundredths(seconds, total);
    parts.forEach((part, index) => {
      shown[index]![field] = part;
    });
    totals[field] = total;
  }
  return { rows: shown, totals };
}

/** `total` hundredths over rows of `seconds`: each its floor, the rest by largest remainder. */
function apportionHundredths(seconds: readonly number[], total: number): number[] {
  const parts = seconds.map((each) => Math.floor(each / 36));
  let missing = total - parts.reduce((sum, each) => sum + each, 0);
  const byRemainder = seconds.map((each, index) => ({ index, remainder: each % 36 })).sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    parts[index]! += 1;
    missing -= 1;
  }
  return parts;
}
