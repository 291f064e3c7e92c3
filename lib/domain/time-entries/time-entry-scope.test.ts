/**
 * One scope, said two ways: Prisma's `where` (lists, reports) and SQL (the CSV export's pages,
 * read through readRows). For every filter, alone and combined, both pick the same entries in
 * the same order, on the engine this run uses (SQLite, and PostgreSQL in its pass).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { localDateOf } from "@/lib/domain/dates";
import { loadDemoData } from "@/lib/testing/demo-data";
import { scopeSql, scopeWhere, timeEntryScope, type TimeEntryFilters, type TimeEntryScope } from "./time-entry-scope";

let ada: Actor;
let grace: Actor;
let filterCases: Array<[string, TimeEntryFilters]>;
/** Every entry of the workspace with what the filters look at, to work out the answer without the code under test. */
let everything: Array<{ id: string; startedAt: Date; membershipId: string; projectId: string; clientId: string; billable: boolean; invoiced: boolean; tagIds: string[] }>;
let timeZone: string;
/** Another workspace's member, project, client and tag: the same miss as ids that exist nowhere. */
let elsewhere: { membershipId: string; projectId: string; clientId: string; tagId: string };

beforeAll(async () => {
  const demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
  grace = await resolveActor(demo.grace.id, { slug: "lovelace-studio" });
  const entries = await db.timeEntry.findMany({ where: { workspaceId: ada.workspaceId }, include: { project: true, tags: true }, orderBy: { startedAt: "asc" } });
  const tagged = entries.find((e) => e.tags.length > 0);
  const middle = entries[Math.floor(entries.length / 2)];
  if (!tagged || !middle) throw new Error("The demo data has no tagged entry.");
  timeZone = (await db.workspace.findUniqueOrThrow({ where: { id: ada.workspaceId } })).timeZone;
  everything = entries.map((e) => ({
    id: e.id,
    startedAt: e.startedAt,
    membershipId: e.membershipId,
    projectId: e.projectId,
    clientId: e.project.clientId,
    billable: e.billable,
    invoiced: e.invoiceLineId !== null,
    tagIds: e.tags.map((t) => t.tagId),
  }));
  const engines = await db.project.findFirstOrThrow({ where: { id: demo.gearTrain.id } });
  const enginesTag = await db.tag.findFirst({ where: { workspaceId: engines.workspaceId } }) ?? await db.tag.create({ data: { workspaceId: engines.workspaceId, name: "Elsewhere" } });
  const enginesMember = await db.membership.findFirstOrThrow({ where: { workspaceId: engines.workspaceId } });
  elsewhere = { membershipId: enginesMember.id, projectId: engines.id, clientId: engines.clientId, tagId: enginesTag.id };
  const day = localDateOf(middle.startedAt, timeZone);
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

/** The entries `filters` mean for `actor`, worked out in plain code from every entry (newest first). */
function expectedIds(actor: Actor, filters: TimeEntryFilters): string[] {
  const own = actor.role === "member" ? actor.membershipId : undefined;
  return everything
    .filter((e) => (own ?? filters.membershipId ?? e.membershipId) === e.membershipId)
    .filter((e) => !filters.from || localDateOf(e.startedAt, timeZone) >= filters.from)
    .filter((e) => !filters.to || localDateOf(e.startedAt, timeZone) <= filters.to)
    .filter((e) => !filters.projectId || e.projectId === filters.projectId)
    .filter((e) => !filters.clientId || e.clientId === filters.clientId)
    .filter((e) => filters.billable === undefined || e.billable === filters.billable)
    .filter((e) => filters.invoiced === undefined || e.invoiced === filters.invoiced)
    .filter((e) => !filters.tagIds?.length || e.tagIds.some((t) => filters.tagIds!.includes(t)))
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((e) => e.id);
}

describe("TimeEntryScope", () => {
  it("means what each filter says, for an owner and for a member (worked out without it)", async () => {
    for (const actor of [ada, grace]) {
      for (const [name, filters] of filterCases) {
        if (actor === grace && filters.membershipId && filters.membershipId !== grace.membershipId) continue;
        const scope = await timeEntryScope(actor, filters);
        const expected = expectedIds(actor, filters);
        expect({ actor: actor.role, name, ids: await idsByWhere(scope) }).toEqual({ actor: actor.role, name, ids: expected });
        expect({ actor: actor.role, name, ids: await idsBySql(scope) }).toEqual({ actor: actor.role, name, ids: expected });
      }
    }
  });

  it("sets only what the filters give: no filter is the whole workspace (an owner) or one's own time (a member)", async () => {
    expect(await timeEntryScope(ada, {})).toStrictEqual({ workspaceId: ada.workspaceId });
    expect(await timeEntryScope(grace, {})).toStrictEqual({ workspaceId: grace.workspaceId, membershipId: grace.membershipId });
    expect(await timeEntryScope(grace, { membershipId: grace.membershipId })).toStrictEqual({ workspaceId: grace.workspaceId, membershipId: grace.membershipId });
    expect(await timeEntryScope(ada, { billable: false, invoiced: false, tagIds: [] })).toStrictEqual({ workspaceId: ada.workspaceId, billable: false, invoiced: false });
  });

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

  it("refuses a member another member's entries, `from` after `to`, and dates outside the calendar", async () => {
    await expect(timeEntryScope(grace, { membershipId: ada.membershipId }, "export")).rejects.toMatchObject({ code: "forbidden", message: "A member can only export their own time entries." });
    await expect(timeEntryScope(grace, { membershipId: ada.membershipId })).rejects.toMatchObject({ code: "forbidden", message: "A member can only list their own time entries." });
    await expect(timeEntryScope(ada, { from: "2026-02-02", to: "2026-02-01" })).rejects.toMatchObject({
      code: "invalid_input",
      message: "from: must be on or before to",
      fieldErrors: { from: "must be on or before to" },
    });
    // The day after 9999-12-31 is in year 10000, which matched nothing: refused, with the range named.
    await expect(timeEntryScope(ada, { to: "9999-12-31" })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { to: "must be a date from 2000-01-01 to 2099-12-31" } });
    await expect(timeEntryScope(ada, { from: "0001-01-01" })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { from: "must be a date from 2000-01-01 to 2099-12-31" } });
    await expect(timeEntryScope(ada, { from: "2000-01-01", to: "2099-12-31" })).resolves.toMatchObject({ workspaceId: ada.workspaceId });
    await expect(timeEntryScope(ada, { from: "2026-02-01", to: "2026-02-01" })).resolves.toMatchObject({ workspaceId: ada.workspaceId });
  });

  it("refuses a member, project, client or tag id that is not the workspace's, naming the field; another workspace's ids alike", async () => {
    const aTag = everything.find((e) => e.tagIds.length)!.tagIds[0]!;
    for (const [field, filters, message] of [
      ["membershipId", { membershipId: "zzz" }, "no member with this id in this workspace"],
      ["membershipId", { membershipId: elsewhere.membershipId }, "no member with this id in this workspace"],
      ["projectId", { projectId: "zzz" }, "no project with this id in this workspace"],
      ["projectId", { projectId: elsewhere.projectId }, "no project with this id in this workspace"],
      ["clientId", { clientId: "nope" }, "no client with this id in this workspace"],
      ["clientId", { clientId: elsewhere.clientId }, "no client with this id in this workspace"],
      ["tagIds", { tagIds: [aTag, "zzz"] }, "has an id with no tag in this workspace"],
      ["tagIds", { tagIds: [elsewhere.tagId] }, "has an id with no tag in this workspace"],
    ] as Array<[string, TimeEntryFilters, string]>) {
      for (const verb of ["list", "export"]) {
        await expect(timeEntryScope(ada, filters, verb), `${field} ${JSON.stringify(filters)}`).rejects.toMatchObject({
          code: "invalid_input",
          message: `${field}: ${message}`,
          fieldErrors: { [field]: message },
        });
      }
    }
    // A member gets the same answer for an unknown project; another member's id stays a 403 (a permission, checked first).
    await expect(timeEntryScope(grace, { projectId: "zzz" })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { projectId: "no project with this id in this workspace" } });
    await expect(timeEntryScope(grace, { membershipId: "zzz" })).rejects.toMatchObject({ code: "forbidden" });
    // Several unknown ids are all named at once.
    await expect(timeEntryScope(ada, { projectId: "zzz", clientId: "nope" })).rejects.toMatchObject({
      message: "projectId: no project with this id in this workspace; clientId: no client with this id in this workspace",
    });
  });
});
