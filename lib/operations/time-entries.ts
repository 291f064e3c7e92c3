/** Time entries: tracked blocks of work, the raw material of invoices. */
import { z } from "zod";
import type { DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { localDateOf, localTimeOf } from "@/lib/domain/dates";
import { formatDuration } from "@/lib/domain/durations";
import { invalidInput } from "@/lib/domain/errors";
import { createTimeEntry as createTimeEntryInDomain } from "@/lib/domain/time-entries/create-time-entry";
import { checkTimeEntryDeletion, deleteTimeEntry as deleteTimeEntryInDomain } from "@/lib/domain/time-entries/delete-time-entry";
import { getTimeEntry as getTimeEntryInDomain } from "@/lib/domain/time-entries/get-time-entry";
import { listTimeEntries as listTimeEntriesInDomain } from "@/lib/domain/time-entries/list-time-entries";
import { updateTimeEntry as updateTimeEntryInDomain } from "@/lib/domain/time-entries/update-time-entry";
import { findOverlappingEntries } from "@/lib/domain/time-entries/find-overlapping-entries";
import type { TimeEntryView } from "@/lib/domain/time-entries/time-entry-view";
import { getWorkspace } from "@/lib/domain/workspaces/get-workspace";
import { domainNamed } from "@/lib/integrations/wire";
import { DeletedTimeEntryOut, Ref, TimeEntryOut } from "@/lib/integrations/wire-schemas";
import { entryStart } from "./entry-start";
import { clockTime, cursor, date, durationSeconds, id, idList, limit, page, startedAt, text } from "./fields";
import { defineOperation } from "./operation";

const TimeEntryId = z.object({ time_entry_id: id("the entry", "list_time_entries") });
const MEMBER_SOURCE = "member.id on time entries, or get_profile's member_id";

export const listTimeEntries = defineOperation({
  name: "list_time_entries",
  title: "List time entries",
  description:
    "Tracked time, newest first, one page at a time: while next_cursor is not null, ask again with cursor set to it for the next (older) page. Filters: from/to (YYYY-MM-DD, inclusive, in the workspace's time zone), project_id (list_projects), client_id (list_clients), member_id (member.id of an entry, or get_profile's member_id), billable, invoiced, tag_ids (entries with any of these tags, from list_tags). Durations are seconds, hourly_rate is minor units per hour; started_at is an ISO 8601 instant. Members see only their own entries.",
  scope: "time:read", permission: "time:read_own", effect: "read",
  input: z.object({
    from: date("First day").optional(),
    to: date("Last day, inclusive").optional(),
    project_id: id("a project", "list_projects").optional(),
    client_id: id("a client", "list_clients").optional(),
    member_id: id("a workspace member", MEMBER_SOURCE).optional(),
    billable: z.boolean().optional().describe("true: only billable entries; false: only non-billable ones"),
    invoiced: z.boolean().optional().describe("true: only entries already on an invoice; false: only unbilled ones"),
    tag_ids: idList("tags", "list_tags", 20).optional().describe("Entries carrying any of these tags (ids from list_tags)"),
    cursor: cursor.optional(),
    limit,
  }),
  output: page("entries", TimeEntryOut),
  // tag_ids: REST reads it as the repeatable tag_id, and names it so in a refusal.
  fieldNames: { membershipId: "member_id", tagIds: "tag_ids" },
  run: ({ actor }, { member_id, ...filters }) => listTimeEntriesInDomain(actor, { ...domainNamed(filters), membershipId: member_id }),
});

export const getTimeEntry = defineOperation({
  name: "get_time_entry",
  title: "Get a time entry",
  description: "One time entry: when, how long, on what, by whom, at which rate, and the invoice it is on, if any.",
  scope: "time:read", permission: "time:read_own", effect: "read",
  input: TimeEntryId,
  output: z.object({ time_entry: TimeEntryOut }),
  run: async ({ actor }, input) => ({ time_entry: await getTimeEntryInDomain(actor, input.time_entry_id) }),
});

/**
 * Time of the same member that a saved entry overlaps. Overlaps are saved (as Toggl and Harvest
 * do) but said: the answer lists them so a script or an assistant can tell the person.
 */
export const OverlapOut = z.object({
  id: z.string(),
  started_at: z.string().describe("ISO 8601 instant"),
  ended_at: z.string().describe("ISO 8601 instant: started_at + duration_seconds"),
  duration_seconds: z.number().int(),
  description: z.string(),
  project: Ref,
  task: Ref.nullable(),
});
export const overlaps = z
  .array(OverlapOut)
  .describe("The member's other entries this one overlaps (sharing at least a second; touching end to start is not an overlap), earliest first; [] when none. The entry is saved either way.");

/** The saved entry and what it overlaps, read in the same transaction when there is one. */
async function withOverlaps(actor: Actor, entry: TimeEntryView, tx?: DbTx) {
  const found = await findOverlappingEntries(actor, { membershipId: entry.member.id, startedAt: entry.startedAt, durationSeconds: entry.durationSeconds, excludeEntryId: entry.id }, tx);
  return { time_entry: entry, overlaps: found };
}

/** What create and update share: the start in either form, and the entry's fields. */
const entryFields = {
  started_at: startedAt.optional(),
  date: date("Day the work started (with start_time)").optional(),
  start_time: clockTime.optional(),
  billable: z.boolean().optional().describe("Defaults to the task's billable flag, else the project's billable default"),
};

export const createTimeEntry = defineOperation({
  name: "create_time_entry",
  title: "Track time",
  description:
    "Records a block of work on a project (project_id from list_projects, optional task_id from list_tasks). When: either started_at (ISO 8601 with an offset) or date (YYYY-MM-DD) + start_time (HH:MM), both in the workspace's time zone (see get_workspace) — not both forms; date alone starts the entry where that member's latest entry of the day ended (09:00 on an empty day). How long: duration_seconds, a whole number of seconds from 60 to 86400 (1:30 = 5400). billable defaults to the task's, else the project's, default; the hourly rate is resolved from rules and the project and kept on the entry. Owners and admins may track for another member with member_id. Overlapping the member's other time is allowed; the answer's overlaps lists what it overlaps, so tell the person.",
  scope: "time:write", permission: "time:write_own", effect: "additive",
  idempotencyKey: true,
  input: z.object({
    project_id: id("the project", "list_projects"),
    task_id: id("a task of that project", "list_tasks").nullable().optional().describe("Id of a task of that project (from list_tasks)"),
    ...entryFields,
    duration_seconds: durationSeconds.describe("Duration in seconds, 60–86400 (e.g. 5400 for 1:30)"),
    description: text(1_000).default("").describe("What was done"),
    tag_ids: idList("tags", "list_tags", 20).default([]),
    member_id: id("the member to track for", "member.id on time entries").optional().describe("Owners and admins only: track for another member; defaults to you"),
  }),
  output: z.object({ time_entry: TimeEntryOut, overlaps }),
  fieldNames: { membershipId: "member_id" },
  async run({ actor, tx }, { started_at, date, start_time, member_id, ...entry }) {
    const startedAt = await entryStart(actor, { started_at, date, start_time }, { membershipId: member_id });
    if (startedAt === undefined) {
      throw invalidInput("Say when the work started: started_at (ISO 8601 with an offset), or date and start_time in the workspace's time zone.", {
        started_at: "or date and start_time is required",
      });
    }
    return withOverlaps(actor, await createTimeEntryInDomain(actor, { ...domainNamed(entry), startedAt, membershipId: member_id }, tx), tx);
  },
});

export const updateTimeEntry = defineOperation({
  name: "update_time_entry",
  title: "Edit a time entry",
  description:
    "Changes a time entry that is not on an invoice (an invoiced entry is locked until its invoice is voided). Fields left out stay as they are. To move it in time give started_at (ISO 8601 with an offset) or date (YYYY-MM-DD) + start_time (HH:MM) together, in the workspace's time zone. duration_seconds is whole seconds, 60–86400. Moving it to another project (project_id) re-resolves its hourly rate and drops a task of the old project; task_id null removes the task; tag_ids replaces all tags. The answer's overlaps lists the member's other entries it now overlaps (saved either way).",
  scope: "time:write", permission: "time:write_own", effect: "updating",
  input: z.object({
    time_entry_id: id("the entry", "list_time_entries"),
    project_id: id("the project to move it to", "list_projects").optional(),
    task_id: id("a task of the entry's project", "list_tasks").nullable().optional().describe("A task of the entry's (new) project; null removes the task"),
    ...entryFields,
    date: date("New day (with start_time)").optional(),
    duration_seconds: durationSeconds.optional().describe("New duration in seconds, 60–86400"),
    description: text(1_000).optional().describe("What was done"),
    billable: z.boolean().optional().describe("Whether the entry is billable"),
    tag_ids: idList("tags", "list_tags", 20).optional().describe("Replaces the entry's tags; [] removes them all"),
  }),
  output: z.object({ time_entry: TimeEntryOut, overlaps }),
  fieldNames: { id: "time_entry_id" },
  run: async ({ actor }, { time_entry_id, started_at, date, start_time, ...changes }) =>
    withOverlaps(actor, await updateTimeEntryInDomain(actor, { id: time_entry_id, ...domainNamed(changes), startedAt: await entryStart(actor, { started_at, date, start_time }) })),
});

export const deleteTimeEntry = defineOperation({
  name: "delete_time_entry",
  title: "Delete a time entry",
  description: "Deletes a time entry that is not on an invoice. Administrative: needs the hourbook:admin scope.",
  scope: "hourbook:admin", permission: "time:write_own", effect: "destructive",
  input: TimeEntryId,
  output: z.object({ deleted: DeletedTimeEntryOut }),
  async confirm({ actor }, input) {
    // The dry run refuses now what deleting would refuse (an invoiced entry, someone else's).
    await checkTimeEntryDeletion(actor, { id: input.time_entry_id });
    const [entry, { timeZone }] = await Promise.all([getTimeEntryInDomain(actor, input.time_entry_id), getWorkspace(actor)]);
    const when = `${localDateOf(entry.startedAt, timeZone)} at ${localTimeOf(entry.startedAt, timeZone)}`;
    return `Delete ${formatDuration(entry.durationSeconds)} on ${entry.project.name} by ${entry.member.name} (${when}${entry.description ? `, "${entry.description}"` : ""})`;
  },
  run: async ({ actor }, input) => ({ deleted: await deleteTimeEntryInDomain(actor, { id: input.time_entry_id }) }),
});
