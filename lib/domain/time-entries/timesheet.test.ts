import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { loadDemoData } from "@/lib/testing/demo-data";
import { rejection, STAGGERS_MS, startApart } from "@/lib/testing/race";
import { createInvoiceRow, createProjectRow, createTaskRow, createTimeEntryRow } from "@/prisma/seed/factories";
import { getTimesheet } from "./get-timesheet";
import { CELL_CHANGED_MEANWHILE, setTimesheetCell } from "./set-timesheet-cell";

// Lovelace Studio reads dates in Europe/London; the week of Monday 2025-03-03 is GMT and holds no demo time.
const MONDAY = "2025-03-03";
let ada: Actor;
let grace: Actor;
let site: string;
let design: string;
let docs: string;
let clientId: string;

const at = (iso: string) => new Date(iso);
const track = (actor: Actor, projectId: string, startedAt: string, minutes: number, taskId: string | null = null) =>
  createTimeEntryRow(db, { workspaceId: actor.workspaceId, membershipId: actor.membershipId, projectId, taskId, startedAt: at(startedAt), durationSeconds: minutes * 60, hourlyRate: 0 });
const cellEntries = (actor: Actor, projectId: string, taskId: string | null, day: string) =>
  db.timeEntry.findMany({ where: { membershipId: actor.membershipId, projectId, taskId, startedAt: { gte: at(`${day}T00:00:00Z`), lt: at(`${day}T23:59:59Z`) } } });

beforeAll(async () => {
  const demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
  grace = await resolveActor(demo.grace.id, { slug: "lovelace-studio" });
  clientId = demo.babbage.id;
  site = (await createProjectRow(db, ada.workspaceId, clientId, { name: "Website redesign" })).id;
  design = (await createTaskRow(db, ada.workspaceId, site, { name: "Design" })).id;
  docs = (await createProjectRow(db, ada.workspaceId, clientId, { name: "Docs sheet" })).id;
});

describe("the week's timesheet (getTimesheet)", () => {
  beforeAll(async () => {
    await track(ada, site, "2025-03-03T09:00:00Z", 90, design);
    await track(ada, site, "2025-03-04T09:00:00Z", 30, design);
    await track(ada, site, "2025-03-04T13:00:00Z", 45, design); // two entries: Tuesday's Design cell
    await track(ada, site, "2025-03-05T09:00:00Z", 60); // Website redesign, no task: a row of its own
    await track(ada, docs, "2025-03-09T23:30:00Z", 20); // Sunday 23:30 London: still this week
    await track(ada, docs, "2025-03-10T00:10:00Z", 20); // Monday after: next week
    await track(grace, site, "2025-03-03T09:00:00Z", 240, design); // Grace's, not on Ada's sheet
  });

  it("has a row per project and task, a cell per day, and totals that add up", async () => {
    const sheet = await getTimesheet(ada, { week: "2025-03-06" });
    expect(sheet.days).toEqual(["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07", "2025-03-08", "2025-03-09"]);
    expect(sheet.rows.map((r) => [r.project.name, r.task?.name ?? null, r.cells.map((c) => c.minutes), r.totalMinutes])).toEqual([
      ["Docs sheet", null, [0, 0, 0, 0, 0, 0, 20], 20],
      ["Website redesign", null, [0, 0, 60, 0, 0, 0, 0], 60],
      ["Website redesign", "Design", [90, 75, 0, 0, 0, 0, 0], 165],
    ]);
    expect(sheet.dayTotalsMinutes).toEqual([90, 75, 60, 0, 0, 0, 20]);
    expect(sheet.totalMinutes).toBe(245);
  });

  it("makes a cell of several entries read-only, saying why", async () => {
    const sheet = await getTimesheet(ada, { week: MONDAY });
    const design = sheet.rows.find((r) => r.task?.name === "Design")!;
    expect(design.cells[0]!.readOnly).toBeNull();
    expect(design.cells[1]!.readOnly).toMatch(/^2 entries make up this cell on Tue 4 Mar/);
  });

  it("shows an owner a member's week, and refuses a member someone else's", async () => {
    const graces = await getTimesheet(ada, { week: MONDAY, membershipId: grace.membershipId });
    expect(graces.rows.map((r) => r.cells[0]!.minutes)).toEqual([240]);
    await expect(getTimesheet(grace, { week: MONDAY, membershipId: ada.membershipId })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses a member who is not in the workspace, and a week that is not a date", async () => {
    await expect(getTimesheet(ada, { week: MONDAY, membershipId: "not-a-member" })).rejects.toMatchObject({ code: "not_found" });
    await expect(getTimesheet(ada, { week: "next week" })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { week: expect.any(String) } });
  });
});

describe("typing into a cell (setTimesheetCell)", () => {
  const WEDNESDAY = "2025-03-12";

  it("creates an entry in an empty cell, starting where the day's last entry ended", async () => {
    await track(ada, docs, "2025-03-12T09:00:00Z", 85); // 09:00–10:25 on another row
    const change = await setTimesheetCell(ada, { projectId: site, taskId: design, date: WEDNESDAY, durationSeconds: 5_400 });
    expect(change.outcome).toBe("created");
    expect(change.entry).toMatchObject({ startedAt: at("2025-03-12T10:25:00Z"), durationSeconds: 5_400, task: { id: design }, member: { id: ada.membershipId } });
  });

  it("starts a new entry at 09:00 on an empty day", async () => {
    const change = await setTimesheetCell(ada, { projectId: site, taskId: null, date: "2025-03-13", durationSeconds: 1_800 });
    expect(change.entry.startedAt).toEqual(at("2025-03-13T09:00:00Z"));
  });

  it("changes the duration of a cell's one entry, keeping its start", async () => {
    const change = await setTimesheetCell(ada, { projectId: site, taskId: design, date: WEDNESDAY, durationSeconds: 7_200 });
    expect(change).toMatchObject({ outcome: "updated", entry: { startedAt: at("2025-03-12T10:25:00Z"), durationSeconds: 7_200 } });
    expect(await cellEntries(ada, site, design, WEDNESDAY)).toHaveLength(1);
    expect((await setTimesheetCell(ada, { projectId: site, taskId: design, date: WEDNESDAY, durationSeconds: 7_200 })).outcome).toBe("unchanged");
  });

  it("refuses a cell of several entries and changes none of them", async () => {
    await track(ada, docs, "2025-03-14T09:00:00Z", 30);
    await track(ada, docs, "2025-03-14T11:00:00Z", 30);
    await expect(setTimesheetCell(ada, { projectId: docs, taskId: null, date: "2025-03-14", durationSeconds: 3_600 })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/2 entries make up this cell on Fri 14 Mar.*Time page/),
    });
    expect((await cellEntries(ada, docs, null, "2025-03-14")).map((e) => e.durationSeconds)).toEqual([1_800, 1_800]);
  });

  it("refuses an invoiced entry with the advice for this person, and leaves it alone", async () => {
    const invoice = await createInvoiceRow(db, { workspaceId: ada.workspaceId, clientId, number: 9_001, status: "sent" });
    const line = await db.invoiceLine.create({ data: { invoiceId: invoice.id, position: 1, description: "Docs", quantitySeconds: 3_600, unitRate: 0, amount: 0 } });
    const billed = await track(grace, docs, "2025-03-17T09:00:00Z", 60);
    await db.timeEntry.update({ where: { id: billed.id }, data: { invoiceLineId: line.id } });

    await expect(setTimesheetCell(grace, { projectId: docs, taskId: null, date: "2025-03-17", durationSeconds: 600 })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/billed on invoice INV-9001; ask an owner or admin/),
    });
    await expect(setTimesheetCell(ada, { membershipId: grace.membershipId, projectId: docs, taskId: null, date: "2025-03-17", durationSeconds: 600 })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/void INV-9001 or issue a credit note/),
    });
    expect((await db.timeEntry.findUniqueOrThrow({ where: { id: billed.id } })).durationSeconds).toBe(3_600);
    const sheet = await getTimesheet(grace, { week: "2025-03-17" });
    expect(sheet.rows[0]!.cells[0]!.readOnly).toMatch(/billed on invoice INV-9001/);
  });

  it("lets an owner fill in a member's timesheet", async () => {
    const change = await setTimesheetCell(ada, { membershipId: grace.membershipId, projectId: site, taskId: null, date: "2025-03-18", durationSeconds: 900 });
    expect(change.entry.member.id).toBe(grace.membershipId);
  });

  it("refuses a member filling in someone else's timesheet, and creates nothing", async () => {
    const before = await db.timeEntry.count();
    await expect(setTimesheetCell(grace, { membershipId: ada.membershipId, projectId: site, taskId: null, date: "2025-03-18", durationSeconds: 900 })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.timeEntry.count()).toBe(before);
  });

  it.each([
    { name: "a zero duration", input: { durationSeconds: 0 }, field: "durationSeconds" },
    { name: "a duration over 24 hours", input: { durationSeconds: 86_401 }, field: "durationSeconds" },
    { name: "a fractional duration", input: { durationSeconds: 90.5 }, field: "durationSeconds" },
    { name: "a date that is not a date", input: { date: "2025-02-30" }, field: "date" },
    { name: "a task of another project", input: { projectId: "DOCS", taskId: "DESIGN" }, field: "taskId" },
  ])("refuses $name and creates nothing", async ({ input, field }) => {
    const resolved = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === "DOCS" ? docs : v === "DESIGN" ? design : v]));
    const before = await db.timeEntry.count();
    await expect(setTimesheetCell(ada, { projectId: site, taskId: null, date: "2025-03-19", durationSeconds: 600, ...resolved })).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { [field]: expect.any(String) },
    });
    expect(await db.timeEntry.count()).toBe(before);
  });

  it("never creates two entries when two edits of one empty cell race", async () => {
    for (const [round, stagger] of STAGGERS_MS.entries()) {
      const date = `2025-04-${String(round + 1).padStart(2, "0")}`;
      const edit = (minutes: number) => () => setTimesheetCell(ada, { projectId: docs, taskId: null, date, durationSeconds: minutes * 60 });
      const results = await startApart(edit(30), edit(45), stagger);
      for (const result of results) if (result.status === "rejected") expect(rejection(result)).toMatchObject({ code: "conflict", message: CELL_CHANGED_MEANWHILE });
      expect(results.some((r) => r.status === "fulfilled")).toBe(true);
      const entries = await cellEntries(ada, docs, null, date);
      expect(entries, `round ${round} (${stagger} ms apart)`).toHaveLength(1);
    }
  });
});

describe("a cell's time stays in its day and never overlaps silently (setTimesheetCell)", () => {
  const entryOf = (id: string) => db.timeEntry.findUniqueOrThrow({ where: { id } });

  it("refuses lengthening an entry past the day's midnight, naming the most that fits, and changes nothing", async () => {
    const entry = await track(ada, docs, "2025-03-24T11:45:00Z", 60); // Mon 11:45–12:45 London (GMT)
    await expect(setTimesheetCell(ada, { projectId: docs, taskId: null, date: "2025-03-24", durationSeconds: 23 * 3_600 })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/starts at 11:45, so it can be at most 12:15 to end by midnight/),
      fieldErrors: { durationSeconds: "can be at most 12:15 to end by midnight" },
    });
    expect((await entryOf(entry.id)).durationSeconds).toBe(3_600);
    // Ending exactly at midnight fits.
    const change = await setTimesheetCell(ada, { projectId: docs, taskId: null, date: "2025-03-24", durationSeconds: 12 * 3_600 + 15 * 60 });
    expect(change).toMatchObject({ outcome: "updated", entry: { durationSeconds: 44_100 } });
  });

  it("refuses a new entry that would run past midnight from where the day left off, and creates nothing", async () => {
    await track(ada, site, "2025-03-25T09:00:00Z", 600); // 09:00–19:00
    const before = await db.timeEntry.count();
    await expect(setTimesheetCell(ada, { projectId: docs, taskId: null, date: "2025-03-25", durationSeconds: 86_400 })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/start at 19:00.*at most 5:00 to end by midnight/),
      fieldErrors: { durationSeconds: expect.any(String) },
    });
    expect(await db.timeEntry.count()).toBe(before);
  });

  it("refuses lengthening an entry into the member's next one, naming it, and allows touching it", async () => {
    const entry = await track(ada, docs, "2025-03-26T09:00:00Z", 60); // 09:00–10:00
    await track(ada, site, "2025-03-26T10:30:00Z", 60, design); // 10:30–11:30, another row
    await track(grace, site, "2025-03-26T10:00:00Z", 120); // Grace's time never counts against Ada's
    await expect(setTimesheetCell(ada, { projectId: docs, taskId: null, date: "2025-03-26", durationSeconds: 7_200 })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/Wed 26 Mar 09:00–11:00 and overlap an entry already tracked: Website redesign · Design, Wed 26 Mar 10:30–11:30\. Nothing was saved.*Time page/),
    });
    expect((await entryOf(entry.id)).durationSeconds).toBe(3_600);
    // Ending at 10:30, where the next entry starts, touches it: no overlap.
    expect((await setTimesheetCell(ada, { projectId: docs, taskId: null, date: "2025-03-26", durationSeconds: 5_400 })).outcome).toBe("updated");
  });

  it("refuses a new entry overlapping time that ran past midnight into its day, and creates nothing", async () => {
    await track(ada, site, "2025-03-27T22:00:00Z", 720); // Thu 22:00 – Fri 10:00
    const before = await db.timeEntry.count();
    await expect(setTimesheetCell(ada, { projectId: docs, taskId: null, date: "2025-03-28", durationSeconds: 1_800 })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/Fri 28 Mar 09:00–09:30 and overlap an entry already tracked: Website redesign, Thu 27 Mar 22:00–10:00/),
    });
    expect(await db.timeEntry.count()).toBe(before);
  });

  it("lets an entry that already overlaps be shortened or lengthened without new overlaps", async () => {
    const entry = await track(ada, docs, "2025-03-31T09:00:00Z", 120); // Mon 10:00–12:00 BST
    await track(ada, site, "2025-03-31T10:00:00Z", 30); // 11:00–11:30 BST, overlapped already (saved on the Time page)
    expect((await setTimesheetCell(ada, { projectId: docs, taskId: null, date: "2025-03-31", durationSeconds: 9_000 })).outcome).toBe("updated");
    expect((await setTimesheetCell(ada, { projectId: docs, taskId: null, date: "2025-03-31", durationSeconds: 6_000 })).outcome).toBe("updated");
    expect((await entryOf(entry.id)).durationSeconds).toBe(6_000);
  });
});
