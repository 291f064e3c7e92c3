/**
 * The running timer: start it on a project, see it, edit it, stop it into a time entry, or
 * discard it; continue a previous entry. One timer runs per member per workspace.
 */
import { z } from "zod";
import { localDateOf, localTimeOf } from "@/lib/domain/dates";
import { formatDuration } from "@/lib/domain/durations";
import { continueTimeEntry as continueTimeEntryInDomain } from "@/lib/domain/timer/continue-time-entry";
import { discardTimer as discardTimerInDomain } from "@/lib/domain/timer/discard-timer";
import { getRunningTimer as getRunningTimerInDomain } from "@/lib/domain/timer/get-running-timer";
import { startTimer as startTimerInDomain } from "@/lib/domain/timer/start-timer";
import { stopTimer as stopTimerInDomain } from "@/lib/domain/timer/stop-timer";
import { updateRunningTimer as updateRunningTimerInDomain } from "@/lib/domain/timer/update-running-timer";
import { conflict } from "@/lib/domain/errors";
import { getWorkspace } from "@/lib/domain/workspaces/get-workspace";
import { domainNamed } from "@/lib/integrations/wire";
import { Ref, TimeEntryOut } from "@/lib/integrations/wire-schemas";
import { OverlapOut, overlaps } from "./time-entries";
import { id, idList, text } from "./fields";
import { defineOperation } from "./operation";

export const TimerOut = z.object({
  id: z.string(),
  started_at: z.string().describe("ISO 8601 instant the timer (the work) started"),
  elapsed_seconds: z.number().int().describe("Whole seconds from started_at to the moment this answer was made"),
  description: z.string(),
  billable: z.boolean(),
  project: Ref,
  client: Ref,
  task: Ref.nullable(),
  tags: z.array(Ref),
});

/** Entries a timer's run so far overlaps: allowed, as for entries, but answered so the caller can tell the person. */
const runOverlaps = z
  .array(OverlapOut)
  .describe("Your entries the timer's run so far (from started_at to now) overlaps — a start inside time you already tracked — earliest first; [] when none. The timer runs either way.");

const StartedOut = z.object({
  timer: TimerOut,
  stopped_entry: TimeEntryOut.nullable().describe("The entry a previously running timer became when stop_running stopped it (it ends where the new timer starts); null otherwise"),
  discarded_previous: z.boolean().describe("true when stop_running discarded a previous timer that had run under a minute up to the new start (too short to become an entry)"),
  overlaps: runOverlaps,
  stopped_entry_overlaps: OverlapOut.array().describe("Your other entries stopped_entry overlaps, earliest first; [] when none (or no entry was made). The entry is saved either way."),
});

const instant = (what: string) =>
  z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time with an offset, such as 2026-11-23T09:00:00Z" }).describe(`${what}: ISO 8601 with an offset, e.g. 2026-11-23T09:30:00+01:00`);
const stopRunning = z
  .boolean()
  .default(false)
  .describe("When a timer is already running: false (default) refuses with a conflict naming it; true stops it into a time entry first and starts this one, in one step");
const timerId = id("the timer you saw", "get_running_timer").optional().describe("Id of the timer you saw (from get_running_timer): if another one runs by now, the call is refused instead of acting on it");

export const getRunningTimer = defineOperation({
  name: "get_running_timer",
  title: "Get the running timer",
  description:
    "Your running timer in this workspace, or timer: null when none runs: what it is on, when it started (started_at) and how long it has run (elapsed_seconds). Each member has at most one.",
  scope: "time:read", permission: "time:read_own", effect: "read",
  input: z.object({}),
  output: z.object({ timer: TimerOut.nullable() }),
  run: async ({ actor }) => ({ timer: await getRunningTimerInDomain(actor) }),
});

export const startTimer = defineOperation({
  name: "start_timer",
  title: "Start a timer",
  description:
    "Starts your timer on a project (project_id from list_projects, optional task_id from list_tasks), with an optional description, tag_ids (list_tags) and billable (defaults to the task's, else the project's, default). It starts now, or at started_at if the work began earlier (at most 24 hours ago). One timer runs per member: while one runs the start is refused naming it, unless stop_running is true, which stops it into a time entry first — ending where this one starts (started_at, or now), so no time is counted twice; a started_at at or before the running timer's start is refused, and a run under a minute up to it is discarded (discarded_previous). The answer's overlaps lists your entries the new timer's run overlaps, and stopped_entry_overlaps those the stopped entry overlaps (kept either way: tell the person). stop_timer ends it.",
  scope: "time:write", permission: "time:write_own", effect: "additive",
  input: z.object({
    project_id: id("the project", "list_projects"),
    task_id: id("a task of that project", "list_tasks").nullable().optional().describe("Id of a task of that project (from list_tasks)"),
    description: text(1_000).default("").describe("What you are working on"),
    billable: z.boolean().optional().describe("Defaults to the task's billable flag, else the project's billable default"),
    tag_ids: idList("tags", "list_tags", 20).default([]),
    started_at: instant("When the work started, if earlier than now (at most 24 hours ago)").optional(),
    stop_running: stopRunning,
  }),
  idempotencyKey: true,
  output: StartedOut,
  run: ({ actor, tx }, input) => startTimerInDomain(actor, domainNamed(input), tx),
});

export const stopTimer = defineOperation({
  name: "stop_timer",
  title: "Stop the timer",
  description:
    "Stops your running timer: it becomes a time entry from its start to now (or to stopped_at, for a timer left running), with its project, task, description, tags and billable flag, and the hourly rate resolved as for any entry. A run under a minute or over 24 hours is refused (discard_timer throws a timer away; stopped_at ends one earlier). The answer's overlaps lists your other entries the new entry overlaps (saved either way: tell the person).",
  scope: "time:write", permission: "time:write_own", effect: "additive",
  input: z.object({
    stopped_at: instant("When the work ended, if earlier than now (default now)").optional(),
    timer_id: timerId,
  }),
  idempotencyKey: true,
  output: z.object({ time_entry: TimeEntryOut, overlaps }),
  run: async ({ actor, tx }, input) => {
    const { entry, overlaps } = await stopTimerInDomain(actor, domainNamed(input), tx);
    return { time_entry: entry, overlaps };
  },
});

export const updateRunningTimer = defineOperation({
  name: "update_running_timer",
  title: "Edit the running timer",
  description:
    "Changes your running timer while it runs. Fields left out stay as they are. A new project_id drops a task of the old project unless task_id is given; task_id null removes the task; tag_ids replaces all tags; started_at moves the start (at most 24 hours ago, not in the future). The answer's overlaps lists your entries the timer's run (from its start to now) overlaps, e.g. after moving the start into time you already tracked.",
  scope: "time:write", permission: "time:write_own", effect: "updating",
  input: z.object({
    project_id: id("the project to move it to", "list_projects").optional(),
    task_id: id("a task of the timer's project", "list_tasks").nullable().optional().describe("A task of the timer's (new) project; null removes the task"),
    description: text(1_000).optional().describe("What you are working on"),
    billable: z.boolean().optional().describe("Whether the time will be billable"),
    tag_ids: idList("tags", "list_tags", 20).optional().describe("Replaces the timer's tags; [] removes them all"),
    started_at: instant("When the work started").optional(),
    timer_id: timerId,
  }),
  output: z.object({ timer: TimerOut, overlaps: runOverlaps }),
  run: ({ actor }, input) => updateRunningTimerInDomain(actor, domainNamed(input)),
});

export const discardTimer = defineOperation({
  name: "discard_timer",
  title: "Discard the timer",
  description: "Throws your running timer away without recording any time (stop_timer records it instead).",
  scope: "time:write", permission: "time:write_own", effect: "destructive",
  input: z.object({ timer_id: timerId }),
  output: z.object({ discarded: TimerOut }),
  async confirm({ actor }, input) {
    // The dry run refuses now what discarding would refuse (no timer, or not the one seen).
    const [timer, { timeZone }] = await Promise.all([getRunningTimerInDomain(actor), getWorkspace(actor)]);
    if (!timer || (input.timer_id && input.timer_id !== timer.id)) {
      throw conflict(timer ? "Another timer is running than the one named; read it with get_running_timer." : "No timer is running.");
    }
    const since = `${localDateOf(timer.startedAt, timeZone)} ${localTimeOf(timer.startedAt, timeZone)}`;
    return `Discard the timer on ${timer.project.name}${timer.description ? ` ("${timer.description}")` : ""}, running since ${since} (${formatDuration(timer.elapsedSeconds)}); that time is not recorded`;
  },
  run: async ({ actor }, input) => ({ discarded: await discardTimerInDomain(actor, domainNamed(input)) }),
});

export const continueTimeEntry = defineOperation({
  name: "continue_time_entry",
  title: "Continue a time entry",
  description:
    "Starts your timer now on the same project, task, description, tags and billable flag as one of your own time entries (time_entry_id from list_time_entries). As with start_timer, a running timer refuses it unless stop_running is true (it then stops now into an entry, or is discarded if it ran under a minute), and the answer has the same overlaps fields. Only your own entries: another member's is refused.",
  scope: "time:write", permission: "time:write_own", effect: "additive",
  input: z.object({ time_entry_id: id("one of your entries", "list_time_entries"), stop_running: stopRunning }),
  idempotencyKey: true,
  output: StartedOut,
  fieldNames: { id: "time_entry_id" },
  run: ({ actor, tx }, { time_entry_id, stop_running }) => continueTimeEntryInDomain(actor, { id: time_entry_id, stopRunning: stop_running }, tx),
});
