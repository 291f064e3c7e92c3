/** Durations are integer seconds; these helpers read and write the forms people type. */

const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1 };

/**
 * Parses "1:30", "1:30:15", "1.5" / "1,5" (hours), "90m", "1h 30m", "45 min", "2 hours".
 * Returns null for anything else.
 */
export function parseDuration(text: string): number | null {
  const value = text.trim().toLowerCase();
  if (value === "") return null;
  const clock = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(value);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
  const decimal = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(value);
  if (decimal) return Math.round(Number(`${decimal[1]}.${decimal[2] ?? "0"}`) * 3600);
  const part = String.raw`(\d+(?:[.,]\d+)?)\s*(h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)`;
  if (!new RegExp(String.raw`^(?:${part}\s*)+$`).test(value)) return null;
  let seconds = 0;
  for (const [, amount = "0", unit = "h"] of value.matchAll(new RegExp(part, "g"))) {
    seconds += Number(amount.replace(",", ".")) * (UNIT_SECONDS[unit.charAt(0)] ?? 0);
  }
  return Math.round(seconds);
}

/** The whole minutes a duration is shown as: 89 → 1, 90 → 2 (nearest, half up). */
export function shownMinutes(seconds: number): number {
  return Math.round(seconds / 60);
}

/** 5400 → "1:30"; 45 → "0:01" (rounded to the nearest minute for display). */
export function formatDuration(seconds: number): string {
  const minutes = shownMinutes(seconds);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * The sum of durations as formatDuration shows them (each rounded to the minute first), in
 * seconds: a total printed under its rows then equals the sum of the rows printed.
 * [89, 89] → 120 ("0:02" under "0:01" + "0:01"), where the exact 178 would print "0:03".
 */
export function sumAsShown(seconds: readonly number[]): number {
  return seconds.reduce((total, each) => total + shownMinutes(each) * 60, 0);
}

/** 5400 → "1.50 h", for invoice quantities. */
export function formatHours(seconds: number): string {
  return `${(seconds / 3600).toFixed(2)} h`;
}
