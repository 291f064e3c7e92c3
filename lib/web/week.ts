/**
 * The Monday–Sunday week shown on the Time page and the Timesheet. Dates are calendar dates in
 * the workspace's time zone; `today` is passed in so this stays pure. Weeks run within the
 * supported calendar (EARLIEST_DATE..LATEST_DATE): its first and last weeks straddle its ends,
 * so a page lists and links with `from`..`to`, and there is no week before the first or after
 * the last to go to.
 */
import { addIsoDays, clampToCalendar, EARLIEST_DATE, IsoDate, LATEST_DATE, weekStartOf } from "@/lib/domain/dates";

export interface Week {
  /** Monday. */
  start: string;
  /** Sunday. */
  end: string;
  /** Monday..Sunday. */
  days: string[];
  /** The week's dates within the supported calendar: start..end except in its first and last weeks. */
  from: string;
  to: string;
  /** A date in the previous and in the next week, or null past the calendar's first or last week. */
  previous: string | null;
  next: string | null;
  /** Whether today falls in this week. */
  isCurrent: boolean;
  /** The `week` query parameter was given but is not a date of the calendar; the current week is shown instead. */
  invalidRequest: boolean;
}

/** What a page says when `week=` is refused (Week.invalidRequest). */
export const INVALID_WEEK_NOTICE = `That week is not a date written YYYY-MM-DD from ${EARLIEST_DATE} to ${LATEST_DATE}, so this week is shown instead.`;

/** The week containing `requested` (any date of it, YYYY-MM-DD), or the current week. */
export function weekOf(requested: string | undefined, today: string): Week {
  const valid = requested !== undefined && IsoDate.safeParse(requested).success;
  const start = weekStartOf(valid ? requested : clampToCalendar(today));
  const days = Array.from({ length: 7 }, (_, i) => addIsoDays(start, i));
  const end = days[6] ?? start;
  return {
    start,
    end,
    days,
    from: clampToCalendar(start),
    to: clampToCalendar(end),
    previous: start > EARLIEST_DATE ? clampToCalendar(addIsoDays(start, -7)) : null,
    next: end < LATEST_DATE ? addIsoDays(start, 7) : null,
    isCurrent: today >= start && today <= end,
    invalidRequest: requested !== undefined && requested !== "" && !valid,
  };
}
