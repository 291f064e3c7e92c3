import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { decodeCursor, encodeCursor } from "@/lib/domain/cursor";
import { IsoDate } from "@/lib/domain/dates";
import { parseInput } from "@/lib/domain/errors";
import { Id, PageSize } from "@/lib/domain/schemas";
import { loadTimeEntryViews } from "./load-time-entry-views";
import { timeEntryColumns, type TimeEntryView } from "./time-entry-view";
import { scopeWhere, timeEntryScope, type TimeEntryFilters } from "./time-entry-scope";

export const ListTimeEntriesInput = z.object({
  /** Calendar dates in the workspace's time zone, inclusive. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  projectId: Id.optional(),
  clientId: Id.optional(),
  membershipId: Id.optional(),
  billable: z.boolean({ error: "must be true or false" }).optional(),
  invoiced: z.boolean({ error: "must be true or false" }).optional(),
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
 * The `where` for a set of filters, scoped to what the actor may see (time-entry-scope.ts).
 * Shared with reports. `verb` words the refusal ("list", "export").
 * @throws forbidden for a member asking for another member's entries; invalid_input for a reversed range
 */
export async function timeEntryWhere(actor: Actor, filters: TimeEntryFilters, verb = "list"): Promise<Prisma.TimeEntryWhereInput> {
  return scopeWhere(await timeEntryScope(actor, filters, verb));
}
