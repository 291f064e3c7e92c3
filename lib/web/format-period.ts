import { formatIsoDate } from "@/lib/domain/dates";

/** "1 – 15 Nov 2026", "28 Oct – 3 Nov 2026", "1 Nov 2025 – 23 Nov 2026". */
export function formatPeriod(start: string, end: string): string {
  const full = (iso: string) => formatIsoDate(iso, "d MMM yyyy");
  if (start === end) return full(end);
  if (start.slice(0, 4) !== end.slice(0, 4)) return `${full(start)} – ${full(end)}`;
  if (start.slice(0, 7) !== end.slice(0, 7)) return `${formatIsoDate(start, "d MMM")} – ${full(end)}`;
  return `${formatIsoDate(start, "d")} – ${full(end)}`;
}
