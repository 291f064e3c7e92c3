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
});
