import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration, sumAsShown } from "./durations";

describe("parseDuration", () => {
  it.each([
    ["1:30", 5_400],
    ["0:05", 300],
    ["1:30:15", 5_415],
    ["1.5", 5_400],
    ["1,25", 4_500],
    ["2", 7_200],
    ["90m", 5_400],
    ["1h 30m", 5_400],
    ["1h30m", 5_400],
    ["45 min", 2_700],
    ["2 hours", 7_200],
    ["1.5h", 5_400],
    ["30s", 30],
  ])("%j → %is", (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it.each(["", "abc", "1:75", "h", "1h foo", "-1", "1:3"])("refuses %j", (text) => expect(parseDuration(text)).toBeNull());
});

describe("formatDuration", () => {
  it.each([
    [5_400, "1:30"],
    [45, "0:01"],
    [0, "0:00"],
    [36_000, "10:00"],
  ])("%is → %s", (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe("sumAsShown", () => {
  it("adds the rows as formatDuration prints them, so the total printed is their sum", () => {
    expect(formatDuration(sumAsShown([89, 89]))).toBe("0:02");
    expect(formatDuration(89 + 89)).toBe("0:03");
    // A timer's odd seconds: 0:25 + 0:35 + 1:00 = 2:00 on the page, not 2:01.
    expect(sumAsShown([25 * 60 + 29, 35 * 60 + 29, 3600 + 29])).toBe(7200);
    expect(sumAsShown([])).toBe(0);
    expect(sumAsShown([30])).toBe(60);
  });
});
