import { describe, expect, it } from "vitest";
import { clockTimeBefore, readStartTimerForm, readStopTimerForm } from "./timer-form";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

describe("the start form's 'Started at'", () => {
  const now = new Date("2026-11-02T10:30:00Z"); // 10:30 in London (GMT)

  it("reads a clock time earlier today in the workspace's zone", () => {
    expect(clockTimeBefore("09:15", "Europe/London", now).toISOString()).toBe("2026-11-02T09:15:00.000Z");
    // 05:30 in New York: 09:15 there has not come yet today, so it was yesterday's.
    expect(clockTimeBefore("09:15", "America/New_York", now).toISOString()).toBe("2026-11-01T14:15:00.000Z");
  });

  it("takes a time later than now as yesterday's (started before midnight)", () => {
    expect(clockTimeBefore("23:40", "Europe/London", now).toISOString()).toBe("2026-11-01T23:40:00.000Z");
  });

  it("starts now when left empty, and switches a running timer as Toggl does", () => {
    expect(readStartTimerForm(form({ projectId: "p1", description: " Docs " }), "Europe/London", now)).toMatchObject({ projectId: "p1", description: "Docs", startedAt: undefined, stopRunning: true });
  });

  it.each([
    [{ projectId: "" }, { projectId: "is required" }],
    [{ projectId: "p1", startTime: "25:00" }, { startTime: "enter a time such as 09:30" }],
  ])("refuses %j naming the field", (fields, fieldErrors) => {
    expect(() => readStartTimerForm(form(fields), "Europe/London", now)).toThrow(expect.objectContaining({ code: "invalid_input", fieldErrors }));
  });
});

describe("the stop form", () => {
  it("stops now the timer the page showed, or at a local date and time for a timer left running", () => {
    expect(readStopTimerForm(form({ timerId: "t1" }), "Europe/London")).toEqual({ timerId: "t1" });
    expect(readStopTimerForm(form({ timerId: "t1", stopDate: "2026-07-01", stopTime: "17:30" }), "Europe/London")).toEqual({
      timerId: "t1",
      stoppedAt: new Date("2026-07-01T16:30:00Z"), // BST
    });
  });

  it.each([
    [{ stopDate: "2026-07-01" }, { stopTime: "enter a time such as 17:30" }],
    [{ stopTime: "17:30" }, { stopDate: "enter a date such as 2026-11-23" }],
    [{ stopDate: "2026-02-30", stopTime: "17:30" }, { stopDate: "enter a date such as 2026-11-23" }],
    [{ stopDate: "9999-12-31", stopTime: "17:30" }, { stopDate: "must be a date from 2000-01-01 to 2099-12-31" }],
  ])("refuses half a stop time %j naming the field", (fields, fieldErrors) => {
    expect(() => readStopTimerForm(form(fields), "Europe/London")).toThrow(expect.objectContaining({ code: "invalid_input", fieldErrors }));
  });
});
