/**
 * The views of a page of time entries with everything they reference — project, client, task,
 * member, tags (by name), invoice — in one query, where `include: timeEntryInclude` costs ten
 * (one per relation). Built into the same rows toTimeEntryView reads, so a page shows exactly
 * what a single entry does.
 *
 * Why raw SQL: Prisma loads each relation with a query of its own unless the `relationJoins`
 * preview feature is on, which SQLite lacks (prisma/orm#23348). The statement is plain joins on
 * primary keys with quoted identifiers, the same on SQLite and PostgreSQL; tags come one row
 * each, ordered by name in SQL as Prisma's `orderBy: { tag: { name: "asc" } }` orders them.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { InvoiceStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { toTimeEntryView, type timeEntryColumns, type TimeEntryRow, type TimeEntryView } from "./time-entry-view";

type EntryColumns = Pick<TimeEntryRow, keyof typeof timeEntryColumns>;

const Reference = z.object({
  id: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  taskId: z.string().nullable(),
  taskName: z.string().nullable(),
  membershipId: z.string(),
  memberName: z.string(),
  invoiceId: z.string().nullable(),
  invoiceNumber: z.coerce.number().int().nullable(),
  invoiceStatus: z.enum(InvoiceStatus).nullable(),
  invoicePrefix: z.string().nullable(),
  invoiceAmountPaid: z.coerce.number().int().nullable(),
  invoiceAmountCredited: z.coerce.number().int().nullable(),
  tagId: z.string().nullable(),
  tagName: z.string().nullable(),
});
type Reference = z.output<typeof Reference>;

/**
 * @param entries the page's entries (their own columns), in the order to show them
 * @returns their views, in the same order
 */
export async function loadTimeEntryViews(entries: EntryColumns[]): Promise<TimeEntryView[]> {
  if (entries.length === 0) return [];
  const rows = await db.$queryRaw<unknown[]>`
    SELECT e."id",
           p."id" AS "projectId", p."name" AS "projectName", c."id" AS "clientId", c."name" AS "clientName",
           t."id" AS "taskId", t."name" AS "taskName", m."id" AS "membershipId", u."name" AS "memberName",
           i."id" AS "invoiceId", i."number" AS "invoiceNumber", i."status" AS "invoiceStatus", i."amountPaid" AS "invoiceAmountPaid", i."amountCredited" AS "invoiceAmountCredited", w."invoicePrefix",
           tg."id" AS "tagId", tg."name" AS "tagName"
    FROM "TimeEntry" e
    JOIN "Project" p ON p."id" = e."projectId"
    JOIN "Client" c ON c."id" = p."clientId"
    JOIN "Membership" m ON m."id" = e."membershipId"
    JOIN "User" u ON u."id" = m."userId"
    LEFT JOIN "Task" t ON t."id" = e."taskId"
    LEFT JOIN "InvoiceLine" il ON il."id" = e."invoiceLineId"
    LEFT JOIN "Invoice" i ON i."id" = il."invoiceId"
    LEFT JOIN "Workspace" w ON w."id" = i."workspaceId"
    LEFT JOIN "TimeEntryTag" et ON et."timeEntryId" = e."id"
    LEFT JOIN "Tag" tg ON tg."id" = et."tagId"
    WHERE e."id" IN (${Prisma.join(entries.map((e) => e.id))})
    ORDER BY tg."name" ASC`;
  const byEntry = new Map<string, Reference[]>();
  for (const raw of rows) {
    const row = Reference.parse(raw);
    const list = byEntry.get(row.id) ?? [];
    list.push(row);
    byEntry.set(row.id, list);
  }
  return entries.map((entry) => {
    const refs = byEntry.get(entry.id);
    // Gone between the two queries (deleted meanwhile): not on the page.
    return refs ? toTimeEntryView(toRow(entry, refs)) : null;
  }).filter((view): view is TimeEntryView => view !== null);
}

function toRow(entry: EntryColumns, refs: Reference[]): TimeEntryRow {
  const [ref] = refs as [Reference];
  return {
    ...entry,
    project: { id: ref.projectId, name: ref.projectName, client: { id: ref.clientId, name: ref.clientName } },
    task: ref.taskId !== null && ref.taskName !== null ? { id: ref.taskId, name: ref.taskName } : null,
    membership: { id: ref.membershipId, user: { name: ref.memberName } },
    tags: refs.flatMap((r) => (r.tagId !== null && r.tagName !== null ? [{ tag: { id: r.tagId, name: r.tagName } }] : [])),
    invoiceLine:
      ref.invoiceId !== null && ref.invoiceNumber !== null && ref.invoiceStatus !== null && ref.invoicePrefix !== null && ref.invoiceAmountPaid !== null && ref.invoiceAmountCredited !== null
        ? { invoice: { id: ref.invoiceId, number: ref.invoiceNumber, status: ref.invoiceStatus, amountPaid: ref.invoiceAmountPaid, amountCredited: ref.invoiceAmountCredited, workspace: { invoicePrefix: ref.invoicePrefix } } }
        : null,
  };
}
