/**
 * Typing a duration into a timesheet cell: that day's total for that project (and task) becomes
 * the typed duration. An empty cell gets a new entry, starting where the member's day left off
 * (suggest-next-start.ts); a cell of exactly one entry changes that entry's duration; a cell of
 * several entries is refused (which one would change?), as is an invoiced entry.
 *
 * A cell's time stays within its day: a cell never makes an entry run past the day's local
 * midnight (that time would count in this day's column only). And a cell never saves overlapping
 * time silently: a change that would newly overlap the member's other entries is refused, naming
 * them; the Time page saves an overlap after "Save anyway".
 */
import { z } from "zod";
import { serializableTransaction, type DbTx } from "@/lib/db";
import { assertCan, can, type Actor } from "@/lib/domain/actor";
import { formatIsoDate, IsoDate, localDateOf, localDateRange, localDateTime, localTimeOf } from "@/lib/domain/dates";
import { formatDuration } from "@/lib/domain/durations";
import { conflict, forbidden, invalidInput, parseInput } from "@/lib/domain/errors";
import { DurationSeconds, Id, OptionalId } from "@/lib/domain/schemas";
import { createTimeEntry } from "./create-time-entry";
import { describeOverlap } from "./describe-overlap";
import { overlappingEntriesOf } from "./find-overlapping-entries";
import { findEntryForChange, INVOICED_MEANWHILE } from "./find-entry-for-change";
import { severalEntriesAdvice } from "./get-timesheet";
import { DAY_START, suggestNextStart } from "./suggest-next-start";
import { timeEntryInclude, toTimeEntryView, type TimeEntryView } from "./time-entry-view";

export const SetTimesheetCellInput = z.object({
  /** Whose timesheet; defaults to the actor. Someone else's needs `time:write_all`. */
  membershipId: Id.optional(),
  projectId: Id,
  taskId: OptionalId,
  /** The cell's day, YYYY-MM-DD in the workspace's time zone. */
  date: IsoDate,
  /** The day's new total for the row, whole seconds 60–86400. */
  durationSeconds: DurationSeconds,
});
export type SetTimesheetCellInput = z.input<typeof SetTimesheetCellInput>;

export interface TimesheetCellChange {
  outcome: "created" | "updated" | "unchanged";
  entry: TimeEntryView;
}

/** What the loser of two edits racing on one cell is told (PostgreSQL aborts one of them). */
export const CELL_CHANGED_MEANWHILE = "This cell changed while you were typing; reload the timesheet and try again.";

/**
 * Sets one cell. Runs serializable: two edits of the same empty cell never both create an entry
 * (on PostgreSQL one is aborted and answered CELL_CHANGED_MEANWHILE; SQLite runs them one after
 * the other, so the second changes the first's entry).
 * @throws invalid_input for a bad duration, date or reference, and (field `durationSeconds`) for
 *   a duration that would end the entry after the day's local midnight; forbidden for someone
 *   else's timesheet without `time:write_all`; conflict for a cell of several entries or an
 *   invoiced one, and for a change that would overlap the member's other entries (named, local times).
 */
export async function setTimesheetCell(actor: Actor, input: SetTimesheetCellInput): Promise<TimesheetCellChange> {
  assertCan(actor, "time:write_own", "track time");
  const data = parseInput(SetTimesheetCellInput, input);
  const membershipId = data.membershipId ?? actor.membershipId;
  if (membershipId !== actor.membershipId && !can(actor, "time:write_all")) throw forbidden(`A ${actor.role} can only track their own time.`);

  return serializableTransaction(async (tx) => {
    const { timeZone } = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { timeZone: true } });
    const day = localDateRange(data.date, data.date, timeZone);
    const cell = await tx.timeEntry.findMany({
      where: { workspaceId: actor.workspaceId, membershipId, projectId: data.projectId, taskId: data.taskId, startedAt: { gte: day.start, lt: day.end } },
      select: { id: true },
    });
    if (cell.length > 1) throw conflict(severalEntriesAdvice(cell.length, data.date));

    if (cell.length === 0) {
      const suggested = await suggestNextStart(actor, { date: data.date, membershipId }, tx);
      // The day's last entry ran past midnight: the cell's entry still has to start on its own day.
      const startedAt = suggested.date === data.date ? suggested.startedAt : localDateTime(data.date, DAY_START, timeZone);
      const end = new Date(startedAt.getTime() + data.durationSeconds * 1000);
      assertEndsByMidnight(startedAt, end, day.end, timeZone, "new");
      await assertNoNewOverlap(tx, actor.workspaceId, membershipId, { startedAt, end }, null, timeZone);
      const entry = await createTimeEntry(actor, { projectId: data.projectId, taskId: data.taskId, startedAt, durationSeconds: data.durationSeconds, membershipId }, tx);
      return { outcome: "created" as const, entry };
    }

    const entry = await findEntryForChange(tx, actor, cell[0]!.id, "change");
    if (entry.durationSeconds < data.durationSeconds) {
      // Only a longer entry reaches new time: a shorter (or unchanged) one lies within what was already saved.
      const oldEnd = new Date(entry.startedAt.getTime() + entry.durationSeconds * 1000);
      const end = new Date(entry.startedAt.getTime() + data.durationSeconds * 1000);
      assertEndsByMidnight(entry.startedAt, end, day.end, timeZone, "existing");
      await assertNoNewOverlap(tx, actor.workspaceId, membershipId, { startedAt: entry.startedAt, end }, { id: entry.id, end: oldEnd }, timeZone);
    }
    if (entry.durationSeconds !== data.durationSeconds) {
      // Conditional on still being unbilled, as update-time-entry.ts: an invoice that claimed it meanwhile wins.
      const { count } = await tx.timeEntry.updateMany({ where: { id: entry.id, invoiceLineId: null }, data: { durationSeconds: data.durationSeconds } });
      if (count !== 1) throw conflict(INVOICED_MEANWHILE);
    }
    const row = await tx.timeEntry.findUniqueOrThrow({ where: { id: entry.id }, include: timeEntryInclude });
    return { outcome: entry.durationSeconds === data.durationSeconds ? ("unchanged" as const) : ("updated" as const), entry: toTimeEntryView(row) };
  }, () => conflict(CELL_CHANGED_MEANWHILE));
}

/**
 * Refuses an entry from a cell that would end after `midnight` (the end of the cell's day),
 * naming the most that fits. Only checked when a cell adds time: shortening an entry that
 * already runs past midnight (tracked on the Time page) stays possible.
 * @throws invalid_input (field `durationSeconds`).
 */
function assertEndsByMidnight(startedAt: Date, end: Date, midnight: Date, timeZone: string, which: "new" | "existing"): void {
  if (end.getTime() <= midnight.getTime()) return;
  // Whole minutes, so the most named is one the cell accepts as typed.
  const fits = Math.floor((midnight.getTime() - startedAt.getTime()) / 60_000) * 60;
  const start = localTimeOf(startedAt, timeZone);
  const starts = which === "new" ? `A new entry here would start at ${start}, where the day's time leaves off` : `This cell's entry starts at ${start}`;
  if (fits < 60) {
    throw invalidInput(`${starts}, so no time fits before midnight. Type the time into the next day, or add it on the Time page.`, { durationSeconds: "no time fits before midnight" });
  }
  throw invalidInput(`${starts}, so it can be at most ${formatDuration(fits)} to end by midnight. Type the rest into the next day.`, {
    durationSeconds: `can be at most ${formatDuration(fits)} to end by midnight`,
  });
}

/**
 * Refuses a cell's entry spanning [startedAt, end) that would overlap the member's other entries,
 * naming them. `existing`: the entry being lengthened, whose overlaps before the change are not
 * new (so they do not block it). Touching is not overlapping.
 * @throws conflict.
 */
async function assertNoNewOverlap(
  tx: DbTx,
  workspaceId: string,
  membershipId: string,
  span: { startedAt: Date; end: Date },
  existing: { id: string; end: Date } | null,
  timeZone: string,
): Promise<void> {
  const overlaps = await overlappingEntriesOf(tx, workspaceId, membershipId, span.startedAt, span.end, existing?.id);
  const already = existing ? new Set((await overlappingEntriesOf(tx, workspaceId, membershipId, span.startedAt, existing.end, existing.id)).map((o) => o.id)) : new Set<string>();
  const fresh = overlaps.filter((o) => !already.has(o.id));
  if (fresh.length === 0) return;
  const count = fresh.length === 1 ? "an entry" : `${fresh.length} entries`;
  const runs = `${formatIsoDate(localDateOf(span.startedAt, timeZone))} ${localTimeOf(span.startedAt, timeZone)}–${localTimeOf(span.end, timeZone)}`;
  throw conflict(
    `This entry would run ${runs} and overlap ${count} already tracked: ${fresh.map((o) => describeOverlap(o, timeZone)).join("; ")}. Nothing was saved: type a shorter time, or add it on the Time page, which saves overlapping time after "Save anyway".`,
  );
}
