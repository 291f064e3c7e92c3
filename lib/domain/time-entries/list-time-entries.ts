import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, can, type Actor } from "@/lib/domain/actor";
import { decodeCursor, encodeCursor } from "@/lib/domain/cursor";
import { IsoDate, localDateRange } from "@/lib/domain/dates";
import { forbidden, invalidInput, parseInput } from "@/lib/domain/errors";
import { Id, PageSize } from "@/lib/domain/schemas";
import { loadWorkspace } from "@/lib/domain/workspaces/load-workspace";
import { loadTimeEntryViews } from "./load-time-entry-views";
import { timeEntryColumns, type TimeEntryView } from "./time-entry-view";

export const ListTimeEntriesInput = z.object({
  /** Calendar dates in the workspace's time zone, inclusive. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  projectId: Id.optional(),
  clientId: Id.optional(),
  membershipId: Id.optional(),
  billable: z.boolean().optional(),
  invoiced: z.boolean().optional(),
  /** Entries carrying any of these tags. */
  tagIds: z.array(Id).max(20).optional(),
  cursor: z.string().max(200).optional(),
  limit: PageSize,
});
export type ListTimeEntriesInput = z.input<typeof ListTimeEntriesInput>;

export interface TimeEntryPage {
  entries: TimeEntryView[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Newest first. Members without `time:read_all` only ever see their own entries (asking for
 * another member's is forbidden). Two queries: the page (filters, order, cursor) and everything
 * its entries reference (loadTimeEntryViews).
 */
export async function listTimeEntries(actor: Actor, input: ListTimeEntriesInput = {}): Promise<TimeEntryPage> {
  assertCan(actor, "time:read_own", "view time entries");
  const filters = parseInput(ListTimeEntriesInput, input);
  const where = await timeEntryWhere(actor, filters);
  if (filters.cursor) {
    const { at, id } = decodeCursor(filters.cursor);
    where.AND = [{ OR: [{ startedAt: { lt: at } }, { startedAt: at, id: { lt: id } }] }];
  }
  const rows = await db.timeEntry.findMany({
    where,
    select: timeEntryColumns,
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: filters.limit + 1,
  });
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    entries: await loadTimeEntryViews(page),
    nextCursor: rows.length > filters.limit && last ? encodeCursor(last.startedAt, last.id) : null,
  };
}

/**
 * The `where` for a set of filters, scoped to what the actor may see. Shared with the export and reports.
 * `verb` words the refusal ("list", "export").
 * @throws forbidden when an actor without `time:read_all` asks for another member's entries (a
 *   permission, like the timesheet's and the overlap check's refusal, not a bad input);
 *   invalid_input for a reversed range.
 */
export async function timeEntryWhere(
  actor: Actor,
  filters: Omit<z.output<typeof ListTimeEntriesInput>, "cursor" | "limit">,
  verb = "list",
): Promise<Prisma.TimeEntryWhereInput> {
  const where: Prisma.TimeEntryWhereInput = { workspaceId: actor.workspaceId };
  if (!can(actor, "time:read_all")) {
    if (filters.membershipId && filters.membershipId !== actor.membershipId) {
      throw forbidden(`A ${actor.role} can only ${verb} their own time entries.`);
    }
    where.membershipId = actor.membershipId;
  } else if (filters.membershipId) {
    where.membershipId = filters.membershipId;
  }
  if (filters.from || filters.to) {
    if (filters.from && filters.to && filters.from > filters.to) {
      throw invalidInput("`from` must be on or before `to`.", { from: "is after to" });
    }
    const { timeZone } = await loadWorkspace(actor);
    where.startedAt = {
      ...(filters.from ? { gte: localDateRange(filters.from, filters.from, timeZone).start } : {}),
      ...(filters.to ? { lt: localDateRange(filters.to, filters.to, timeZone).end } : {}),
    };
  }
  if (filters.projectId) where.projectId = filters.projectId;
  if (filters.clientId) where.project = { clientId: filters.clientId };
  if (filters.billable !== undefined) where.billable = filters.billable;
  if (filters.invoiced !== undefined) where.invoiceLineId = filters.invoiced ? { not: null } : null;
  if (filters.tagIds?.length) where.tags = { some: { tagId: { in: filters.tagIds } } };
  return where;
}
