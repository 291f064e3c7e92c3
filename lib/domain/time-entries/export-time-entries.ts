import type { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { CSV_PAGE_SIZE, csvMoney, CsvNumber, type CsvExport, type CsvValue } from "@/lib/domain/csv/csv";
import { localClock } from "@/lib/domain/csv/local-clock";
import { formatDuration } from "@/lib/domain/durations";
import { parseInput } from "@/lib/domain/errors";
import { formatHundredths, hundredthsOfHour } from "@/lib/domain/reports/report-hours";
import { loadWorkspace } from "@/lib/domain/workspaces/load-workspace";
import { ListTimeEntriesInput, timeEntryWhere } from "./list-time-entries";
import { loadTimeEntryViews } from "./load-time-entry-views";
import { timeEntryColumns, type TimeEntryView } from "./time-entry-view";

/** The list's filters, without paging: an export is every entry they match. */
export const ExportTimeEntriesInput = ListTimeEntriesInput.omit({ cursor: true, limit: true });
export type ExportTimeEntriesInput = z.input<typeof ExportTimeEntriesInput>;

/**
 * The time entries the filters match, newest first, as CSV — the same entries listTimeEntries
 * pages through (a member's own only, unless they may read all time). Permission and filters
 * are checked now; the rows are read `pageSize` at a time with a keyset cursor on
 * (startedAt, id) as the stream is pulled, two queries a page (the page, its references).
 *
 * Columns: date and start/end in the workspace's time zone (named in the header), duration
 * h:mm, hours to the hundredth, member, client, project, task, description, tags
 * ("; "-separated), billable, hourly rate (decimal, the workspace currency; amounts after
 * rounding and minimums are the reports' and invoices' business), and the invoice billing it.
 * @throws invalidInput for a bad filter or a member asking for another member's entries.
 */
export async function exportTimeEntries(actor: Actor, input: ExportTimeEntriesInput = {}, options: { pageSize?: number } = {}): Promise<CsvExport> {
  assertCan(actor, "time:read_own", "export time entries");
  const filters = parseInput(ExportTimeEntriesInput, input);
  const where = await timeEntryWhere(actor, filters);
  const { timeZone, currency } = await loadWorkspace(actor);
  const pageSize = options.pageSize ?? CSV_PAGE_SIZE;
  const clock = localClock(timeZone);

  async function* pages(): AsyncGenerator<CsvValue[][]> {
    let after: { startedAt: Date; id: string } | null = null;
    for (;;) {
      const page: { id: string; startedAt: Date; durationSeconds: number; description: string; billable: boolean; hourlyRate: number }[] = await db.timeEntry.findMany({
        // Strictly after the last row, written as a range (startedAt ≤ its start) the index
        // (workspaceId, startedAt, id) can seek to, less the rows at that instant already sent;
        // an OR of the two cases makes the database scan from the top on every page instead.
        where: after ? { AND: [where, { startedAt: { lte: after.startedAt } }, { NOT: { startedAt: after.startedAt, id: { gte: after.id } } }] } : where,
        select: timeEntryColumns,
        orderBy: [{ startedAt: "desc" }, { id: "desc" }],
        take: pageSize,
      });
      if (page.length === 0) return;
      yield (await loadTimeEntryViews(page)).map((entry) => record(entry, clock));
      if (page.length < pageSize) return;
      const last = page[page.length - 1] ?? null;
      after = last && { startedAt: last.startedAt, id: last.id };
    }
  }

  const range = filters.from || filters.to ? `-${filters.from ?? "start"}-${filters.to ?? "today"}` : "";
  return {
    fileName: `time-entries${range}.csv`,
    header: ["Date", `Start (${timeZone})`, `End (${timeZone})`, "Duration (h:mm)", "Hours", "Member", "Client", "Project", "Task", "Description", "Tags", "Billable", `Hourly rate (${currency})`, "Invoice"],
    pages: pages(),
  };
}

function record(entry: TimeEntryView, clock: ReturnType<typeof localClock>): CsvValue[] {
  const start = clock(entry.startedAt);
  return [
    start.date,
    start.time,
    clock(new Date(entry.startedAt.getTime() + entry.durationSeconds * 1000)).time,
    formatDuration(entry.durationSeconds),
    new CsvNumber(formatHundredths(hundredthsOfHour(entry.durationSeconds))),
    entry.member.name,
    entry.client.name,
    entry.project.name,
    entry.task?.name ?? "",
    entry.description,
    entry.tags.map((t) => t.name).join("; "),
    entry.billable,
    csvMoney(entry.hourlyRate),
    entry.invoice?.label ?? "",
  ];
}
