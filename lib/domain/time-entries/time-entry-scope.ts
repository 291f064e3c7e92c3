/**
 * Which time entries a set of list filters means for an actor, checked once and said two ways:
 * as Prisma's `where` (lists, reports) and as SQL (the CSV export's pages, read through
 * readRows). Both are built from one TimeEntryScope, and time-entry-scope.test.ts checks they
 * pick the same entries for every filter on both engines.
 */
import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/domain/actor";
import { DateRange, localDateRange } from "@/lib/domain/dates";
import { forbidden, parseInput } from "@/lib/domain/errors";
import { checkFilterIds } from "@/lib/domain/workspaces/check-filter-ids";
import { loadWorkspace } from "@/lib/domain/workspaces/load-workspace";
import type { ListTimeEntriesInput } from "./list-time-entries";

/** The entries of one workspace that match every field set here. */
export interface TimeEntryScope {
  workspaceId: string;
  membershipId?: string;
  /** Started at or after (the start of `from` in the workspace's time zone). */
  startedFrom?: Date;
  /** Started before (the end of `to` in the workspace's time zone). */
  startedBefore?: Date;
  projectId?: string;
  clientId?: string;
  billable?: boolean;
  invoiced?: boolean;
  /** Carrying any of these tags. */
  tagIds?: string[];
}

export type TimeEntryFilters = Omit<z.output<typeof ListTimeEntriesInput>, "cursor" | "limit">;

/**
 * The scope of a set of filters, narrowed to what the actor may see: a member without
 * `time:read_all` only their own entries. `verb` words the refusal ("list", "export").
 * @throws forbidden when an actor without `time:read_all` asks for another member's entries (a
 *   permission, like the timesheet's refusal, not a bad input); invalid_input for a date outside
 *   the supported calendar or `from` after `to` (DateRange's words, at the field), and for a
 *   member, project, client or tag id that is not the workspace's (checkFilterIds: an unknown id
 *   is named, never answered with an empty list)
 */
export async function timeEntryScope(actor: Actor, filters: TimeEntryFilters, verb = "list"): Promise<TimeEntryScope> {
  const scope: TimeEntryScope = { workspaceId: actor.workspaceId };
  if (!can(actor, "time:read_all")) {
    if (filters.membershipId && filters.membershipId !== actor.membershipId) {
      throw forbidden(`A ${actor.role} can only ${verb} their own time entries.`);
    }
    scope.membershipId = actor.membershipId;
  } else if (filters.membershipId) {
    scope.membershipId = filters.membershipId;
  }
  // Checked here too, not only by the callers' schemas: every reader of a range (list, export,
  // reports) refuses a reversed or out-of-calendar one with the same words.
  parseInput(DateRange, { from: filters.from, to: filters.to });
  // Stryker disable next-line ConditionalExpression: without a date the time zone is read for nothing (one query a list saves)
  if (filters.from || filters.to) {
    const { timeZone } = await loadWorkspace(actor);
    if (filters.from) scope.startedFrom = localDateRange(filters.from, filters.from, timeZone).start;
    if (filters.to) scope.startedBefore = localDateRange(filters.to, filters.to, timeZone).end;
  }
  if (filters.projectId) scope.projectId = filters.projectId;
  if (filters.clientId) scope.clientId = filters.clientId;
  if (filters.billable !== undefined) scope.billable = filters.billable;
  if (filters.invoiced !== undefined) scope.invoiced = filters.invoiced;
  if (filters.tagIds?.length) scope.tagIds = filters.tagIds;
  // The actor's own membership needs no look-up; anyone else's is only reached with time:read_all.
  await checkFilterIds(actor, {
    // Stryker disable next-line ConditionalExpression: the actor's own membership is always found; checking it costs a query and changes no answer
    membershipId: scope.membershipId === actor.membershipId ? undefined : scope.membershipId,
    projectId: scope.projectId,
    clientId: scope.clientId,
    tagIds: scope.tagIds,
  });
  return scope;
}

/**
 * The scope as Prisma's `where`. Each field is set only when the scope has it: Prisma reads an
 * undefined field, an empty `startedAt: {}` and `project: { clientId: undefined }` as no filter,
 * so the mutation tests' "always set it" mutants below are equivalent (marked).
 */
export function scopeWhere(scope: TimeEntryScope): Prisma.TimeEntryWhereInput {
  const where: Prisma.TimeEntryWhereInput = { workspaceId: scope.workspaceId };
  // Stryker disable next-line ConditionalExpression: set when absent it is undefined, no filter
  if (scope.membershipId) where.membershipId = scope.membershipId;
  // Stryker disable next-line ConditionalExpression: set when absent it is undefined, no filter
  if (scope.startedFrom || scope.startedBefore) {
    where.startedAt = { ...(scope.startedFrom ? { gte: scope.startedFrom } : {}), ...(scope.startedBefore ? { lt: scope.startedBefore } : {}) };
  }
  // Stryker disable next-line ConditionalExpression: set when absent it is undefined, no filter
  if (scope.projectId) where.projectId = scope.projectId;
  // Stryker disable next-line ConditionalExpression: set when absent it is undefined, no filter
  if (scope.clientId) where.project = { clientId: scope.clientId };
  // Stryker disable next-line ConditionalExpression: set when absent it is undefined, no filter
  if (scope.billable !== undefined) where.billable = scope.billable;
  if (scope.invoiced !== undefined) where.invoiceLineId = scope.invoiced ? { not: null } : null;
  if (scope.tagIds?.length) where.tags = { some: { tagId: { in: scope.tagIds } } };
  return where;
}

/**
 * The scope as a SQL condition on `"TimeEntry"` (double-quoted identifiers: portable to SQLite
 * and PostgreSQL), for readRows.
 */
export function scopeSql(scope: TimeEntryScope): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`"TimeEntry"."workspaceId" = ${scope.workspaceId}`];
  if (scope.membershipId) conditions.push(Prisma.sql`"TimeEntry"."membershipId" = ${scope.membershipId}`);
  if (scope.startedFrom) conditions.push(Prisma.sql`"TimeEntry"."startedAt" >= ${scope.startedFrom}`);
  if (scope.startedBefore) conditions.push(Prisma.sql`"TimeEntry"."startedAt" < ${scope.startedBefore}`);
  if (scope.projectId) conditions.push(Prisma.sql`"TimeEntry"."projectId" = ${scope.projectId}`);
  if (scope.clientId) conditions.push(Prisma.sql`"TimeEntry"."projectId" IN (SELECT "Project"."id" FROM "Project" WHERE "Project"."clientId" = ${scope.clientId})`);
  if (scope.billable !== undefined) conditions.push(Prisma.sql`"TimeEntry"."billable" = ${scope.billable}`);
  if (scope.invoiced !== undefined) conditions.push(scope.invoiced ? Prisma.sql`"TimeEntry"."invoiceLineId" IS NOT NULL` : Prisma.sql`"TimeEntry"."invoiceLineId" IS NULL`);
  if (scope.tagIds?.length) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "TimeEntryTag" WHERE "TimeEntryTag"."timeEntryId" = "TimeEntry"."id" AND "TimeEntryTag"."tagId" IN (${Prisma.join(scope.tagIds)}))`);
  }
  return Prisma.join(conditions, " AND ");
}
