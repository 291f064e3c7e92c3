/**
 * Calendar dates ("2026-11-23") are read in the workspace's time zone: a day, a week or
 * a report range covers local midnight to local midnight there, whatever the server's zone.
 */
import { TZDate } from "@date-fns/tz";
import { addDays, differenceInCalendarDays, format, startOfWeek } from "date-fns";
import { z } from "zod";

/**
 * The supported calendar, inclusive: every date a person, a form, a link or an API client may
 * give is in it. Time cannot start before it (started-at.ts), and a report over all of it
 * charts a hundred yearly bars at most (report-charts.ts). Written YYYY-MM-DD, so dates compare
 * as strings.
 */
export const EARLIEST_DATE = "2000-01-01";
export const LATEST_DATE = "2099-12-31";

/** What a date outside the calendar is told: "must be a date from 2000-01-01 to 2099-12-31". */
export const OUTSIDE_CALENDAR = `must be a date from ${EARLIEST_DATE} to ${LATEST_DATE}`;

/** A well-formed date (YYYY-MM-DD) within EARLIEST_DATE..LATEST_DATE. */
export function inCalendar(isoDate: string): boolean {
  return isoDate >= EARLIEST_DATE && isoDate <= LATEST_DATE;
}

/** `isoDate` moved into the calendar: EARLIEST_DATE or LATEST_DATE when it falls outside. */
export function clampToCalendar(isoDate: string): string {
  return isoDate < EARLIEST_DATE ? EARLIEST_DATE : isoDate > LATEST_DATE ? LATEST_DATE : isoDate;
}

/**
 * A calendar date written YYYY-MM-DD (a real day: no 2026-02-30) within the supported calendar.
 * Two messages, so the wrong thing is named: "must be a date written YYYY-MM-DD" for anything
 * else, OUTSIDE_CALENDAR for a real date out of range (0001-01-01, 9999-12-31). JSON Schema
 * shows it as a string of format date.
 */
export const IsoDate = z.iso.date({ error: "must be a date written YYYY-MM-DD", abort: true }).refine(inCalendar, OUTSIDE_CALENDAR);

/**
 * The one wording for a range given backwards (`from` after `to`), said at `from`, wherever a
 * from/to pair is read: `.refine(datesInOrder, DATES_OUT_OF_ORDER)`.
 */
export const DATES_OUT_OF_ORDER = { message: "must be on or before to", path: ["from"] };

/** Whether `from` is on or before `to`; true when either is missing. */
export function datesInOrder(range: { from?: string | undefined; to?: string | undefined }): boolean {
  return !range.from || !range.to || range.from <= range.to;
}

/** An optional from/to pair of calendar dates, inclusive, in order. */
export const DateRange = z.object({ from: IsoDate.optional(), to: IsoDate.optional() }).refine(datesInOrder, DATES_OUT_OF_ORDER);

/** The instant local midnight starts `isoDate` in `timeZone`. */
export function startOfLocalDay(isoDate: string, timeZone: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime());
}

/** [start, end) instants covering the calendar dates `from`..`to` inclusive. */
export function localDateRange(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDay(from, timeZone), end: startOfLocalDay(addIsoDays(to, 1), timeZone) };
}

/** The calendar date an instant falls on in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd");
}

/** "HH:mm" of an instant in `timeZone`. */
export function localTimeOf(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "HH:mm");
}

/**
 * A moment as refusals and summaries name it: "2026-11-02 09:12 (Europe/London)", the local
 * date and time in `timeZone` with the zone named (never a raw UTC timestamp).
 */
export function formatLocalMoment(instant: Date, timeZone: string): string {
  return `${format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd HH:mm")} (${timeZone})`;
}

/** The instant of a local date and "HH:mm" time in `timeZone`. */
export function localDateTime(isoDate: string, time: string, timeZone: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime());
}

export function addIsoDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return format(addDays(new Date(y, m - 1, d), days), "yyyy-MM-dd");
}

/** Whole calendar days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function isoDaysBetween(from: string, to: string): number {
  const local = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    return new Date(y, m - 1, d);
  };
  return differenceInCalendarDays(local(to), local(from));
}

/** The Monday on or before `isoDate`. */
export function weekStartOf(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return format(startOfWeek(new Date(y, m - 1, d), { weekStartsOn: 1 }), "yyyy-MM-dd");
}

export function firstOfMonth(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

/** "Mon 23 Nov" style label for a calendar date. */
export function formatIsoDate(isoDate: string, pattern = "EEE d MMM"): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return format(new Date(y, m - 1, d), pattern);
}

/** A span of calendar dates, years and months said once: "1 – 15 Nov 2026", "28 Oct – 3 Nov 2026", "1 Nov 2025 – 23 Nov 2026". */
export function formatPeriod(start: string, end: string): string {
  const full = (iso: string) => formatIsoDate(iso, "d MMM yyyy");
  if (start === end) return full(end);
  if (start.slice(0, 4) !== end.slice(0, 4)) return `${full(start)} – ${full(end)}`;
  if (start.slice(0, 7) !== end.slice(0, 7)) return `${formatIsoDate(start, "d MMM")} – ${full(end)}`;
  return `${formatIsoDate(start, "d")} – ${full(end)}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}
