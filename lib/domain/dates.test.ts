import { describe, expect, it } from "vitest";
import { clampToCalendar, DateRange, EARLIEST_DATE, formatLocalMoment, IsoDate, LATEST_DATE, localDateRange } from "./dates";

const messages = (value: unknown) => IsoDate.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe("IsoDate: the supported calendar", () => {
  it("spans 2000-01-01 to 2099-12-31, both included", () => {
    expect([EARLIEST_DATE, LATEST_DATE]).toEqual(["2000-01-01", "2099-12-31"]);
    for (const date of ["2000-01-01", "2026-11-23", "2028-02-29", "2099-12-30", "2099-12-31"]) expect(messages(date), date).toEqual([]);
  });

  it.each([
    ["a date before the calendar", "0001-01-01", "must be a date from 2000-01-01 to 2099-12-31"],
    ["the day before it", "1999-12-31", "must be a date from 2000-01-01 to 2099-12-31"],
    ["the day after it", "2100-01-01", "must be a date from 2000-01-01 to 2099-12-31"],
    ["the last date the format can write", "9999-12-31", "must be a date from 2000-01-01 to 2099-12-31"],
    ["a day that does not exist", "2026-02-30", "must be a date written YYYY-MM-DD"],
    ["a month 13", "2026-13-01", "must be a date written YYYY-MM-DD"],
    ["another format", "23/11/2026", "must be a date written YYYY-MM-DD"],
    ["a word", "today", "must be a date written YYYY-MM-DD"],
    ["nothing", "", "must be a date written YYYY-MM-DD"],
  ])("refuses %s (%s) with one message that names the problem", (_, value, message) => {
    expect(messages(value)).toEqual([message]);
  });

  it("ends the calendar's last day at a real instant, in every zone", () => {
    // The day after 9999-12-31 was year 10000, which matched nothing; the calendar's ends stay in four-digit years.
    expect(localDateRange(LATEST_DATE, LATEST_DATE, "Europe/London").end.toISOString()).toBe("2100-01-01T00:00:00.000Z");
    expect(localDateRange(EARLIEST_DATE, EARLIEST_DATE, "Pacific/Kiritimati").start.toISOString()).toBe("1999-12-31T10:00:00.000Z");
  });

  it("moves a date into the calendar", () => {
    expect([clampToCalendar("1999-12-27"), clampToCalendar("2026-11-23"), clampToCalendar("2100-01-03")]).toEqual(["2000-01-01", "2026-11-23", "2099-12-31"]);
  });
});

describe("DateRange: one wording for a range given backwards", () => {
  it.each([
    [{ from: "2026-02-02", to: "2026-02-01" }, { from: "must be on or before to" }],
    [{ from: "0001-01-01", to: "2026-02-01" }, { from: "must be a date from 2000-01-01 to 2099-12-31" }],
    [{ from: "2026-02-01", to: "9999-12-31" }, { to: "must be a date from 2000-01-01 to 2099-12-31" }],
    [{ from: "2026-02-31", to: "2026-02-01" }, { from: "must be a date written YYYY-MM-DD" }],
  ])("refuses %j at the field", (range, fieldErrors) => {
    const issues = DateRange.safeParse(range).error?.issues ?? [];
    expect(Object.fromEntries(issues.map((i) => [i.path.join("."), i.message]))).toEqual(fieldErrors);
  });

  it("takes one day, an open end on either side, or the whole calendar", () => {
    for (const range of [{ from: "2026-02-01", to: "2026-02-01" }, { from: "2026-02-01" }, { to: "2026-02-01" }, {}, { from: EARLIEST_DATE, to: LATEST_DATE }]) {
      expect(DateRange.safeParse(range).success, JSON.stringify(range)).toBe(true);
    }
  });
});

describe("formatLocalMoment", () => {
  it.each([
    ["2026-11-02T09:12:00Z", "Europe/London", "2026-11-02 09:12 (Europe/London)"],
    ["2026-07-01T23:30:00Z", "Europe/Berlin", "2026-07-02 01:30 (Europe/Berlin)"],
    ["2026-03-08T10:05:00Z", "America/New_York", "2026-03-08 06:05 (America/New_York)"],
    ["2026-01-01T00:00:59Z", "UTC", "2026-01-01 00:00 (UTC)"],
  ])("words %s in %s as %s: the local date and time, the zone named", (instant, zone, words) => {
    expect(formatLocalMoment(new Date(instant), zone)).toBe(words);
  });
});
