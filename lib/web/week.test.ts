import { describe, expect, it } from "vitest";
import { INVALID_WEEK_NOTICE, weekOf } from "./week";

const TODAY = "2026-11-25";

describe("weekOf", () => {
  it("gives the week of a date, with the weeks either side", () => {
    expect(weekOf("2026-11-23", TODAY)).toMatchObject({
      start: "2026-11-23",
      end: "2026-11-29",
      from: "2026-11-23",
      to: "2026-11-29",
      previous: "2026-11-16",
      next: "2026-11-30",
      isCurrent: true,
      invalidRequest: false,
    });
  });

  it.each([
    ["not a date", "soon"],
    ["a day that does not exist", "2026-02-30"],
    // Its week ran into year 10000: the page answered 500 and the timesheet said "2 January 10000".
    ["the last date the format can write", "9999-12-27"],
    ["a date after the calendar", "2100-01-04"],
    ["a date before the calendar", "1999-12-26"],
  ])("shows the current week for a week that is %s (%s), and says so", (_, requested) => {
    expect(weekOf(requested, TODAY)).toMatchObject({ start: "2026-11-23", isCurrent: true, invalidRequest: true });
  });

  it("names the calendar when it refuses a week", () => {
    expect(INVALID_WEEK_NOTICE).toBe("That week is not a date written YYYY-MM-DD from 2000-01-01 to 2099-12-31, so this week is shown instead.");
  });

  it("has no week after the calendar's last, and lists only the calendar's dates of it", () => {
    const last = weekOf("2099-12-31", TODAY);
    expect(last).toMatchObject({ start: "2099-12-28", end: "2100-01-03", from: "2099-12-28", to: "2099-12-31", next: null, previous: "2099-12-21", invalidRequest: false });
    // The week before links to it, with a date of the calendar.
    expect(weekOf("2099-12-21", TODAY).next).toBe("2099-12-28");
  });

  it("has no week before the calendar's first, and links to it with a date of the calendar", () => {
    const first = weekOf("2000-01-01", TODAY);
    expect(first).toMatchObject({ start: "1999-12-27", end: "2000-01-02", from: "2000-01-01", to: "2000-01-02", previous: null, next: "2000-01-03", invalidRequest: false });
    expect(weekOf("2000-01-03", TODAY).previous).toBe("2000-01-01");
  });

  it("walks from the last week back to the first, every link a date the page takes", () => {
    let week = weekOf("2099-12-31", TODAY);
    let steps = 0;
    while (week.previous !== null) {
      const before = weekOf(week.previous, TODAY);
      expect(before.invalidRequest, week.previous).toBe(false);
      expect(before.next, week.previous).toBe(week.start);
      week = before;
      steps++;
    }
    expect(week.start).toBe("1999-12-27");
    expect(steps).toBe(5218); // (2099-12-28 − 1999-12-27) / 7 days
  });
});
