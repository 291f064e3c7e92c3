import { formatInstant } from "@/lib/web/format-time";

/**
 * A moment as a machine-readable <time>, shown in `timeZone` (the viewer's: see
 * lib/web/viewer-time-zone.ts) with the zone named — "1 Dec 2026, 14:05 CET"; hovering shows the
 * zone's IANA name. `date` shows the day alone. `data-time-zone` lets the browser notice a page
 * written in a zone other than its own (components/shell/time-zone-cookie.tsx).
 */
export function When({ at, timeZone, date = false }: { at: Date; timeZone: string; date?: boolean }) {
  return (
    <time dateTime={at.toISOString()} title={timeZone} data-time-zone={timeZone}>
      {formatInstant(at, timeZone, { date })}
    </time>
  );
}
