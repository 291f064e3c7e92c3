import { describe, expect, it } from "vitest";
import { dateFieldError } from "./form-data";
import { readTimeEntryForm } from "./time-entry-form";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};
const entry = { date: "2026-11-23", startTime: "09:30", duration: "1:30", projectId: "p1" };

describe("a form's date field", () => {
  it.each([
    ["2026-11-23", null],
    ["2000-01-01", null],
    ["2099-12-31", null],
    ["0001-01-01", "must be a date from 2000-01-01 to 2099-12-31"],
    ["9999-12-31", "must be a date from 2000-01-01 to 2099-12-31"],
    ["2026-02-30", "enter a date such as 2026-11-23"],
    ["23/11/2026", "enter a date such as 2026-11-23"],
    ["", "enter a date such as 2026-11-23"],
  ])("reads %j as %s", (value, error) => {
    expect(dateFieldError(value)).toBe(error);
  });
});

describe("the time entry form", () => {
  it("reads the date and start time in the workspace's zone", () => {
    expect(readTimeEntryForm(form(entry), "Europe/London")).toMatchObject({ projectId: "p1", startedAt: new Date("2026-11-23T09:30:00Z"), durationSeconds: 5400 });
  });

  it("says a date outside the calendar is out of range, not badly written", () => {
    expect(() => readTimeEntryForm(form({ ...entry, date: "1999-12-31" }), "Europe/London")).toThrow(
      expect.objectContaining({ code: "invalid_input", message: "Date: must be a date from 2000-01-01 to 2099-12-31.", fieldErrors: { date: "must be a date from 2000-01-01 to 2099-12-31" } }),
    );
  });
});
