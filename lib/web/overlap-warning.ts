/**
 * The web form's words for overlapping time: nothing is saved until the person confirms
 * ("Save anyway"), and the warning names each entry the new one would overlap.
 */
import { formatIsoDate, localDateOf, localTimeOf } from "@/lib/domain/dates";
import type { OverlappingEntry } from "@/lib/domain/time-entries/find-overlapping-entries";
import type { ActionState } from "./action-state";

/** The form field "Save anyway" submits; its presence means the person confirmed the overlap. */
export const CONFIRM_OVERLAP = "confirmOverlap";

/** One line per overlapped entry: "Website redesign · Design, Mon 2 Mar 09:00–10:25 “Hero image”". */
export function describeOverlap(entry: OverlappingEntry, timeZone: string): string {
  const what = entry.task ? `${entry.project.name} · ${entry.task.name}` : entry.project.name;
  const day = formatIsoDate(localDateOf(entry.startedAt, timeZone));
  const note = entry.description ? ` “${entry.description}”` : "";
  return `${what}, ${day} ${localTimeOf(entry.startedAt, timeZone)}–${localTimeOf(entry.endedAt, timeZone)}${note}`;
}

/** The state that asks to confirm saving over `overlaps` (at least one). */
export function overlapConfirmation(overlaps: OverlappingEntry[], timeZone: string, whose: "you" | "they" = "you"): ActionState {
  const count = overlaps.length === 1 ? "an entry" : `${overlaps.length} entries`;
  return {
    status: "confirm",
    message: `This overlaps ${count} ${whose === "you" ? "you" : "this member"} already tracked. Nothing is saved yet: change the time, or choose Save anyway to keep both.`,
    details: overlaps.map((entry) => describeOverlap(entry, timeZone)),
  };
}
