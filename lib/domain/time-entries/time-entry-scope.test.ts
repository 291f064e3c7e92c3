/**
 * One scope, said two ways: Prisma's `where` (lists, reports) and SQL (the CSV export's pages,
 * read through readRows). For every filter, alone and combined, both pick the same entries in
 * the same order, on the engine this run uses (SQLite, and PostgreSQL in its pass).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { loadDemoData } from "@/lib/testing/demo-data";
import { scopeSql, scopeWhere, timeEntryScope, type TimeEntryFilters, type TimeEntryScope } from "./time-entry-scope";

let ada: Actor;
let grace: Actor;
let filterCases: Array<[string, TimeEntryFilters]>;

beforeAll(async () => {
  const demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
  grace = await resolveActor(demo.grace.id, { slug: "lovelace-studio" });
  const entries = await db.timeEntry.findMany({ where: { workspaceId: ada.workspaceId }, include: { project: true, tags: true }, orderBy: { startedAt: "asc" } });
  const tagged = entries.find((e) => e.tags.length > 0);
  const middle = entries[Math.floor(entries.length / 2)];
  if (!tagged || !middle) throw new Error("The demo data has no tagged entry.");
  const day = middle.startedAt.toISOString().slice(0, 10);
  filterCases = [
    ["no filter", {}],
    ["a member", { membershipId: grace.membershipId }],
    ["from", { from: day }],
    ["to", { to: day }],
    ["one day", { from: day, to: day }],
    ["a project", { projectId: middle.projectId }],
    ["a client", { clientId: middle.project.clientId }],
    ["billable", { billable: true }],
    ["not billable", { billable: false }],
    ["invoiced", { invoiced: true }],
    ["not invoiced", { invoiced: false }],
    ["tags", { tagIds: tagged.tags.map((t) => t.tagId) }],
    ["everything at once", { membershipId: middle.membershipId, to: day, clientId: middle.project.clientId, billable: middle.billable, invoiced: middle.invoiceLineId !== null, tagIds: tagged.tags.map((t) => t.tagId) }],
  ];
});

async function idsByWhere(scope: TimeEntryScope): Promise<string[]> {
  const rows = await db.timeEntry.findMany({ where: scopeWhere(scope), select: { id: true }, orderBy: [{ startedAt: "desc" }, { id: "desc" }] });
  return rows.map((r) => r.id);
}

async function idsBySql(scope: TimeEntryScope): Promise<string[]> {
  const rows = await readRows(Prisma.sql`SELECT "TimeEntry"."id" FROM "TimeEntry" WHERE ${scopeSql(scope)} ORDER BY "TimeEntry"."startedAt" DESC, "TimeEntry"."id" DESC`);
  return rows.map(([id]) => id as string);
}

describe("TimeEntryScope", () => {
  it("picks the same entries as SQL and as Prisma's where, for every filter", async () => {
    for (const [name, filters] of filterCases) {
      const scope = await timeEntryScope(ada, filters);
      const expected = await idsByWhere(scope);
      expect({ name, ids: await idsBySql(scope) }).toEqual({ name, ids: expected });
    }
    // Not vacuous: the filters split the entries differently, and "everything at once" finds some.
    const counts = await Promise.all(filterCases.map(async ([, f]) => (await idsByWhere(await timeEntryScope(ada, f))).length));
    expect(new Set(counts).size).toBeGreaterThan(5);
    expect(counts.at(-1)).toBeGreaterThan(0);
  });

  it("keeps a member to their own entries, whatever they ask for", async () => {
    const scope = await timeEntryScope(grace, {});
    expect(scope.membershipId).toBe(grace.membershipId);
    const ids = await idsBySql(scope);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(await idsByWhere(scope));
    const owners = await db.timeEntry.findMany({ where: { id: { in: ids } }, select: { membershipId: true }, distinct: ["membershipId"] });
    expect(owners).toEqual([{ membershipId: grace.membershipId }]);
  });

  it("refuses a member another member's entries, and `from` after `to`", async () => {
    await expect(timeEntryScope(grace, { membershipId: ada.membershipId }, "export")).rejects.toMatchObject({ code: "forbidden", message: "A member can only export their own time entries." });
    await expect(timeEntryScope(ada, { from: "2026-02-02", to: "2026-02-01" })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { from: "is after to" } });
  });
});
