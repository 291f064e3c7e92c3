/**
 * One rule for showing a moment (a connection approved, an audit event, a message sent): in the
 * viewer's time zone, and named — "1 Dec 2026, 14:05 CET". The zone comes from the browser (the
 * `tz` cookie set by components/shell/time-zone-cookie.tsx), checked here, never trusted as is;
 * without a usable one, the workspace's zone or UTC, still named, so a time is never ambiguous.
 *
 * Calendar dates the business keeps (an entry's day, an invoice's issue and due date) are not
 * moments and keep the workspace's zone.
 */

/** The cookie the browser reports its IANA time zone in. */
export const TIME_ZONE_COOKIE = "tz";

/** Longest IANA name today is 32 characters (America/Argentina/ComodRivadavia); leave room. */
const MAX_ZONE_LENGTH = 64;
const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

/**
 * `value` as a canonical IANA time zone name ("europe/berlin" → "Europe/Berlin"), or null when it
 * is not one this runtime knows: not a string, too long, odd characters, or refused by Intl.
 */
export function canonicalTimeZone(value: unknown): string | null {
  if (typeof value !== "string" || value.length > MAX_ZONE_LENGTH || !ZONE_SHAPE.test(value)) return null;
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null; // RangeError: not a time zone
  }
}

/** The first of `candidates` that is a valid time zone (canonical), else "UTC". */
export function pickTimeZone(...candidates: unknown[]): string {
  for (const candidate of candidates) {
    const zone = canonicalTimeZone(candidate);
    if (zone) return zone;
  }
  return "UTC";
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      day: "numeric",
      month: "short",
      year: "numeric",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" } : {}),
    } as const);
    formatters.set(key, f);
  }
  return f;
}

/**
 * `at` as the viewer reads it in `timeZone` (an IANA name; an invalid one falls back to UTC, named
 * so): "1 Dec 2026, 14:05 CET" — the zone's short name, or its offset ("GMT-5") where English has
 * no abbreviation. `{ date: true }` gives the day alone ("1 Dec 2026"), for lists where the hour
 * is noise.
 */
export function formatInstant(at: Date, timeZone: string, options: { date?: boolean } = {}): string {
  const zone = pickTimeZone(timeZone);
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter(zone, !options.date).formatToParts(at)) parts[part.type] = part.value;
  const day = `${parts.day} ${parts.month} ${parts.year}`;
  return options.date ? day : `${day}, ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}
