/**
 * The Monday–Sunday week shown on the Time page. Dates are calendar dates in the workspace's
 * time zone; `today` is passed in so this stays pure.
 */
import { addIsoDays, IsoDate, weekStartOf } from "@/lib/domain/dates";

export interface Week {
  /** Monday. */
  start: string;
  /** Sunday. */
  end: string;
  /** Monday..Sunday. */
  days: string[];
  /** Any date in the previous and next weeks (their Mondays). */
  previous: string;
  next: string;
  /** Whether today falls in this week. */
  isCurrent: boolean;
  /** The `week` query parameter was given but is not a date; the current week is shown instead. */
  invalidRequest: boolean;
}

/** The week containing `requested` (any date of it, YYYY-MM-DD), or the current week. */
export function weekOf(requested: string | undefined, today: string): Week {
  const valid = requested !== undefined && IsoDate.safeParse(requested).success;
  const start = weekStartOf(valid ? requested : today);
  const days = Array.from({ length: 7 }, (_, i) => addIsoDays(start, i));
  const end = days[6] ?? start;
  return {
    start,
    end,
    days,
    previous: addIsoDays(start, -7),
    next: addIsoDays(start, 7),
    isCurrent: today >= start && today <= end,
    invalidRequest: requested !== undefined && requested !== "" && !valid,
  };
}
