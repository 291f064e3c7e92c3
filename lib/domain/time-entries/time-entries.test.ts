import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { loadDemoData } from "@/lib/testing/demo-data";
import { createProjectRow, createTagRow, createTaskRow } from "@/prisma/seed/factories";
import { createTimeEntry } from "./create-time-entry";
import { deleteTimeEntry } from "./delete-time-entry";
import { getTimeEntry } from "./get-time-entry";
import { listTimeEntries } from "./list-time-entries";
import { updateTimeEntry } from "./update-time-entry";

let ada: Actor;
let grace: Actor;
let p: { website: string; docs: string; notes: string; archived: string; foreign: string; task: string; foreignTag: string; tag: string };

beforeAll(async () => {
  const demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
  grace = await resolveActor(demo.grace.id, { slug: "lovelace-studio" });
  const project = (name: string) => db.project.findFirstOrThrow({ where: { name } }).then((x) => x.id);
  const archived = await createProjectRow(db, ada.workspaceId, demo.babbage.id, { name: "Old project", archived: true });
  const website = await project("Analytical Engine Website");
  p = {
    website,
    docs: demo.docs.id,
    notes: await project("Translation Notes"),
    archived: archived.id,
    foreign: demo.gearTrain.id,
    task: (await createTaskRow(db, ada.workspaceId, website, { name: "Non-billable chores", billable: false })).id,
    foreignTag: (await createTagRow(db, demo.engines.id, "elsewhere")).id,
    tag: (await db.tag.findFirstOrThrow({ where: { workspaceId: ada.workspaceId, name: "design" } })).id,
  };
});

const at = new Date("2026-11-02T09:00:00Z");

describe("creating time entries", () => {
  it("snapshots the rate: a project's own rate, and a member-on-project rule over it", async () => {
    const adaEntry = await createTimeEntry(ada, { projectId: p.website, startedAt: at, durationSeconds: 3_600 });
    const graceEntry = await createTimeEntry(grace, { projectId: p.website, startedAt: at, durationSeconds: 3_600 });
    expect(adaEntry.hourlyRate).toBe(11_000);
    expect(graceEntry.hourlyRate).toBe(10_000);
  });

  it("keeps the recorded rate when the project's rate changes later", async () => {
    const entry = await createTimeEntry(ada, { projectId: p.docs, startedAt: at, durationSeconds: 3_600 });
    await db.project.update({ where: { id: p.docs }, data: { hourlyRate: 99_900 } });
    expect((await updateTimeEntry(ada, { id: entry.id, description: "edited" })).hourlyRate).toBe(12_000);
    expect((await updateTimeEntry(ada, { id: entry.id, projectId: p.notes })).hourlyRate).toBe(9_500);
    await db.project.update({ where: { id: p.docs }, data: { hourlyRate: 12_000 } });
  });

  it("takes billable from the task, then the project, unless given", async () => {
    expect((await createTimeEntry(ada, { projectId: p.website, taskId: p.task, startedAt: at, durationSeconds: 600 })).billable).toBe(false);
    expect((await createTimeEntry(ada, { projectId: p.website, startedAt: at, durationSeconds: 600 })).billable).toBe(true);
    expect((await createTimeEntry(ada, { projectId: p.website, startedAt: at, durationSeconds: 600, billable: false })).billable).toBe(false);
  });

  it("accepts an ISO date-time with an offset and tags", async () => {
    const entry = await createTimeEntry(ada, {
      projectId: p.website,
      startedAt: "2026-11-02T10:00:00+01:00",
      durationSeconds: 900,
      tagIds: [p.tag],
      description: "  Hero image  ",
    });
    expect(entry.startedAt.toISOString()).toBe("2026-11-02T09:00:00.000Z");
    expect(entry.description).toBe("Hero image");
    expect(entry.tags.map((t) => t.name)).toEqual(["design"]);
  });

  it.each([
    { name: "a zero duration", input: { durationSeconds: 0 }, field: "durationSeconds" },
    { name: "a duration over 24 hours", input: { durationSeconds: 86_401 }, field: "durationSeconds" },
    { name: "a fractional duration", input: { durationSeconds: 90.5 }, field: "durationSeconds" },
    { name: "a missing project", input: { projectId: "" }, field: "projectId" },
    { name: "another workspace's project", input: { projectId: "FOREIGN" }, field: "projectId" },
    { name: "an archived project", input: { projectId: "ARCHIVED" }, field: "projectId" },
    { name: "a task of another project", input: { projectId: "DOCS", taskId: "TASK" }, field: "taskId" },
    { name: "a date without an offset", input: { startedAt: "2026-11-02T09:00:00" }, field: "startedAt" },
    { name: "a date in the year 1815", input: { startedAt: "1815-12-10T09:00:00Z" }, field: "startedAt" },
    { name: "a date two years ahead", input: { startedAt: "2099-01-01T09:00:00Z" }, field: "startedAt" },
    { name: "a description over 1000 characters", input: { description: "x".repeat(1001) }, field: "description" },
    { name: "another workspace's tag", input: { tagIds: ["FOREIGN_TAG"] }, field: "tagIds" },
  ])("refuses $name", async ({ input, field }) => {
    const swap = (v: unknown) =>
      ({ FOREIGN: p.foreign, ARCHIVED: p.archived, DOCS: p.docs, TASK: p.task })[v as string] ?? v;
    const resolved = Object.fromEntries(
      Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => (x === "FOREIGN_TAG" ? p.foreignTag : x)) : swap(v)]),
    );
    const before = await db.timeEntry.count();
    await expect(
      createTimeEntry(ada, { projectId: p.website, startedAt: at, durationSeconds: 600, ...resolved }),
    ).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { [field]: expect.any(String) } });
    expect(await db.timeEntry.count()).toBe(before);
  });

  it.each(["1815-12-10T09:00:00Z", "2099-12-31T23:30:00Z"])("says which start times it takes when refusing %s: its field message names the rule, not just 'out of range'", async (startedAt) => {
    await expect(createTimeEntry(ada, { projectId: p.website, startedAt, durationSeconds: 600 })).rejects.toMatchObject({
      code: "invalid_input",
      message: "The start time must be between the year 2000 and one year from now.",
      fieldErrors: { startedAt: "must be between the year 2000 and one year from now" },
    });
  });
});

describe("editing and deleting", () => {
  it("replaces tags when given and keeps them otherwise", async () => {
    const entry = await createTimeEntry(ada, { projectId: p.website, startedAt: at, durationSeconds: 600, tagIds: [p.tag] });
    expect((await updateTimeEntry(ada, { id: entry.id, durationSeconds: 1_200 })).tags).toHaveLength(1);
    expect((await updateTimeEntry(ada, { id: entry.id, tagIds: [] })).tags).toHaveLength(0);
  });

  it("drops the old project's task when moving an entry to another project", async () => {
    const entry = await createTimeEntry(ada, { projectId: p.website, taskId: p.task, startedAt: at, durationSeconds: 600 });
    expect((await updateTimeEntry(ada, { id: entry.id, projectId: p.docs })).task).toBeNull();
  });

  it("deletes an entry, after which it is gone", async () => {
    const entry = await createTimeEntry(ada, { projectId: p.website, startedAt: at, durationSeconds: 600 });
    await deleteTimeEntry(ada, { id: entry.id });
    await expect(getTimeEntry(ada, entry.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteTimeEntry(ada, { id: entry.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("listing", () => {
  it("pages newest first through every entry exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let previous = Infinity;
    do {
      const page = await listTimeEntries(ada, { limit: 7, cursor });
      for (const e of page.entries) {
        expect(e.startedAt.getTime()).toBeLessThanOrEqual(previous);
        previous = e.startedAt.getTime();
        seen.push(e.id);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await db.timeEntry.count({ where: { workspaceId: ada.workspaceId } }));
  });

  it.each([
    { name: "billable", filter: { billable: true }, where: { billable: true } },
    { name: "non-billable", filter: { billable: false }, where: { billable: false } },
    { name: "invoiced", filter: { invoiced: true }, where: { invoiceLineId: { not: null } } },
    { name: "uninvoiced", filter: { invoiced: false }, where: { invoiceLineId: null } },
    { name: "one member", filter: { membershipId: "GRACE" }, where: { membershipId: "GRACE" } },
    { name: "one project", filter: { projectId: "DOCS" }, where: { projectId: "DOCS" } },
  ])("filters $name entries", async ({ filter, where }) => {
    const swap = (o: object) =>
      JSON.parse(JSON.stringify(o).replaceAll('"GRACE"', `"${grace.membershipId}"`).replaceAll('"DOCS"', `"${p.docs}"`));
    const page = await listTimeEntries(ada, { ...swap(filter), limit: 200 });
    expect(page.entries.length).toBe(await db.timeEntry.count({ where: { workspaceId: ada.workspaceId, ...swap(where) } }));
    expect(page.entries.length).toBeGreaterThan(0);
  });

  it("filters by a date range read in the workspace's time zone", async () => {
    // 23:30 UTC on 1 July is 00:30 on 2 July in London (BST).
    const entry = await createTimeEntry(ada, { projectId: p.website, startedAt: "2026-07-01T23:30:00Z", durationSeconds: 600 });
    const july2 = await listTimeEntries(ada, { from: "2026-07-02", to: "2026-07-02" });
    const july1 = await listTimeEntries(ada, { from: "2026-07-01", to: "2026-07-01" });
    expect(july2.entries.map((e) => e.id)).toContain(entry.id);
    expect(july1.entries.map((e) => e.id)).not.toContain(entry.id);
  });

  it.each([
    { name: "a garbled cursor", input: { cursor: "not-a-cursor" }, field: "cursor" },
    { name: "a limit over 200", input: { limit: 201 }, field: "limit" },
    { name: "from after to", input: { from: "2026-02-01", to: "2026-01-01" }, field: "from" },
  ])("refuses $name", async ({ input, field }) => {
    await expect(listTimeEntries(ada, input)).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { [field]: expect.any(String) } });
  });
});
