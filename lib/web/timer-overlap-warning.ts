/**
 * The timer's words for overlapping time. Unlike the entry form, which asks before saving, the
 * timer has already saved (a stop made the entry; a start or edit runs): so the warning says it
 * is saved, names each overlapped entry and links to where it can be changed.
 */
import type { OverlappingEntry } from "@/lib/domain/time-entries/find-overlapping-entries";
import type { ActionWarning } from "./action-state";
import { describeOverlap } from "./overlap-warning";

/** What Start and Continue say when the timer they switched from ran under a minute. */
export const PREVIOUS_DISCARDED = "The previous timer ran under a minute and was discarded.";

const count = (overlaps: OverlappingEntry[]) => (overlaps.length === 1 ? "an entry" : `${overlaps.length} entries`);

/** The entry a stop (or a switch) made overlaps others: it is saved; edit it from the link. */
export function stoppedEntryOverlapWarning(entryId: string, overlaps: OverlappingEntry[], timeZone: string, slug: string): ActionWarning | undefined {
  if (!overlaps.length) return undefined;
  return {
    message: `The entry this timer became overlaps ${count(overlaps)} you already tracked. It is saved; edit it if that time is counted twice.`,
    details: overlaps.map((entry) => describeOverlap(entry, timeZone)),
    link: { href: `/w/${slug}/time/${entryId}/edit`, label: "Edit the new entry" },
  };
}

/** The running timer's time so far overlaps entries (it was started or moved into tracked time). */
export function runOverlapWarning(overlaps: OverlappingEntry[], timeZone: string, slug: string): ActionWarning | undefined {
  if (!overlaps.length) return undefined;
  return {
    message: `The running timer overlaps ${count(overlaps)} you already tracked. It keeps running; change its start, or the entry, if that time would be counted twice.`,
    details: overlaps.map((entry) => describeOverlap(entry, timeZone)),
    link: { href: `/w/${slug}/time`, label: "See your time" },
  };
}
