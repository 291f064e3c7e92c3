import { now } from "@/lib/domain/clock";
import { invalidInput } from "@/lib/domain/errors";

const EARLIEST = Date.UTC(2000, 0, 1);
const MAX_AHEAD_MS = 366 * 24 * 3600 * 1000;

/** Catches typos like year 0202 or 2206 before they land in reports. */
export function assertSensibleStart(startedAt: Date): void {
  const t = startedAt.getTime();
  if (t < EARLIEST || t > now().getTime() + MAX_AHEAD_MS) {
    throw invalidInput("The start time must be between the year 2000 and one year from now.", {
      startedAt: "must be between the year 2000 and one year from now",
    });
  }
}
