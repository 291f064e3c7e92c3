import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { setClock } from "@/lib/domain/clock";
import { localDateOf } from "@/lib/domain/dates";
import { endingBy, seedDemo, type EntrySpec } from "./demo";

afterAll(() => setClock(null));

const spec = (day: string, start: string, minutes: number): EntrySpec => ({
  actor: {} as Actor,
  project: { id: "p" },
  description: "",
  timeZone: "Europe/London",
  day,
  start,
  minutes,
});
const span = (specs: EntrySpec[]) =>
  specs.map((s) => {
    const start = s.startedAt ?? new Date(`${s.day}T${s.start}:00Z`);
    return [start.toISOString().slice(11, 16), new Date(start.getTime() + s.minutes * 60_000).toISOString().slice(11, 16)];
  });

describe("endingBy: a member's day of demo time, as it may be tracked at a moment", () => {
  // London is on UTC in January, so local times read as the ISO times below.
  const day = [spec("2026-01-13", "09:00", 60), spec("2026-01-13", "10:15", 30)];

  it("leaves a day that ends by the moment as it is", () => {
    expect(endingBy(day, new Date("2026-01-13T10:45:00Z"))).toEqual(day);
  });

  it("moves the day earlier together, by whole 5 minutes, so its last entry ends by the moment", () => {
    expect(span(endingBy(day, new Date("2026-01-13T10:07:00Z")))).toEqual([
      ["08:20", "09:20"],
      ["09:35", "10:05"],
    ]);
  });

  it("leaves out an entry that would then start before the day's midnight", () => {
    expect(span(endingBy(day, new Date("2026-01-13T01:02:00Z")))).toEqual([["00:30", "01:00"]]);
  });
});

describe("the demo seed", () => {
  it("tracks no time later than the moment it is seeded, and still some today", async () => {
    // A Tuesday morning: in London 10:07, in New York 05:07 (both workspaces' days have started, their 09:00 and 14:00 entries have not).
    const seededAt = new Date("2026-11-03T10:07:00Z");
    setClock(() => seededAt);
    await seedDemo();
    const entries = await db.timeEntry.findMany({ select: { startedAt: true, durationSeconds: true, description: true, workspace: { select: { timeZone: true } } } });
    const future = entries.filter((e) => e.startedAt.getTime() + e.durationSeconds * 1000 > seededAt.getTime());
    expect(future.map((e) => `${e.description} at ${e.startedAt.toISOString()}`)).toEqual([]);
    const today = entries.filter((e) => localDateOf(e.startedAt, e.workspace.timeZone) === localDateOf(seededAt, e.workspace.timeZone));
    expect(today.length).toBeGreaterThan(0);
  });

  it("gives no member overlapping entries (overlapping time is never saved silently, and the demo shows none)", async () => {
    const entries = await db.timeEntry.findMany({ select: { membershipId: true, startedAt: true, durationSeconds: true, description: true }, orderBy: [{ membershipId: "asc" }, { startedAt: "asc" }] });
    const overlaps: string[] = [];
    entries.forEach((entry, i) => {
      const previous = entries[i - 1];
      if (previous?.membershipId === entry.membershipId && previous.startedAt.getTime() + previous.durationSeconds * 1000 > entry.startedAt.getTime()) {
        overlaps.push(`${previous.description} (${previous.startedAt.toISOString()}) and ${entry.description} (${entry.startedAt.toISOString()})`);
      }
    });
    expect(overlaps).toEqual([]);
    expect(entries.length).toBeGreaterThan(40);
  });
});
