import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { setClock } from "@/lib/domain/clock";
import { DESCRIPTION_NOT_PRINTABLE } from "@/lib/domain/schemas";
import { createTimeEntry } from "@/lib/domain/time-entries/create-time-entry";
import { updateTimeEntry } from "@/lib/domain/time-entries/update-time-entry";
import { loadDemoData } from "@/lib/testing/demo-data";
import { rejection, STAGGERS_MS, startApart } from "@/lib/testing/race";
import { createProjectRow, createTagRow, createTaskRow } from "@/prisma/seed/factories";
import { continueTimeEntry } from "./continue-time-entry";
import { DISCARD_OTHER_TIMER, discardTimer } from "./discard-timer";
import { getRunningTimer } from "./get-running-timer";
import { startTimer } from "./start-timer";
import { STOP_OTHER_TIMER, stopTimer } from "./stop-timer";
import { EDIT_OTHER_TIMER, updateRunningTimer } from "./update-running-timer";

let ada: Actor;
let adaInEngines: Actor;
let grace: Actor;
let p: { website: string; docs: string; archived: string; foreign: string; chores: string; docsTask: string; tag: string; otherTag: string; foreignTag: string };

const T0 = new Date("2026-11-02T09:00:00Z");
let clock = T0;
/** Forty days on: an empty stretch of Ada's time for the tests that count overlaps. */
const FAR = 40 * 86400;
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const setNow = (seconds: number) => {
  clock = at(seconds);
};

beforeAll(async () => {
  const demo = await loadDemoData();
  setClock(() => clock);
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
  adaInEngines = await resolveActor(demo.ada.id, { slug: "analytical-engines" });
  grace = await resolveActor(demo.grace.id, { slug: "lovelace-studio" });
  const website = (await db.project.findFirstOrThrow({ where: { workspaceId: ada.workspaceId, name: "Analytical Engine Website" } })).id;
  p = {
    website,
    docs: demo.docs.id,
    archived: (await createProjectRow(db, ada.workspaceId, demo.babbage.id, { name: "Retired project", archived: true })).id,
    foreign: demo.gearTrain.id,
    chores: (await createTaskRow(db, ada.workspaceId, website, { name: "Timer chores", billable: false })).id,
    docsTask: (await db.task.findFirstOrThrow({ where: { projectId: demo.docs.id } })).id,
    tag: (await db.tag.findFirstOrThrow({ where: { workspaceId: ada.workspaceId, name: "design" } })).id,
    otherTag: (await db.tag.findFirstOrThrow({ where: { workspaceId: ada.workspaceId, name: "research" } })).id,
    foreignTag: (await createTagRow(db, demo.engines.id, "timer-elsewhere")).id,
  };
});

afterEach(async () => {
  setNow(0);
  await db.runningTimer.deleteMany({});
});
afterAll(() => setClock(null));

const entriesOf = (actor: Actor) => db.timeEntry.count({ where: { membershipId: actor.membershipId } });
const timerCount = () => db.runningTimer.count();

describe("starting a timer", () => {
  it("runs one timer per member, ticking from its start by the clock", async () => {
    const { timer } = await startTimer(ada, { projectId: p.docs, taskId: p.docsTask, description: "Carry tables", tagIds: [p.tag] });
    expect(timer).toMatchObject({ startedAt: T0, elapsedSeconds: 0, description: "Carry tables", project: { id: p.docs }, task: { id: p.docsTask }, tags: [{ id: p.tag, name: "design" }] });
    setNow(95);
    expect(await getRunningTimer(ada)).toMatchObject({ id: timer.id, elapsedSeconds: 95 });
    // Grace's timer, and Ada's in her other workspace, are theirs.
    expect(await getRunningTimer(grace)).toBeNull();
    expect(await getRunningTimer(adaInEngines)).toBeNull();
  });

  it("takes billable from the task, then the project, unless given — as entries do", async () => {
    expect((await startTimer(ada, { projectId: p.website, taskId: p.chores })).timer.billable).toBe(false);
    expect((await startTimer(grace, { projectId: p.website })).timer.billable).toBe(true);
    expect((await startTimer(adaInEngines, { projectId: p.foreign, billable: false })).timer.billable).toBe(false);
  });

  it("can start earlier than now (forgot to start it), but not in the future or over 24 hours ago", async () => {
    expect((await startTimer(ada, { projectId: p.docs, startedAt: at(-1800) })).timer.elapsedSeconds).toBe(1800);
    await discardTimer(ada);
    await expect(startTimer(ada, { projectId: p.docs, startedAt: at(3600) })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { startedAt: "is in the future" } });
    await expect(startTimer(ada, { projectId: p.docs, startedAt: at(-25 * 3600) })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { startedAt: "is more than 24 hours ago" } });
    expect(await timerCount()).toBe(0);
  });

  it.each([
    ["an archived project", () => ({ projectId: p.archived }), { projectId: "is archived" }],
    ["another workspace's project", () => ({ projectId: p.foreign }), { projectId: "is not a project in this workspace" }],
    ["a task of another project", () => ({ projectId: p.docs, taskId: p.chores }), { taskId: "does not belong to the project" }],
    ["another workspace's tag", () => ({ projectId: p.docs, tagIds: [p.foreignTag] }), { tagIds: "contains an unknown tag" }],
    ["no project", () => ({ projectId: "" }), { projectId: "is required" }],
    ["a description over 1000 characters", () => ({ projectId: p.docs, description: "x".repeat(1001) }), { description: "must be at most 1000 characters" }],
  ])("refuses %s and starts nothing", async (_, input, fieldErrors) => {
    await expect(startTimer(ada, input())).rejects.toMatchObject({ code: "invalid_input", fieldErrors });
    expect(await timerCount()).toBe(0);
  });

  it("refuses a second start naming the running timer, and changes nothing", async () => {
    const { timer } = await startTimer(ada, { projectId: p.docs, description: "Carry tables" });
    setNow(600);
    await expect(startTimer(ada, { projectId: p.website })).rejects.toMatchObject({
      code: "conflict",
      message: 'A timer is already running: Difference Engine Docs ("Carry tables"), started 2026-11-02 09:00 (Europe/London), running 0:10. Stop it before starting another.',
    });
    expect(await getRunningTimer(ada)).toMatchObject({ id: timer.id, project: { id: p.docs } });
  });

  it("with stopRunning, stops the running timer into an entry and starts the new one in one go", async () => {
    const before = await entriesOf(ada);
    await startTimer(ada, { projectId: p.docs, description: "First" });
    setNow(1800);
    const switched = await startTimer(ada, { projectId: p.website, description: "Second", stopRunning: true });
    expect(switched.stoppedEntry).toMatchObject({ startedAt: T0, durationSeconds: 1800, description: "First", project: { id: p.docs } });
    expect(switched.timer).toMatchObject({ startedAt: at(1800), description: "Second", project: { id: p.website } });
    expect(await entriesOf(ada)).toBe(before + 1);
    expect(await timerCount()).toBe(1);
  });

  it("with stopRunning, discards a previous run under a minute (too short to be an entry)", async () => {
    const before = await entriesOf(ada);
    await startTimer(ada, { projectId: p.docs });
    setNow(20);
    const switched = await startTimer(ada, { projectId: p.website, stopRunning: true });
    expect(switched).toMatchObject({ stoppedEntry: null, discardedPrevious: true });
    expect(await entriesOf(ada)).toBe(before);
  });

  it("refuses a switch whose new start is bad, and keeps the running timer", async () => {
    const { timer } = await startTimer(ada, { projectId: p.docs });
    setNow(1800);
    await expect(startTimer(ada, { projectId: p.archived, stopRunning: true })).rejects.toMatchObject({ code: "invalid_input" });
    expect((await getRunningTimer(ada))?.id).toBe(timer.id);
  });
});

describe("stopping a timer", () => {
  it("records an entry made as a hand-tracked one: rate resolved, billable, tags; the timer goes", async () => {
    const before = await entriesOf(grace);
    await startTimer(grace, { projectId: p.website, description: "Wireframes", tagIds: [p.tag, p.otherTag] });
    setNow(3725);
    const { entry } = await stopTimer(grace);
    expect(entry).toMatchObject({ startedAt: T0, durationSeconds: 3725, description: "Wireframes", billable: true, project: { id: p.website }, member: { id: grace.membershipId } });
    // The same rate createTimeEntry resolves for Grace on this project (a member-on-project rule).
    const byHand = await createTimeEntry(grace, { projectId: p.website, startedAt: T0, durationSeconds: 60 });
    expect(entry.hourlyRate).toBe(byHand.hourlyRate);
    expect(entry.tags.map((t) => t.name)).toEqual(["design", "research"]);
    expect(await entriesOf(grace)).toBe(before + 2);
    expect(await getRunningTimer(grace)).toBeNull();
  });

  it("stops at a given time (a forgotten timer)", async () => {
    await startTimer(ada, { projectId: p.docs });
    setNow(30 * 3600);
    const { entry } = await stopTimer(ada, { stoppedAt: at(2 * 3600).toISOString() });
    expect(entry.durationSeconds).toBe(7200);
  });

  it.each([
    ["a stop the moment it started", 0, undefined, { code: "conflict", message: "The timer has run for 0 seconds; a time entry is at least one minute. Keep it running, or discard it." }],
    ["a run under a minute", 59, undefined, { code: "conflict", message: "The timer has run for 59 seconds; a time entry is at least one minute. Keep it running, or discard it." }],
    ["a run over 24 hours", 25 * 3600, undefined, { code: "conflict", message: expect.stringContaining("longer than the 24 hours a time entry can hold") }],
    ["a stop time before the start", 3600, -60, { code: "invalid_input", fieldErrors: { stoppedAt: "must be after the start" } }],
    ["a stop time at the start", 3600, 0, { code: "invalid_input", fieldErrors: { stoppedAt: "must be after the start" } }],
    ["a stop time in the future", 3600, 7200, { code: "invalid_input", fieldErrors: { stoppedAt: "is in the future" } }],
  ])("refuses %s, records nothing and keeps the timer", async (_, elapsed, stopAt, error) => {
    const before = await entriesOf(ada);
    const { timer } = await startTimer(ada, { projectId: p.docs });
    setNow(elapsed);
    await expect(stopTimer(ada, stopAt === undefined ? {} : { stoppedAt: at(stopAt) })).rejects.toMatchObject(error);
    expect(await entriesOf(ada)).toBe(before);
    expect((await getRunningTimer(ada))?.id).toBe(timer.id);
  });

  it("names the timer's start in the workspace's time zone, not as a UTC timestamp, when the stop time is before it", async () => {
    await startTimer(adaInEngines, { projectId: p.foreign });
    setNow(3600);
    await expect(stopTimer(adaInEngines, { stoppedAt: at(-60) })).rejects.toMatchObject({
      code: "invalid_input",
      message: "The stop time must be after the timer's start, 2026-11-02 04:00 (America/New_York).",
      fieldErrors: { stoppedAt: "must be after the start" },
    });
  });

  it("names both starts in the workspace's time zone when a switch would start before the running timer", async () => {
    await startTimer(adaInEngines, { projectId: p.foreign, description: "Tolerances" });
    setNow(1800);
    await expect(startTimer(adaInEngines, { projectId: p.foreign, startedAt: at(-300), stopRunning: true })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/^The new timer would start at 2026-11-02 03:55 \(America\/New_York\), at or before the start of the running timer on Gear Train Audit \(started 2026-11-02 04:00 \(America\/New_York\)\)/),
    });
  });

  it("refuses when no timer runs, and when the timer seen is not the one running", async () => {
    await expect(stopTimer(ada)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("No timer is running") });
    const { timer } = await startTimer(ada, { projectId: p.docs });
    setNow(600);
    await expect(stopTimer(ada, { timerId: "an-older-timer" })).rejects.toMatchObject({ code: "conflict", message: STOP_OTHER_TIMER });
    expect((await getRunningTimer(ada))?.id).toBe(timer.id);
  });

  it("refuses a stop the entry rules refuse (the project was archived meanwhile), keeping the timer", async () => {
    const project = await createProjectRow(db, ada.workspaceId, (await db.project.findUniqueOrThrow({ where: { id: p.docs } })).clientId, { name: "Soon archived" });
    await startTimer(ada, { projectId: project.id });
    await db.project.update({ where: { id: project.id }, data: { archived: true } });
    setNow(600);
    await expect(stopTimer(ada)).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { projectId: "is archived" } });
    expect(await getRunningTimer(ada)).not.toBeNull();
  });
});

describe("continuing, editing and discarding", () => {
  it("continues one's own entry: same project, task, description, tags and billable, starting now", async () => {
    const entry = await createTimeEntry(ada, { projectId: p.website, taskId: p.chores, startedAt: at(-7200), durationSeconds: 1800, description: "Tidy", billable: true, tagIds: [p.tag] });
    const { timer } = await continueTimeEntry(ada, { id: entry.id });
    expect(timer).toMatchObject({ startedAt: T0, project: { id: p.website }, task: { id: p.chores }, description: "Tidy", billable: true, tags: [{ id: p.tag }] });
  });

  it("tells an owner, who can see another member's entry, that only one's own entries continue", async () => {
    const graces = await createTimeEntry(grace, { projectId: p.website, startedAt: at(-7200), durationSeconds: 1800 });
    await expect(continueTimeEntry(ada, { id: graces.id })).rejects.toMatchObject({ code: "forbidden", message: "You can only continue your own time entries." });
    expect(await timerCount()).toBe(0);
  });

  it("does not find another member's entry for a member who cannot see it, nor another workspace's", async () => {
    const adas = await createTimeEntry(ada, { projectId: p.website, startedAt: at(-7200), durationSeconds: 1800 });
    await expect(continueTimeEntry(grace, { id: adas.id })).rejects.toMatchObject({ code: "not_found", message: "Time entry was not found in this workspace." });
    await expect(continueTimeEntry(adaInEngines, { id: adas.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await timerCount()).toBe(0);
  });

  it("edits the running timer: another project drops the old task, tags are replaced", async () => {
    await startTimer(ada, { projectId: p.website, taskId: p.chores, tagIds: [p.tag] });
    const { timer: edited } = await updateRunningTimer(ada, { projectId: p.docs, description: "Moved", tagIds: [p.otherTag], startedAt: at(-600) });
    expect(edited).toMatchObject({ project: { id: p.docs }, task: null, description: "Moved", tags: [{ id: p.otherTag }], startedAt: at(-600), elapsedSeconds: 600 });
    await expect(updateRunningTimer(ada, { taskId: p.chores })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { taskId: "does not belong to the project" } });
    await expect(updateRunningTimer(ada, { startedAt: at(60) })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { startedAt: "is in the future" } });
    expect(await getRunningTimer(ada)).toMatchObject({ project: { id: p.docs }, description: "Moved" });
    await discardTimer(ada);
    await expect(updateRunningTimer(ada, { description: "x" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("discards the timer without recording an entry", async () => {
    const before = await entriesOf(ada);
    const { timer } = await startTimer(ada, { projectId: p.docs });
    setNow(900);
    expect(await discardTimer(ada, { timerId: timer.id })).toMatchObject({ id: timer.id, elapsedSeconds: 900 });
    expect(await entriesOf(ada)).toBe(before);
    expect(await getRunningTimer(ada)).toBeNull();
    await expect(discardTimer(ada)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("switching never counts time twice", () => {
  it("with an earlier start, stops the running timer at the new timer's start, not now", async () => {
    const before = await entriesOf(ada);
    setNow(FAR);
    await startTimer(ada, { projectId: p.docs, description: "First" });
    setNow(FAR + 1800);
    // Started 30 minutes ago, switched to a timer started 10 minutes ago: the first ran 20 minutes.
    const switched = await startTimer(ada, { projectId: p.website, startedAt: at(FAR + 1200), stopRunning: true });
    expect(switched.stoppedEntry).toMatchObject({ startedAt: at(FAR), durationSeconds: 1200, description: "First" });
    expect(switched.timer).toMatchObject({ startedAt: at(FAR + 1200), elapsedSeconds: 600 });
    expect(switched).toMatchObject({ discardedPrevious: false, overlaps: [], stoppedEntryOverlaps: [] });
    expect(await entriesOf(ada)).toBe(before + 1);
  });

  it("refuses a new start at or before the running timer's start, keeping it and recording nothing", async () => {
    const before = await entriesOf(ada);
    const { timer } = await startTimer(ada, { projectId: p.docs, startedAt: at(-600) });
    setNow(1800);
    for (const startedAt of [at(-600), at(-900)]) {
      await expect(startTimer(ada, { projectId: p.website, startedAt, stopRunning: true })).rejects.toMatchObject({
        code: "conflict",
        message: expect.stringContaining(
          "at or before the start of the running timer on Difference Engine Docs (started 2026-11-02 08:50 (Europe/London)), so the running timer would end before it began",
        ),
      });
    }
    expect((await getRunningTimer(ada))?.id).toBe(timer.id);
    expect(await entriesOf(ada)).toBe(before);
  });

  it("discards the running timer when the new start leaves it under a minute, and says so", async () => {
    const before = await entriesOf(ada);
    await startTimer(ada, { projectId: p.docs });
    setNow(1800);
    const switched = await startTimer(ada, { projectId: p.website, startedAt: at(59), stopRunning: true });
    expect(switched).toMatchObject({ stoppedEntry: null, discardedPrevious: true, timer: { startedAt: at(59) } });
    expect(await entriesOf(ada)).toBe(before);
  });

  it("continue stops the running timer now (it starts now)", async () => {
    const entry = await createTimeEntry(ada, { projectId: p.website, startedAt: at(-7200), durationSeconds: 1800 });
    await startTimer(ada, { projectId: p.docs });
    setNow(900);
    const switched = await continueTimeEntry(ada, { id: entry.id, stopRunning: true });
    expect(switched.stoppedEntry).toMatchObject({ startedAt: T0, durationSeconds: 900 });
    expect(switched.timer.startedAt).toEqual(at(900));
  });
});

describe("overlaps are reported, never silent", () => {
  // Ada tracked 08:30–08:50 by hand; the timer's runs below reach into it.
  // Far from the demo data and the other tests' entries, which stay in the database.
  beforeEach(async () => {
    setNow(FAR);
    await db.timeEntry.deleteMany({ where: { membershipId: ada.membershipId, startedAt: { gte: at(FAR - 86400) } } });
  });
  const tracked = () => createTimeEntry(ada, { projectId: p.website, startedAt: at(FAR - 1800), durationSeconds: 1200, description: "By hand" });

  it("a start inside tracked time reports it; a stop reports what the entry overlaps", async () => {
    const entry = await tracked();
    const started = await startTimer(ada, { projectId: p.docs, startedAt: at(FAR - 1200) });
    expect(started.overlaps.map((o) => o.id)).toEqual([entry.id]);
    setNow(FAR + 600);
    const stopped = await stopTimer(ada);
    expect(stopped.overlaps).toEqual([expect.objectContaining({ id: entry.id, startedAt: at(FAR - 1800), endedAt: at(FAR - 600), description: "By hand" })]);
    // Saved either way.
    expect(stopped.entry).toMatchObject({ startedAt: at(FAR - 1200), durationSeconds: 1800 });
  });

  it("moving the running timer's start into tracked time reports it", async () => {
    const entry = await tracked();
    await startTimer(ada, { projectId: p.docs });
    expect((await updateRunningTimer(ada, { description: "Now" })).overlaps).toEqual([]);
    expect((await updateRunningTimer(ada, { startedAt: at(FAR - 900) })).overlaps.map((o) => o.id)).toEqual([entry.id]);
  });

  it("a switch reports what the stopped entry overlaps", async () => {
    const entry = await tracked();
    await startTimer(ada, { projectId: p.docs, startedAt: at(FAR - 1200) });
    setNow(FAR + 600);
    const switched = await startTimer(ada, { projectId: p.website, stopRunning: true });
    expect(switched.stoppedEntryOverlaps.map((o) => o.id)).toEqual([entry.id]);
    expect(switched.overlaps).toEqual([]);
  });

  it("touching is not overlapping: a start at the end of an entry reports nothing", async () => {
    await tracked();
    expect((await startTimer(ada, { projectId: p.docs, startedAt: at(FAR - 600) })).overlaps).toEqual([]);
  });
});

describe("refusals name the action", () => {
  it("says stop, edit or discard — and changes nothing — when the timer named is not the one running", async () => {
    const { timer } = await startTimer(ada, { projectId: p.docs, description: "Kept" });
    setNow(600);
    await expect(stopTimer(ada, { timerId: "made-up" })).rejects.toMatchObject({ code: "conflict", message: STOP_OTHER_TIMER });
    await expect(updateRunningTimer(ada, { timerId: "made-up", description: "x" })).rejects.toMatchObject({ code: "conflict", message: EDIT_OTHER_TIMER });
    await expect(discardTimer(ada, { timerId: "made-up" })).rejects.toMatchObject({ code: "conflict", message: DISCARD_OTHER_TIMER });
    expect(EDIT_OTHER_TIMER).toMatch(/^Nothing was changed: the timer you edited/);
    expect(DISCARD_OTHER_TIMER).toMatch(/^Nothing was discarded/);
    expect(await getRunningTimer(ada)).toMatchObject({ id: timer.id, description: "Kept" });
  });
});

describe("descriptions print as typed (one schema for timer and entry)", () => {
  it.each([
    ["a NUL", "bad \u0000 text"],
    ["an escape", "bad \u001b[31m red"],
    ["a right-to-left override", "invoice \u202Efdp.exe"],
    ["a left-to-right embedding", "x \u202A y"],
    ["a direction isolate", "x \u2066 y \u2069"],
  ])("refuses %s in the timer's and the entry's description, changing nothing", async (_, description) => {
    const error = { code: "invalid_input", fieldErrors: { description: DESCRIPTION_NOT_PRINTABLE } };
    await expect(startTimer(ada, { projectId: p.docs, description })).rejects.toMatchObject(error);
    expect(await timerCount()).toBe(0);
    await startTimer(ada, { projectId: p.docs, description: "Kept" });
    await expect(updateRunningTimer(ada, { description })).rejects.toMatchObject(error);
    expect((await getRunningTimer(ada))?.description).toBe("Kept");
    await expect(createTimeEntry(ada, { projectId: p.docs, startedAt: at(-7200), durationSeconds: 60, description })).rejects.toMatchObject(error);
    const entry = await createTimeEntry(ada, { projectId: p.docs, startedAt: at(-7200), durationSeconds: 60, description: "Kept" });
    await expect(updateTimeEntry(ada, { id: entry.id, description })).rejects.toMatchObject(error);
    expect((await db.timeEntry.findUniqueOrThrow({ where: { id: entry.id } })).description).toBe("Kept");
  });

  it("keeps tabs and line breaks (Windows line endings become \\n)", async () => {
    const { timer } = await startTimer(ada, { projectId: p.docs, description: "a\tb\r\nc" });
    expect(timer.description).toBe("a\tb\nc");
    const entry = await createTimeEntry(ada, { projectId: p.docs, startedAt: at(-7200), durationSeconds: 60, description: "col1\tcol2\nline 2" });
    expect(entry.description).toBe("col1\tcol2\nline 2");
  });
});

describe("races", () => {
  it("of two starts at once, exactly one wins; the other is a clean conflict", async () => {
    for (const delay of STAGGERS_MS) {
      const [a, b] = await startApart(() => startTimer(ada, { projectId: p.docs }), () => startTimer(ada, { projectId: p.website }), delay);
      expect([a.status, b.status].sort(), `delay ${delay}`).toEqual(["fulfilled", "rejected"]);
      expect(rejection(a.status === "rejected" ? a : b)).toMatchObject({ code: "conflict" });
      expect(await timerCount()).toBe(1);
      await db.runningTimer.deleteMany({});
    }
  });

  it("of two stops at once, exactly one records an entry", async () => {
    for (const delay of STAGGERS_MS) {
      setNow(0);
      await startTimer(ada, { projectId: p.docs });
      setNow(3600);
      const before = await entriesOf(ada);
      const [a, b] = await startApart(() => stopTimer(ada), () => stopTimer(ada), delay);
      expect([a.status, b.status].sort(), `delay ${delay}`).toEqual(["fulfilled", "rejected"]);
      expect(rejection(a.status === "rejected" ? a : b)).toMatchObject({ code: "conflict" });
      expect(await entriesOf(ada)).toBe(before + 1);
      expect(await timerCount()).toBe(0);
    }
  });

  it("of two switching starts at once, one stops the old timer into one entry; one timer runs", async () => {
    for (const delay of STAGGERS_MS) {
      setNow(0);
      await startTimer(ada, { projectId: p.docs });
      setNow(3600);
      const before = await entriesOf(ada);
      const [a, b] = await startApart(
        () => startTimer(ada, { projectId: p.website, stopRunning: true }),
        () => startTimer(ada, { projectId: p.website, stopRunning: true }),
        delay,
      );
      // On SQLite the second sees the first's new timer (under a minute old) and switches again,
      // discarding it; on PostgreSQL it may lose the claim instead. Either way: one entry, one timer.
      const fulfilled = [a, b].filter((r) => r.status === "fulfilled").length;
      expect(fulfilled, `delay ${delay}`).toBeGreaterThanOrEqual(1);
      for (const r of [a, b]) if (r.status === "rejected") expect(rejection(r)).toMatchObject({ code: "conflict" });
      expect(await entriesOf(ada)).toBe(before + 1);
      expect(await timerCount()).toBe(1);
      await db.runningTimer.deleteMany({});
    }
  });
});
