import "server-only";
import { cookies } from "next/headers";
import { pickTimeZone, TIME_ZONE_COOKIE } from "./format-time";

/**
 * The time zone to show moments in for this request: the browser's own (the `tz` cookie) when it
 * names a real zone, else `fallback` (a workspace's zone), else UTC. See lib/web/format-time.ts.
 */
export async function viewerTimeZone(fallback?: string): Promise<string> {
  return pickTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value, fallback);
}
