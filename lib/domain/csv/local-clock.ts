/**
 * Calendar date and clock time of many instants in one time zone, fast: what localDateOf and
 * localTimeOf (lib/domain/dates.ts) answer, without building a TZDate and formatting it for
 * each one, which was most of a 100,000-entry export's time. The zone's UTC offset is looked
 * up once per UTC day (twice, at its ends); on a day the offset changes (a DST switch) it is
 * looked up for each instant.
 *
 * No Date is made per instant: one scratch Date is set and read. Next's server replaces the
 * global Date with a wrapper (node-environment-extensions/date.js) whose `new Date(…)` is
 * several times slower and, in a 100,000-row export, put ~3 MB of objects straight into the
 * old generation for every 16 MB the export allocated.
 */
import { tzOffset } from "@date-fns/tz";

const DAY_MS = 86_400_000;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `instant`: a Date or epoch milliseconds. */
export function localClock(timeZone: string): (instant: Date | number) => { date: string; time: string } {
  const dayOffsets = new Map<number, number | null>();
  const offsetOf = (ms: number): number => {
    const day = Math.floor(ms / DAY_MS);
    let offset = dayOffsets.get(day);
    if (offset === undefined) {
      const start = tzOffset(timeZone, new Date(day * DAY_MS));
      const end = tzOffset(timeZone, new Date((day + 1) * DAY_MS - 1));
      offset = start === end ? start : null;
      if (dayOffsets.size > 4096) dayOffsets.clear();
      dayOffsets.set(day, offset);
    }
    return offset ?? tzOffset(timeZone, new Date(ms));
  };
  const local = new Date(0);
  return (instant) => {
    const ms = typeof instant === "number" ? instant : instant.getTime();
    local.setTime(ms + offsetOf(ms) * 60_000);
    return {
      date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
      time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
    };
  };
}
