import type { z } from "zod";
import { db, readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { CSV_PAGE_SIZE, csvMoney, CsvNumber, type CsvExport, type CsvValue } from "@/lib/domain/csv/csv";
import { localClock } from "@/lib/domain/csv/local-clock";
import { formatDuration } from "@/lib/domain/durations";
import { parseInput } from "@/lib/domain/errors";
import { formatHundredths, hundredthsOfHour } from "@/lib/domain/reports/report-hours";
import { loadWorkspace } from "@/lib/domain/workspaces/load-workspace";
import { ListTimeEntriesInput } from "./list-time-entries";
import { scopeSql, timeEntryScope, type TimeEntryScope } from "./time-entry-scope";
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
  const scope = await timeEntryScope(actor, filters, "export");
  const workspace = await loadWorkspace(actor);
  const { timeZone, currency } = workspace;
  const pageSize = options.pageSize ?? CSV_PAGE_SIZE;
  const clock = localClock(timeZone);

  async function* pages(): AsyncGenerator<CsvValue[][]> {
    // What entries refer to is a few rows shared by thousands of entries: read once, so a page
    // is its own flat rows and their tags. Pages are read through readRows, not Prisma's
    // client: see readRows for why (a 100k export's memory).
    const names = await referenceNames(actor.workspaceId);
    const invoiceLabels = new Map<string, string>();
    let after: { startedAt: Date; id: string } | null = null;
    for (;;) {
      const page: ExportRow[] = (await readRows(exportPageSql(scope, after, pageSize))).map(exportRow);
      if (page.length === 0) return;
      const tags = new Map<string, string[]>();
      for (const [timeEntryId, tagId] of (await readRows(tagLinksSql(page.map((e) => e.id)))) as Array<[string, string]>) {
        const name = names.tags.get(tagId);
        if (name !== undefined) tags.set(timeEntryId, [...(tags.get(timeEntryId) ?? []), name]);
      }
      const unseenLines = [...new Set(page.map((e) => e.invoiceLineId).filter((id): id is string => id !== null && !invoiceLabels.has(id)))];
      if (unseenLines.length) {
        for (const [lineId, number] of await readRows(invoiceNumbersSql(unseenLines))) {
          invoiceLabels.set(lineId as string, invoiceLabel(workspace.invoicePrefix, Number(number)));
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
      const last: ExportRow | null = page[page.length - 1] ?? null;
      after = last && { startedAt: new Date(last.startedAt), id: last.id };
    }
  }

  const range = filters.from || filters.to ? `-${filters.from ?? "start"}-${filters.to ?? "today"}` : "";
  return {
    fileName: `time-entries${range}.csv`,
    header: ["Date", `Start (${timeZone})`, `End (${timeZone})`, "Duration (h:mm)", "Hours", "Member", "Client", "Project", "Task", "Description", "Tags", "Billable", `Hourly rate (${currency})`, "Invoice"],
    pages: pages(),
  };
}

interface ExportRow {
  id: string;
  /** Epoch milliseconds: no Date per row (local-clock.ts says why). */
  startedAt: number;
  durationSeconds: number;
  description: string;
  billable: boolean;
  hourlyRate: number;
  projectId: string;
  taskId: string | null;
  membershipId: string;
  invoiceLineId: string | null;
}

/**
 * One page, newest first, strictly after the last row sent: written as a range (startedAt ≤
 * its start) the index (workspaceId, startedAt, id) can seek to, less the rows at that instant
 * already sent; an OR of the two cases makes the database scan from the top on every page.
 * The columns are ExportRow's, in its order.
 */
function exportPageSql(scope: TimeEntryScope, after: { startedAt: Date; id: string } | null, pageSize: number): Prisma.Sql {
  const keyset = after
    ? Prisma.sql` AND "TimeEntry"."startedAt" <= ${after.startedAt} AND NOT ("TimeEntry"."startedAt" = ${after.startedAt} AND "TimeEntry"."id" >= ${after.id})`
    : Prisma.empty;
  return Prisma.sql`SELECT "TimeEntry"."id", "TimeEntry"."startedAt", "TimeEntry"."durationSeconds", "TimeEntry"."description", "TimeEntry"."billable",
    "TimeEntry"."hourlyRate", "TimeEntry"."projectId", "TimeEntry"."taskId", "TimeEntry"."membershipId", "TimeEntry"."invoiceLineId"
    FROM "TimeEntry" WHERE ${scopeSql(scope)}${keyset}
    ORDER BY "TimeEntry"."startedAt" DESC, "TimeEntry"."id" DESC LIMIT ${pageSize}`;
}

/** A row of exportPageSql as the adapters give it (DateTime as ISO text, SQLite's booleans as 1/0). */
function exportRow(row: unknown[]): ExportRow {
  const [id, startedAt, durationSeconds, description, billable, hourlyRate, projectId, taskId, membershipId, invoiceLineId] = row;
  return {
    id: id as string,
    startedAt: Date.parse(startedAt as string),
    durationSeconds: Number(durationSeconds),
    description: description as string,
    billable: billable === true || billable === 1,
    hourlyRate: Number(hourlyRate),
    projectId: projectId as string,
    taskId: (taskId as string | null) ?? null,
    membershipId: membershipId as string,
    invoiceLineId: (invoiceLineId as string | null) ?? null,
  };
}

/** (timeEntryId, tagId) of a page's entries. */
function tagLinksSql(ids: string[]): Prisma.Sql {
  return Prisma.sql`SELECT "TimeEntryTag"."timeEntryId", "TimeEntryTag"."tagId" FROM "TimeEntryTag" WHERE "TimeEntryTag"."timeEntryId" IN (${Prisma.join(ids)})`;
}

/** (invoice line id, its invoice's number). */
function invoiceNumbersSql(lineIds: string[]): Prisma.Sql {
  return Prisma.sql`SELECT "InvoiceLine"."id", "Invoice"."number" FROM "InvoiceLine" JOIN "Invoice" ON "Invoice"."id" = "InvoiceLine"."invoiceId" WHERE "InvoiceLine"."id" IN (${Prisma.join(lineIds)})`;
}

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
    clock(entry.startedAt + entry.durationSeconds * 1000).time,
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
