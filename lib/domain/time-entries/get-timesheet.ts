/**
 * One member's week as a timesheet (Harvest's "Week" view): a row per project (and task), a
 * column per day Monday..Sunday in the workspace's time zone, each cell the time tracked there.
 */
import { shownMinutes } from "@/lib/domain/durations";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, can, type Actor } from "@/lib/domain/actor";
import { addIsoDays, formatIsoDate, IsoDate, localDateOf, localDateRange, weekStartOf } from "@/lib/domain/dates";
import { forbidden, notFound, parseInput } from "@/lib/domain/errors";
import { invoiceLabel } from "@/lib/domain/billing/invoice-lines";
import { Id } from "@/lib/domain/schemas";
import { lockedEntryAdvice } from "./locked-entry-advice";

export const GetTimesheetInput = z.object({
  /** Any day of the week, YYYY-MM-DD. */
  week: IsoDate,
  /** Whose week; defaults to the actor. Someone else's needs `time:read_all`. */
  membershipId: Id.optional(),
});
export type GetTimesheetInput = z.input<typeof GetTimesheetInput>;

export interface TimesheetCell {
  /** YYYY-MM-DD. */
  date: string;
  seconds: number;
  /** The cell as shown: its entries' minutes as the Time page shows them (shownMinutes). Totals add these, so the page adds up. */
  minutes: number;
  entryIds: string[];
  /**
   * Why the cell cannot be typed into, or null: its one entry is invoiced (locked-entry-advice.ts),
   * or several entries make it up (which one would change?).
   */
  readOnly: string | null;
}

export interface TimesheetRow {
  /** `${projectId}:${taskId}` ("" for no task): stable across reloads. */
  key: string;
  project: { id: string; name: string };
  client: { id: string; name: string };
  task: { id: string; name: string } | null;
  /** Monday..Sunday. */
  cells: TimesheetCell[];
  totalMinutes: number;
}

export interface Timesheet {
  membershipId: string;
  timeZone: string;
  /** Monday..Sunday, YYYY-MM-DD. */
  days: string[];
  /** Ordered by client, project, then task (no task first). */
  rows: TimesheetRow[];
  /** Per day, Monday..Sunday. */
  dayTotalsMinutes: number[];
  totalMinutes: number;
}

export const rowKey = (projectId: string, taskId: string | null) => `${projectId}:${taskId ?? ""}`;

/** Why a cell of several entries is not typed into; set-timesheet-cell.ts refuses with the same words. */
export function severalEntriesAdvice(count: number, date: string): string {
  return `${count} entries make up this cell on ${formatIsoDate(date, "EEE d MMM")}: change them one by one on the Time page.`;
}

/**
 * The timesheet of one member's week.
 * @throws forbidden when a member asks for someone else's; not_found for a member not in this workspace.
 */
export async function getTimesheet(actor: Actor, input: GetTimesheetInput): Promise<Timesheet> {
  assertCan(actor, "time:read_own", "view timesheets");
  const data = parseInput(GetTimesheetInput, input);
  const membershipId = data.membershipId ?? actor.membershipId;
  if (membershipId !== actor.membershipId) {
    if (!can(actor, "time:read_all")) throw forbidden(`A ${actor.role} can only see their own timesheet.`);
    const member = await db.membership.findFirst({ where: { id: membershipId, workspaceId: actor.workspaceId }, select: { id: true } });
    if (!member) throw notFound("Member");
  }
  const { timeZone } = await db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { timeZone: true } });
  const monday = weekStartOf(data.week);
  const days = Array.from({ length: 7 }, (_, i) => addIsoDays(monday, i));
  const range = localDateRange(days[0]!, days[6]!, timeZone);

  const entries = await db.timeEntry.findMany({
    where: { workspaceId: actor.workspaceId, membershipId, startedAt: { gte: range.start, lt: range.end } },
    select: {
      id: true,
      startedAt: true,
      durationSeconds: true,
      project: { select: { id: true, name: true, client: { select: { id: true, name: true } } } },
      task: { select: { id: true, name: true } },
      invoiceLine: { select: { invoice: { select: { number: true, status: true, amountPaid: true, amountCredited: true, workspace: { select: { invoicePrefix: true } } } } } },
    },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
  });

  const rows = new Map<string, TimesheetRow>();
  const locks = new Map<string, string>();
  for (const entry of entries) {
    const key = rowKey(entry.project.id, entry.task?.id ?? null);
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        project: { id: entry.project.id, name: entry.project.name },
        client: entry.project.client,
        task: entry.task,
        cells: days.map((date) => ({ date, seconds: 0, minutes: 0, entryIds: [], readOnly: null })),
        totalMinutes: 0,
      };
      rows.set(key, row);
    }
    const cell = row.cells[days.indexOf(localDateOf(entry.startedAt, timeZone))];
    if (!cell) continue;
    cell.seconds += entry.durationSeconds;
    // Each entry as the Time page shows it, so a day adds up to the same minutes on both pages.
    cell.minutes += shownMinutes(entry.durationSeconds);
    cell.entryIds.push(entry.id);
    const invoice = entry.invoiceLine?.invoice;
    if (invoice) {
      locks.set(entry.id, lockedEntryAdvice(actor.role, { label: invoiceLabel(invoice.workspace.invoicePrefix, invoice.number), status: invoice.status, amountPaid: invoice.amountPaid, amountCredited: invoice.amountCredited }));
    }
  }

  const dayTotalsMinutes = days.map(() => 0);
  const ordered = [...rows.values()].sort(
    (a, b) => a.client.name.localeCompare(b.client.name) || a.project.name.localeCompare(b.project.name) || (a.task?.name ?? "").localeCompare(b.task?.name ?? ""),
  );
  for (const row of ordered) {
    row.cells.forEach((cell, i) => {
      cell.readOnly = cell.entryIds.length > 1 ? severalEntriesAdvice(cell.entryIds.length, cell.date) : cell.entryIds[0] ? (locks.get(cell.entryIds[0]) ?? null) : null;
      row.totalMinutes += cell.minutes;
      dayTotalsMinutes[i]! += cell.minutes;
    });
  }
  return { membershipId, timeZone, days, rows: ordered, dayTotalsMinutes, totalMinutes: dayTotalsMinutes.reduce((a, b) => a + b, 0) };
}
