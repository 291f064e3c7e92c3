/**
 * Typing a duration into a timesheet cell: that day's total for that project (and task) becomes
 * the typed duration. An empty cell gets a new entry, starting where the member's day left off
 * (suggest-next-start.ts); a cell of exactly one entry changes that entry's duration; a cell of
 * several entries is refused (which one would change?), as is an invoiced entry.
 */
import { z } from "zod";
import { serializableTransaction } from "@/lib/db";
import { assertCan, can, type Actor } from "@/lib/domain/actor";
import { IsoDate, localDateRange, localDateTime } from "@/lib/domain/dates";
import { conflict, forbidden, parseInput } from "@/lib/domain/errors";
import { DurationSeconds, Id, OptionalId } from "@/lib/domain/schemas";
import { createTimeEntry } from "./create-time-entry";
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
 * @throws invalid_input for a bad duration, date or reference; forbidden for someone else's
 *   timesheet without `time:write_all`; conflict for a cell of several entries or an invoiced one.
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
      const entry = await createTimeEntry(actor, { projectId: data.projectId, taskId: data.taskId, startedAt, durationSeconds: data.durationSeconds, membershipId }, tx);
      return { outcome: "created" as const, entry };
    }

    const entry = await findEntryForChange(tx, actor, cell[0]!.id, "change");
    if (entry.durationSeconds !== data.durationSeconds) {
      // Conditional on still being unbilled, as update-time-entry.ts: an invoice that claimed it meanwhile wins.
      const { count } = await tx.timeEntry.updateMany({ where: { id: entry.id, invoiceLineId: null }, data: { durationSeconds: data.durationSeconds } });
      if (count !== 1) throw conflict(INVOICED_MEANWHILE);
    }
    const row = await tx.timeEntry.findUniqueOrThrow({ where: { id: entry.id }, include: timeEntryInclude });
    return { outcome: entry.durationSeconds === data.durationSeconds ? ("unchanged" as const) : ("updated" as const), entry: toTimeEntryView(row) };
  }, () => conflict(CELL_CHANGED_MEANWHILE));
}
