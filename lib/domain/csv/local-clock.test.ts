import { describe, expect, it } from "vitest";
import { localDateOf, localTimeOf } from "@/lib/domain/dates";
import { localClock } from "./local-clock";

describe("localClock", () => {
  it.each(["Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"])("agrees with localDateOf and localTimeOf in %s, across DST switches", (zone) => {
    const clock = localClock(zone);
    // Every hour and 13 seconds through a year: both DST switches, midnights, odd offsets.
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_613_000) {
      const instant = new Date(ms);
      const { date, time } = clock(instant);
      if (date !== localDateOf(instant, zone) || time !== localTimeOf(instant, zone)) {
        expect({ at: instant.toISOString(), date, time }).toEqual({ at: instant.toISOString(), date: localDateOf(instant, zone), time: localTimeOf(instant, zone) });
      }
    }
  });

  it("takes epoch milliseconds as it takes a Date, and answers each instant on its own (one scratch Date)", () => {
    const clock = localClock("Europe/London");
    const summer = Date.UTC(2026, 6, 1, 23, 30);
    const winter = Date.UTC(2026, 0, 1, 23, 30);
    expect(clock(summer)).toEqual(clock(new Date(summer)));
    const first = clock(summer);
    clock(winter);
    expect(first).toEqual({ date: "2026-07-02", time: "00:30" });
    expect(clock(winter)).toEqual({ date: "2026-01-01", time: "23:30" });
  });
});
