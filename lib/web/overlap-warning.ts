/**
 * The web form's words for overlapping time: nothing is saved until the person confirms
 * ("Save anyway"), and the warning names each entry the new one would overlap.
 */
import { describeOverlap } from "@/lib/domain/time-entries/describe-overlap";
import type { OverlappingEntry } from "@/lib/domain/time-entries/find-overlapping-entries";
import type { ActionState } from "./action-state";

/** Lives in the domain, which words the timesheet's overlap refusal with it too. */
export { describeOverlap };

/** The form field "Save anyway" submits; its presence means the person confirmed the overlap. */
export const CONFIRM_OVERLAP = "confirmOverlap";

/** The state that asks to confirm saving over `overlaps` (at least one). */
export function overlapConfirmation(overlaps: OverlappingEntry[], timeZone: string, whose: "you" | "they" = "you"): ActionState {
  const count = overlaps.length === 1 ? "an entry" : `${overlaps.length} entries`;
  return {
    status: "confirm",
    message: `This overlaps ${count} ${whose === "you" ? "you" : "this member"} already tracked. Nothing is saved yet: change the time, or choose Save anyway to keep both.`,
    details: overlaps.map((entry) => describeOverlap(entry, timeZone)),
  };
}
