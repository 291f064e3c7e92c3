/**
 * Where the next entry of a day starts: where this member's latest entry that day ended, or
 * 09:00 on an empty day. Used by the Time page's add form, the timesheet's new cells and
 * REST/MCP creates that give a date but no start time.
 */
import { z } from "zod";
import { db, type DbTx } from "@/lib/db";
import { can, type Actor } from "@/lib/domain/actor";
import { IsoDate, localDateOf, localDateRange, localDateTime, localTimeOf } from "@/lib/domain/dates";
import { forbidden, parseInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";

/** Where an empty day starts (local time, HH:mm). */
export const DAY_START = "09:00";

export interface SuggestedStart {
  /** YYYY-MM-DD, in the workspace's time zone: the day asked for, or the next one when the day's last entry ran past midnight. */
  date: string;
  /** HH:mm in the workspace's time zone. */
  startTime: string;
  startedAt: Date;
}

/**
 * The rule itself, pure: the latest end among `entries` (the member's entries that start on
 * `date`), rounded up to the whole minute (an end at 10:25:30 suggests 10:26, not an overlap
 * of 30 s); `DAY_START` when there are none.
 */
export function nextStartAfter(date: string, entries: ReadonlyArray<{ startedAt: Date; durationSeconds: number }>, timeZone: string): SuggestedStart {
  if (entries.length === 0) return { date, startTime: DAY_START, startedAt: localDateTime(date, DAY_START, timeZone) };
  const lastEnd = Math.max(...entries.map((e) => e.startedAt.getTime() + e.durationSeconds * 1000));
  const startedAt = new Date(Math.ceil(lastEnd / 60_000) * 60_000);
  return { date: localDateOf(startedAt, timeZone), startTime: localTimeOf(startedAt, timeZone), startedAt };
}

export const SuggestNextStartInput = z.object({
  /** The day, YYYY-MM-DD in the workspace's time zone. */
  date: IsoDate,
  /** Whose day; defaults to the actor. Someone else's needs `time:read_all`. */
  membershipId: Id.optional(),
});
export type SuggestNextStartInput = z.input<typeof SuggestNextStartInput>;

/**
 * The suggested start of the next entry on `date` for a member (nextStartAfter over their
 * entries that start that day). `tx`: read inside the caller's transaction.
 * @throws forbidden when a member asks about someone else's day.
 */
export async function suggestNextStart(actor: Actor, input: SuggestNextStartInput, tx: DbTx = db): Promise<SuggestedStart> {
  const { date, membershipId = actor.membershipId } = parseInput(SuggestNextStartInput, input);
  if (membershipId !== actor.membershipId && !can(actor, "time:read_all")) throw forbidden(`A ${actor.role} can only track their own time.`);
  const { timeZone } = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { timeZone: true } });
  const day = localDateRange(date, date, timeZone);
  const entries = await tx.timeEntry.findMany({
    where: { workspaceId: actor.workspaceId, membershipId, startedAt: { gte: day.start, lt: day.end } },
    select: { startedAt: true, durationSeconds: true },
  });
  return nextStartAfter(date, entries, timeZone);
}
