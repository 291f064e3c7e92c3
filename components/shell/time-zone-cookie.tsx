"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { canonicalTimeZone, TIME_ZONE_COOKIE } from "@/lib/web/format-time";

/**
 * Tells the server which time zone this browser is in (a `tz` cookie, a year long), so pages can
 * show moments in the viewer's zone. When it was missing or different and the page already shows
 * times in another zone, the page is fetched again in the right one. Renders nothing.
 */
export function TimeZoneCookie() {
  const router = useRouter();
  useEffect(() => {
    const zone = canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (!zone) return;
    const current = document.cookie.split("; ").find((c) => c.startsWith(`${TIME_ZONE_COOKIE}=`));
    if (current === `${TIME_ZONE_COOKIE}=${zone}`) return;
    // IANA names are plain cookie characters (letters, digits, _ + - /): no encoding needed.
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; path=/; max-age=31536000; samesite=lax`;
    if (document.querySelector(`time[data-time-zone]:not([data-time-zone="${CSS.escape(zone)}"])`)) router.refresh();
  }, [router]);
  return null;
}
