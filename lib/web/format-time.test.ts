import { describe, expect, it } from "vitest";
import { canonicalTimeZone, formatInstant, pickTimeZone } from "./format-time";

const WINTER = new Date("2026-12-01T13:05:00Z");
const SUMMER = new Date("2026-07-01T13:05:00Z");

describe("formatInstant", () => {
  it.each([
    ["Europe/Berlin", WINTER, "1 Dec 2026, 14:05 CET"],
    ["Europe/Berlin", SUMMER, "1 Jul 2026, 15:05 CEST"],
    ["Europe/London", WINTER, "1 Dec 2026, 13:05 GMT"],
    ["Europe/London", SUMMER, "1 Jul 2026, 14:05 BST"],
    ["UTC", WINTER, "1 Dec 2026, 13:05 UTC"],
    ["America/New_York", WINTER, "1 Dec 2026, 08:05 GMT-5"],
    ["America/New_York", SUMMER, "1 Jul 2026, 09:05 GMT-4"],
    ["Asia/Kolkata", WINTER, "1 Dec 2026, 18:35 GMT+5:30"],
  ])("shows the moment in %s with the zone named (%s)", (zone, at, expected) => {
    expect(formatInstant(at, zone)).toBe(expected);
  });

  it("crosses midnight into the viewer's next day", () => {
    expect(formatInstant(new Date("2026-12-01T23:30:00Z"), "Australia/Sydney")).toBe("2 Dec 2026, 10:30 GMT+11");
    expect(formatInstant(new Date("2026-12-01T23:30:00Z"), "Australia/Sydney", { date: true })).toBe("2 Dec 2026");
  });

  it("follows a daylight-saving change within the same day (Berlin, 29 March 2026)", () => {
    // 01:00 UTC is 02:00 CET just before the change would make it 03:00 CEST.
    expect(formatInstant(new Date("2026-03-29T00:59:00Z"), "Europe/Berlin")).toBe("29 Mar 2026, 01:59 CET");
    expect(formatInstant(new Date("2026-03-29T01:00:00Z"), "Europe/Berlin")).toBe("29 Mar 2026, 03:00 CEST");
  });

  it("tells the two 01:30s of New York's autumn change apart by their names", () => {
    expect(formatInstant(new Date("2026-11-01T05:30:00Z"), "America/New_York")).toBe("1 Nov 2026, 01:30 GMT-4");
    expect(formatInstant(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe("1 Nov 2026, 01:30 GMT-5");
  });

  it("falls back to UTC, named, for a zone that is not one", () => {
    expect(formatInstant(WINTER, "Mars/Olympus_Mons")).toBe("1 Dec 2026, 13:05 UTC");
  });
});

describe("canonicalTimeZone", () => {
  it.each([
    ["Europe/Berlin", "Europe/Berlin"],
    ["europe/berlin", "Europe/Berlin"],
    ["UTC", "UTC"],
    ["Asia/Tokyo", "Asia/Tokyo"],
    ["Etc/GMT+5", "Etc/GMT+5"],
  ])("accepts %s as %s", (value, expected) => {
    expect(canonicalTimeZone(value)).toBe(expected);
  });

  it.each([
    ["an unknown zone", "Mars/Olympus_Mons"],
    ["an empty value", ""],
    ["markup", "<script>alert(1)</script>"],
    ["a path trick", "../../etc/passwd"],
    ["a header break", "UTC\r\nSet-Cookie: x=1"],
    ["an encoded slash", "Europe%2FBerlin"],
    ["a very long value", `Europe/${"A".repeat(100)}`],
    ["a number", 3600],
    ["nothing", undefined],
  ])("refuses %s", (_, value) => {
    expect(canonicalTimeZone(value)).toBeNull();
  });
});

describe("pickTimeZone", () => {
  it("takes the viewer's zone when it is valid", () => {
    expect(pickTimeZone("America/New_York", "Europe/London")).toBe("America/New_York");
  });
  it("ignores a bad cookie and takes the workspace's zone", () => {
    expect(pickTimeZone("Not/AZone", "Europe/London")).toBe("Europe/London");
    expect(pickTimeZone(undefined, "Europe/London")).toBe("Europe/London");
  });
  it("ends at UTC when nothing is usable", () => {
    expect(pickTimeZone("nope", undefined)).toBe("UTC");
    expect(pickTimeZone()).toBe("UTC");
  });
});
