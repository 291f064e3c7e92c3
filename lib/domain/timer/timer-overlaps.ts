/**
 * Time a timer's run covers that the member already tracked. As with entries (see
 * find-overlapping-entries.ts) overlapping is allowed but never silent: a start, an edit of the
 * start, a stop and a switch all answer the entries they overlap.
 */
import type { DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { overlappingEntriesOf, type OverlappingEntry } from "@/lib/domain/time-entries/find-overlapping-entries";
import type { TimeEntryView } from "@/lib/domain/time-entries/time-entry-view";

/**
 * The actor's entries that a running timer's run so far, [startedAt, until), overlaps. A run of
 * no length yet counts its first second, so a start inside an entry is reported at once.
 */
export function runOverlaps(tx: DbTx, actor: Actor, startedAt: Date, until: Date): Promise<OverlappingEntry[]> {
  const end = new Date(Math.max(until.getTime(), startedAt.getTime() + 1000));
  return overlappingEntriesOf(tx, actor.workspaceId, actor.membershipId, startedAt, end);
}

/** The actor's other entries that the entry a timer became overlaps. */
export function entryOverlaps(tx: DbTx, actor: Actor, entry: TimeEntryView): Promise<OverlappingEntry[]> {
  const end = new Date(entry.startedAt.getTime() + entry.durationSeconds * 1000);
  return overlappingEntriesOf(tx, actor.workspaceId, actor.membershipId, entry.startedAt, end, entry.id);
}
