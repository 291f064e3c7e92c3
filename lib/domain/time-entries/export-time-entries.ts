import type { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { CSV_PAGE_SIZE, csvMoney, CsvNumber, type CsvExport, type CsvValue } from "@/lib/domain/csv/csv";
import { localClock } from "@/lib/domain/csv/local-clock";
import { formatDuration } from "@/lib/domain/durations";
import { parseInput } from "@/lib/domain/errors";
import { formatHundredths, hundredthsOfHour } from "@/lib/domain/reports/report-hours";
import { loadWorkspace } from "@/lib/domain/workspaces/load-workspace";
import { ListTimeEntriesInput, timeEntryWhere } from "./list-time-entries";
import { invoiceLabel } from "@/lib/domain/billing/invoice-lines";

/** The list's filters, without paging: an export is every entry they match. */
export const ExportTimeEntriesInput = ListTimeEntriesInput.omit({ cursor: true, limit: true });
export type ExportTimeEntriesInput = z.input<typeof ExportTimeEntriesInput>;

/**
 * The time entries the filters match, newest first, as CSV — the same entries listTimeEntries
 * pages through (a member's own only, unless they may read all time). Permission and filters
 * are checked now; the rows are read `pageSize` at a time with a keyset cursor on
 * (startedAt, id) as the stream is pulled: two queries a page (the page, its tags), a third
 * for invoices not met before, and four at the start for the names entries refer to.
 *
 * Columns: date and start/end in the workspace's time zone (named in the header), duration
 * h:mm, hours to the hundredth, member, client, project, task, description, tags
 * ("; "-separated), billable, hourly rate (decimal, the workspace currency; amounts after
 * rounding and minimums are the reports' and invoices' business), and the invoice billing it.
 * @throws forbidden for a member asking for another member's entries; invalid_input for a bad filter.
 */
export async function exportTimeEntries(actor: Actor, input: ExportTimeEntriesInput = {}, options: { pageSize?: number } = {}): Promise<CsvExport> {
  assertCan(actor, "time:read_own", "export time entries");
  const filters = parseInput(ExportTimeEntriesInput, input);
  const where = await timeEntryWhere(actor, filters, "export");
  const workspace = await loadWorkspace(actor);
  const { timeZone, currency } = workspace;
  const pageSize = options.pageSize ?? CSV_PAGE_SIZE;
  const clock = localClock(timeZone);

  async function* pages(): AsyncGenerator<CsvValue[][]> {
    // What entries refer to is a few rows shared by thousands of entries: read once, so a page
    // is its own flat rows and their tags (loadTimeEntryViews's joined rows, one per tag and
    // parsed one by one, made a 100k export's memory churn several times larger).
    const names = await referenceNames(actor.workspaceId);
    const invoiceLabels = new Map<string, string>();
    let after: { startedAt: Date; id: string } | null = null;
    for (;;) {
      const page: ExportRow[] = await db.timeEntry.findMany({
        // Strictly after the last row, written as a range (startedAt ≤ its start) the index
        // (workspaceId, startedAt, id) can seek to, less the rows at that instant already sent;
        // an OR of the two cases makes the database scan from the top on every page instead.
        where: after ? { AND: [where, { startedAt: { lte: after.startedAt } }, { NOT: { startedAt: after.startedAt, id: { gte: after.id } } }] } : where,
        select: exportColumns,
        orderBy: [{ startedAt: "desc" }, { id: "desc" }],
        take: pageSize,
      });
      if (page.length === 0) return;
      const ids = page.map((e) => e.id);
      const tags = new Map<string, string[]>();
      for (const link of await db.timeEntryTag.findMany({ where: { timeEntryId: { in: ids } }, select: { timeEntryId: true, tagId: true } })) {
        const name = names.tags.get(link.tagId);
        if (name !== undefined) tags.set(link.timeEntryId, [...(tags.get(link.timeEntryId) ?? []), name]);
      }
      const unseenLines = [...new Set(page.map((e) => e.invoiceLineId).filter((id): id is string => id !== null && !invoiceLabels.has(id)))];
      if (unseenLines.length) {
        for (const line of await db.invoiceLine.findMany({ where: { id: { in: unseenLines } }, select: { id: true, invoice: { select: { number: true } } } })) {
          invoiceLabels.set(line.id, invoiceLabel(workspace.invoicePrefix, line.invoice.number));
        }
      }
      yield page.map((entry) =>
        record(entry, clock, {
          project: names.projects.get(entry.projectId) ?? { name: "", client: "" },
          task: entry.taskId ? (names.tasks.get(entry.taskId) ?? "") : "",
          member: names.members.get(entry.membershipId) ?? "",
          tags: (tags.get(entry.id) ?? []).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
          invoice: entry.invoiceLineId ? (invoiceLabels.get(entry.invoiceLineId) ?? "") : "",
        }),
      );
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

const exportColumns = {
  id: true,
  startedAt: true,
  durationSeconds: true,
  description: true,
  billable: true,
  hourlyRate: true,
  projectId: true,
  taskId: true,
  membershipId: true,
  invoiceLineId: true,
} satisfies Prisma.TimeEntrySelect;
type ExportRow = Prisma.TimeEntryGetPayload<{ select: typeof exportColumns }>;

/** The names entries refer to, by id: projects (with their client's), tasks, members, tags. */
async function referenceNames(workspaceId: string) {
  const [projects, tasks, members, tags] = await Promise.all([
    db.project.findMany({ where: { workspaceId }, select: { id: true, name: true, client: { select: { name: true } } } }),
    db.task.findMany({ where: { workspaceId }, select: { id: true, name: true } }),
    db.membership.findMany({ where: { workspaceId }, select: { id: true, user: { select: { name: true } } } }),
    db.tag.findMany({ where: { workspaceId }, select: { id: true, name: true } }),
  ]);
  return {
    projects: new Map(projects.map((p) => [p.id, { name: p.name, client: p.client.name }])),
    tasks: new Map(tasks.map((t) => [t.id, t.name])),
    members: new Map(members.map((m) => [m.id, m.user.name])),
    tags: new Map(tags.map((t) => [t.id, t.name])),
  };
}

interface Names {
  project: { name: string; client: string };
  task: string;
  member: string;
  tags: string[];
  invoice: string;
}

function record(entry: ExportRow, clock: ReturnType<typeof localClock>, names: Names): CsvValue[] {
  const start = clock(entry.startedAt);
  return [
    start.date,
    start.time,
    clock(new Date(entry.startedAt.getTime() + entry.durationSeconds * 1000)).time,
    formatDuration(entry.durationSeconds),
    new CsvNumber(formatHundredths(hundredthsOfHour(entry.durationSeconds))),
    names.member,
    names.project.client,
    names.project.name,
    names.task,
    entry.description,
    names.tags.join("; "),
    entry.billable,
    csvMoney(entry.hourlyRate),
    names.invoice,
  ];
}
