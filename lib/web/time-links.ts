/** Links to the Time page's week view and the week's timesheet, keeping only well-formed parameters. */
import { IsoDate } from "@/lib/domain/dates";

export const TIME_NOTICES = { updated: "Time entry updated.", deleted: "Time entry deleted." } as const;
export type TimeNotice = keyof typeof TIME_NOTICES;

export function timePageHref(slug: string, params: { week?: string; member?: string; notice?: TimeNotice } = {}): string {
  const search = new URLSearchParams();
  if (params.week && IsoDate.safeParse(params.week).success) search.set("week", params.week);
  if (params.member && /^[\w-]{1,64}$/.test(params.member)) search.set("member", params.member);
  if (params.notice) search.set("notice", params.notice);
  const query = search.toString();
  return `/w/${encodeURIComponent(slug)}/time${query ? `?${query}` : ""}`;
}

/** The week's timesheet (project/task × day), for one member. */
export function timesheetHref(slug: string, params: { week?: string; member?: string } = {}): string {
  const search = new URLSearchParams();
  if (params.week && IsoDate.safeParse(params.week).success) search.set("week", params.week);
  if (params.member && /^[\w-]{1,64}$/.test(params.member)) search.set("member", params.member);
  const query = search.toString();
  return `/w/${encodeURIComponent(slug)}/timesheet${query ? `?${query}` : ""}`;
}

export function timeNotice(value: string | undefined): string | null {
  return value && value in TIME_NOTICES ? TIME_NOTICES[value as TimeNotice] : null;
}
