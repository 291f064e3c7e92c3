import { z } from "zod";
import { createTimeEntry } from "@/lib/domain/time-entries/create-time-entry";
import { deleteTimeEntry } from "@/lib/domain/time-entries/delete-time-entry";
import { getTimeEntry } from "@/lib/domain/time-entries/get-time-entry";
import { listTimeEntries } from "@/lib/domain/time-entries/list-time-entries";
import { updateTimeEntry } from "@/lib/domain/time-entries/update-time-entry";
import { defineEndpoint } from "../endpoint";
import { QueryBoolean, ResourceId } from "../query";
import { DeletedTimeEntryOut, TimeEntryOut } from "../wire-schemas";
import { requestFields } from "./domain-fields";
import { bodyId, bodyIdList, Cursor, DurationSeconds, isoDate, Limit, NextCursor, queryId, queryIdList, StartedAt } from "./params";

export const listTimeEntriesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/time-entries",
  operationId: "listTimeEntries",
  summary: "List time entries",
  description:
    "Tracked time, newest first, a page at a time: while next_cursor is not null, ask again with cursor set to it. Dates are read in the workspace's time zone. Members see only their own entries.",
  tag: "Time entries",
  scope: "time:read",
  permission: "time:read_own",
  access: "read",
  query: z.strictObject({
    from: isoDate("First day").optional(),
    to: isoDate("Last day, inclusive").optional(),
    project_id: queryId("this project's time", "GET /api/v1/projects").optional(),
    client_id: queryId("this client's time", "GET /api/v1/clients").optional(),
    member_id: queryId("this member's time", "member.id of an entry, or GET /api/v1/me").optional(),
    billable: QueryBoolean.optional().describe("true: only billable entries; false: only non-billable ones"),
    invoiced: QueryBoolean.optional().describe("true: only entries on an invoice; false: only unbilled ones"),
    tag_id: queryIdList("Entries carrying any of these tags (ids from GET /api/v1/tags)", 20).optional(),
    cursor: Cursor.optional(),
    limit: Limit.optional(),
  }),
  response: z.object({ data: z.array(TimeEntryOut), next_cursor: NextCursor }),
  async handle({ actor }, { query }) {
    const page = await requestFields(
      "query",
      listTimeEntries(actor, {
        from: query.from,
        to: query.to,
        projectId: query.project_id,
        clientId: query.client_id,
        membershipId: query.member_id,
        billable: query.billable,
        invoiced: query.invoiced,
        tagIds: query.tag_id,
        cursor: query.cursor,
        limit: query.limit,
      }),
      { membershipId: "member_id", tagIds: "tag_id" },
    );
    return { data: page.entries, nextCursor: page.nextCursor };
  },
});

export const getTimeEntryEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/time-entries/{id}",
  operationId: "getTimeEntry",
  summary: "Get a time entry",
  tag: "Time entries",
  scope: "time:read",
  permission: "time:read_own",
  access: "read",
  params: z.strictObject({ id: ResourceId }),
  query: z.strictObject({}),
  response: TimeEntryOut,
  handle: ({ actor }, { params }) => getTimeEntry(actor, params.id),
});

export const createTimeEntryEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/time-entries",
  operationId: "createTimeEntry",
  summary: "Track time",
  description:
    "Records a block of work on a project. billable defaults to the task's flag, else the project's billable default; the hourly rate is resolved from rules and the project and kept on the entry. Owners and admins may track for another member with member_id.",
  tag: "Time entries",
  scope: "time:write",
  permission: "time:write_own",
  access: "write",
  body: z.strictObject({
    project_id: bodyId("the project", "GET /api/v1/projects"),
    task_id: bodyId("a task of that project", "GET /api/v1/tasks").nullable().optional(),
    started_at: StartedAt,
    duration_seconds: DurationSeconds.describe("Whole seconds, 60–86400 (1:30 = 5400)"),
    description: z.string().max(1_000).optional().describe("What was done"),
    billable: z.boolean().optional().describe("Defaults to the task's billable flag, else the project's billable default"),
    tag_ids: bodyIdList("tags", "GET /api/v1/tags", 20).optional(),
    member_id: bodyId("the member to track for", "member.id on time entries").optional().describe("Owners and admins only: track for another member; defaults to you"),
  }),
  response: TimeEntryOut,
  successStatus: 201,
  idempotent: true,
  handle: ({ actor, tx }, { body }) =>
    requestFields(
      "body",
      createTimeEntry(actor, {
        projectId: body.project_id,
        taskId: body.task_id,
        startedAt: body.started_at,
        durationSeconds: body.duration_seconds,
        description: body.description,
        billable: body.billable,
        tagIds: body.tag_ids,
        membershipId: body.member_id,
      }, tx),
      { membershipId: "member_id" },
    ),
});

export const updateTimeEntryEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/time-entries/{id}",
  operationId: "updateTimeEntry",
  summary: "Edit a time entry",
  description:
    "Changes an entry that is not on an invoice (invoiced time is locked until its invoice is voided). Fields left out stay as they are. Moving it to another project re-resolves its hourly rate and drops a task of the old project; task_id null removes the task; tag_ids replaces all tags.",
  tag: "Time entries",
  scope: "time:write",
  permission: "time:write_own",
  access: "write",
  params: z.strictObject({ id: ResourceId }),
  body: z.strictObject({
    project_id: bodyId("the project to move it to", "GET /api/v1/projects").optional(),
    task_id: bodyId("a task of the entry's project", "GET /api/v1/tasks").nullable().optional().describe("A task of the entry's (new) project; null removes the task"),
    started_at: StartedAt.optional(),
    duration_seconds: DurationSeconds.optional().describe("Whole seconds, 60–86400"),
    description: z.string().max(1_000).optional().describe("What was done"),
    billable: z.boolean().optional().describe("Whether the entry is billable"),
    tag_ids: bodyIdList("tags", "GET /api/v1/tags", 20).optional().describe("Replaces the entry's tags; [] removes them all"),
  }),
  response: TimeEntryOut,
  handle: ({ actor }, { params, body }) =>
    requestFields(
      "body",
      updateTimeEntry(actor, {
        id: params.id,
        projectId: body.project_id,
        taskId: body.task_id,
        startedAt: body.started_at,
        durationSeconds: body.duration_seconds,
        description: body.description,
        billable: body.billable,
        tagIds: body.tag_ids,
      }),
    ),
});

export const deleteTimeEntryEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/time-entries/{id}",
  operationId: "deleteTimeEntry",
  summary: "Delete a time entry",
  description: "Deletes an entry that is not on an invoice. Administrative, as for AI assistants: needs the hourbook:admin scope.",
  tag: "Time entries",
  scope: "hourbook:admin",
  permission: "time:write_own",
  access: "admin",
  params: z.strictObject({ id: ResourceId }),
  response: DeletedTimeEntryOut,
  successStatus: 204,
  handle: ({ actor }, { params }) => deleteTimeEntry(actor, { id: params.id }),
});
