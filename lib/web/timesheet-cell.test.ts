import { describe, expect, it } from "vitest";
import { readTimesheetCell } from "./timesheet-cell";

describe("reading a timesheet cell", () => {
  it.each([
    ["1:30", 5_400],
    ["1.5", 5_400],
    ["1,5", 5_400],
    ["90m", 5_400],
    [" 2h ", 7_200],
  ])("reads %s as %i seconds", (typed, seconds) => {
    expect(readTimesheetCell(typed)).toBe(seconds);
  });

  it.each([
    ["empty text, pointing to the Time page to remove time", "", /delete its entry on the Time page/],
    ["text that is not a duration", "soon", /“soon” is not a duration: write it like 1:30, 1.5 or 90m/],
    ["minutes past 59", "1:75", /not a duration/],
    ["zero, pointing to the Time page to remove time", "0", /at least 0:01.*delete its entry on the Time page/],
  ])("refuses %s", (_, typed, message) => {
    expect(() => readTimesheetCell(typed)).toThrow(expect.objectContaining({ code: "invalid_input", message: expect.stringMatching(message), fieldErrors: { duration: expect.any(String) } }));
  });
});
