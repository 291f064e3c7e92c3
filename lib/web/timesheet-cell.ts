/**
 * What a timesheet cell's typing means: a duration in the forms people write ("1:30", "1.5",
 * "90m"), or a specific refusal naming what to type instead.
 */
import { parseDuration } from "@/lib/domain/durations";
import { invalidInput } from "@/lib/domain/errors";

/**
 * Seconds for the typed text.
 * @throws invalid_input (field `duration`) for empty text (a cell is not cleared here: its entry
 *   is deleted on the Time page), for under a minute, and for text that is not a duration.
 */
export function readTimesheetCell(typed: string): number {
  if (typed.trim() === "") {
    throw invalidInput("Type a duration like 1:30, 1.5 or 90m. To remove this time, delete its entry on the Time page.", { duration: "is required" });
  }
  const seconds = parseDuration(typed);
  if (seconds === null) throw invalidInput(`“${typed.trim()}” is not a duration: write it like 1:30, 1.5 or 90m.`, { duration: "write it like 1:30, 1.5 or 90m" });
  if (seconds < 60) throw invalidInput("A cell holds at least 0:01. To remove this time, delete its entry on the Time page.", { duration: "must be at least one minute" });
  return seconds;
}
