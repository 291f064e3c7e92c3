import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { loadDemoData } from "@/lib/testing/demo-data";
import { createProjectRow, createTimeEntryRow } from "@/prisma/seed/factories";
import { findOverlappingEntries } from "./find-overlapping-entries";
import { nextStartAfter, suggestNextStart } from "./suggest-next-start";

// Lovelace Studio reads dates in Europe/London; early March 2025 is GMT (UTC+0) and holds no demo time.
const LONDON = "Europe/London";
let ada: Actor;
let grace: Actor;
let project: string;

const at = (iso: string) => new Date(iso);
const track = (actor: Actor, startedAt: string, minutes: number) =>
  createTimeEntryRow(db, { workspaceId: actor.workspaceId, membershipId: actor.membershipId, projectId: project, startedAt: at(startedAt), durationSeconds: minutes * 60, hourlyRate: 0 });

beforeAll(async () => {
  const demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
  grace = await resolveActor(demo.grace.id, { slug: "lovelace-studio" });
  project = (await createProjectRow(db, ada.workspaceId, demo.babbage.id, { name: "Overlap lab" })).id;
});

describe("where the next entry starts (nextStartAfter)", () => {
  it("starts an empty day at 09:00 local time", () => {
    expect(nextStartAfter("2025-07-01", [], LONDON)).toEqual({ date: "2025-07-01", startTime: "09:00", startedAt: at("2025-07-01T08:00:00Z") });
  });

  it("starts where the latest-ending entry ended, not the latest-starting one", () => {
    const entries = [
      { startedAt: at("2025-03-03T09:00:00Z"), durationSeconds: 5 * 3600 }, // 09:00–14:00
      { startedAt: at("2025-03-03T10:00:00Z"), durationSeconds: 3600 }, // 10:00–11:00
    ];
    expect(nextStartAfter("2025-03-03", entries, LONDON)).toMatchObject({ date: "2025-03-03", startTime: "14:00" });
  });

  it("rounds an end within a minute up to the next whole minute, so the suggestion never overlaps", () => {
    const suggestion = nextStartAfter("2025-03-03", [{ startedAt: at("2025-03-03T09:00:00Z"), durationSeconds: 5_130 }], LONDON); // ends 10:25:30
    expect(suggestion).toMatchObject({ startTime: "10:26", startedAt: at("2025-03-03T10:26:00Z") });
  });

  it("moves to the next day when the day's last entry ran past midnight", () => {
    expect(nextStartAfter("2025-03-03", [{ startedAt: at("2025-03-03T23:00:00Z"), durationSeconds: 7_200 }], LONDON)).toMatchObject({ date: "2025-03-04", startTime: "01:00" });
  });
});

describe("suggesting the next start from the database (suggestNextStart)", () => {
  it("follows the member's own entries of that day only", async () => {
    await track(ada, "2025-03-04T09:00:00Z", 85); // 09:00–10:25
    await track(grace, "2025-03-04T09:00:00Z", 300); // Grace's 09:00–14:00 is not Ada's day
    await track(ada, "2025-03-05T07:00:00Z", 600); // the next day is not this day
    expect(await suggestNextStart(ada, { date: "2025-03-04" })).toMatchObject({ date: "2025-03-04", startTime: "10:25" });
    expect(await suggestNextStart(ada, { date: "2025-03-06" })).toMatchObject({ startTime: "09:00" });
  });

  it("lets an owner ask about a member's day", async () => {
    expect(await suggestNextStart(ada, { date: "2025-03-04", membershipId: grace.membershipId })).toMatchObject({ startTime: "14:00" });
  });

  it("refuses a member asking about someone else's day", async () => {
    await expect(suggestNextStart(grace, { date: "2025-03-04", membershipId: ada.membershipId })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses a date that is not YYYY-MM-DD", async () => {
    await expect(suggestNextStart(ada, { date: "4 March" })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { date: expect.any(String) } });
  });
});

describe("overlapping time (findOverlappingEntries)", () => {
  // The example: 09:00–10:25 already tracked on the 10th.
  let morning: string;
  beforeAll(async () => {
    morning = (await track(ada, "2025-03-10T09:00:00Z", 85)).id;
    await track(grace, "2025-03-10T11:00:00Z", 60); // Grace's, never Ada's overlap
  });
  const overlaps = (startedAt: string, minutes: number, excludeEntryId?: string) =>
    findOverlappingEntries(ada, { startedAt: at(startedAt), durationSeconds: minutes * 60, excludeEntryId }).then((list) => list.map((e) => e.id));

  it("finds the 09:00–10:25 entry under a new 09:00–09:07 one, with its project and end", async () => {
    const [found] = await findOverlappingEntries(ada, { startedAt: at("2025-03-10T09:00:00Z"), durationSeconds: 420 });
    expect(found).toMatchObject({ id: morning, startedAt: at("2025-03-10T09:00:00Z"), endedAt: at("2025-03-10T10:25:00Z"), project: { id: project, name: "Overlap lab" }, task: null });
  });

  it.each([
    { name: "a new entry inside it", start: "2025-03-10T09:30:00Z", minutes: 10, expected: true },
    { name: "a new entry around it", start: "2025-03-10T08:00:00Z", minutes: 180, expected: true },
    { name: "one overlapping its end", start: "2025-03-10T10:20:00Z", minutes: 30, expected: true },
    { name: "one overlapping its start", start: "2025-03-10T08:30:00Z", minutes: 31, expected: true },
    { name: "one that starts where it ends (touching)", start: "2025-03-10T10:25:00Z", minutes: 30, expected: false },
    { name: "one that ends where it starts (touching)", start: "2025-03-10T08:30:00Z", minutes: 30, expected: false },
    { name: "one on top of another member's entry", start: "2025-03-10T11:00:00Z", minutes: 60, expected: false },
  ])("$name: overlap $expected", async ({ start, minutes, expected }) => {
    expect(await overlaps(start, minutes)).toEqual(expected ? [morning] : []);
  });

  it("finds an entry of the day before that runs into this one", async () => {
    const lateNight = (await track(ada, "2025-03-11T22:00:00Z", 180)).id; // 22:00–01:00
    expect(await overlaps("2025-03-12T00:30:00Z", 60)).toEqual([lateNight]);
  });

  it("never counts the entry being edited as its own overlap", async () => {
    expect(await overlaps("2025-03-10T09:00:00Z", 90, morning)).toEqual([]);
  });

  it("lists every overlapped entry, earliest first", async () => {
    const second = (await track(ada, "2025-03-10T10:30:00Z", 30)).id;
    expect(await overlaps("2025-03-10T10:00:00Z", 60)).toEqual([morning, second]);
  });

  it("lets an owner check a member's time, and refuses a member checking someone else's", async () => {
    expect(await findOverlappingEntries(ada, { membershipId: grace.membershipId, startedAt: at("2025-03-10T11:30:00Z"), durationSeconds: 60 })).toHaveLength(1);
    await expect(findOverlappingEntries(grace, { membershipId: ada.membershipId, startedAt: at("2025-03-10T09:00:00Z"), durationSeconds: 60 })).rejects.toMatchObject({ code: "forbidden" });
  });

  it.each([
    { name: "a zero duration", input: { durationSeconds: 0 }, field: "durationSeconds" },
    { name: "a start without an offset", input: { startedAt: "2025-03-10T09:00:00" }, field: "startedAt" },
  ])("refuses $name", async ({ input, field }) => {
    await expect(findOverlappingEntries(ada, { startedAt: at("2025-03-10T09:00:00Z"), durationSeconds: 60, ...input })).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { [field]: expect.any(String) },
    });
  });
});
