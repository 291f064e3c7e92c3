/**
 * Time a member already tracked that a new or moved entry would overlap. Overlaps are allowed
 * (as in Toggl and Harvest: two clients in one meeting happen) but never silent: the web form
 * asks before saving one, REST and MCP answer the overlapped entries beside the saved one.
 */
import { z } from "zod";
import { db, type DbTx } from "@/lib/db";
import { can, type Actor } from "@/lib/domain/actor";
import { forbidden, parseInput } from "@/lib/domain/errors";
import { DurationSeconds, Id, Instant, MAX_ENTRY_SECONDS } from "@/lib/domain/schemas";

export const FindOverlappingEntriesInput = z.object({
  /** Whose time; defaults to the actor. Someone else's needs `time:read_all`. */
  membershipId: Id.optional(),
  startedAt: Instant,
  durationSeconds: DurationSeconds,
  /** The entry being edited, which never overlaps itself. */
  excludeEntryId: Id.optional(),
});
export type FindOverlappingEntriesInput = z.input<typeof FindOverlappingEntriesInput>;

export interface OverlappingEntry {
  id: string;
  startedAt: Date;
  /** startedAt + durationSeconds. */
  endedAt: Date;
  durationSeconds: number;
  description: string;
  project: { id: string; name: string };
  task: { id: string; name: string } | null;
}

/**
 * The member's entries that share at least a second with [startedAt, startedAt + durationSeconds),
 * earliest first. Touching is not overlapping: an entry ending at 10:00 and one starting at 10:00
 * do not overlap. `tx`: read inside the caller's transaction.
 * @throws invalid_input for a bad instant or duration; forbidden when a member asks about someone else's time.
 */
export async function findOverlappingEntries(actor: Actor, input: FindOverlappingEntriesInput, tx: DbTx = db): Promise<OverlappingEntry[]> {
  const data = parseInput(FindOverlappingEntriesInput, input);
  const membershipId = data.membershipId ?? actor.membershipId;
  if (membershipId !== actor.membershipId && !can(actor, "time:read_all")) throw forbidden(`A ${actor.role} can only see their own time entries.`);
  return overlappingEntriesOf(tx, actor.workspaceId, membershipId, data.startedAt, new Date(data.startedAt.getTime() + data.durationSeconds * 1000), data.excludeEntryId);
}

/**
 * The query behind findOverlappingEntries, for spans that are not an entry's (a running timer's
 * run so far, which may be under a minute): the member's entries sharing at least a second with
 * [start, end), earliest first. No permission check: callers pass the actor's own membership.
 */
export async function overlappingEntriesOf(tx: DbTx, workspaceId: string, membershipId: string, startedAt: Date, endedAt: Date, excludeEntryId?: string): Promise<OverlappingEntry[]> {
  const start = startedAt.getTime();
  const end = endedAt.getTime();
  // No entry is longer than a day, so nothing that starts a day or more before can reach `start`.
  const rows = await tx.timeEntry.findMany({
    where: {
      workspaceId,
      membershipId,
      startedAt: { gt: new Date(start - MAX_ENTRY_SECONDS * 1000), lt: new Date(end) },
      ...(excludeEntryId ? { id: { not: excludeEntryId } } : {}),
    },
    select: { id: true, startedAt: true, durationSeconds: true, description: true, project: { select: { id: true, name: true } }, task: { select: { id: true, name: true } } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
  });
  return rows
    .map((row) => ({ ...row, endedAt: new Date(row.startedAt.getTime() + row.durationSeconds * 1000) }))
    .filter((row) => row.endedAt.getTime() > start)
    .map(({ id, startedAt, endedAt, durationSeconds, description, project, task }) => ({ id, startedAt, endedAt, durationSeconds, description, project, task }));
}
