import { z } from "zod";
import { createTask } from "@/lib/domain/tasks/create-task";
import { listTasks } from "@/lib/domain/tasks/list-tasks";
import { updateTask } from "@/lib/domain/tasks/update-task";
import { defineEndpoint } from "../endpoint";
import { ResourceId } from "../query";
import { TaskOut } from "../wire-schemas";
import { requestFields } from "./domain-fields";
import { bodyId, bodyIdList, EstimateSeconds, Name, queryId, TaskStatus } from "./params";

export const listTasksEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/tasks",
  operationId: "listTasks",
  summary: "List tasks",
  description: "Tasks with status, billable flag, estimate and tracked time in seconds, project, client and tags; by project then name.",
  tag: "Tasks",
  scope: "tasks:read",
  permission: "tasks:read",
  access: "read",
  query: z.strictObject({
    project_id: queryId("this project's tasks", "GET /api/v1/projects").optional(),
    status: TaskStatus.optional().describe("Only tasks with this status"),
  }),
  response: z.object({ data: z.array(TaskOut.extend({ tracked_seconds: z.number().int().describe("All time tracked on the task, in seconds") })) }),
  handle: async ({ actor }, { query }) => ({ data: await requestFields("query", listTasks(actor, { projectId: query.project_id, status: query.status })) }),
});

export const createTaskEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/tasks",
  operationId: "createTask",
  summary: "Create a task",
  description: "Adds a task to a project. Names are unique per project; billable defaults to the project's billable default.",
  tag: "Tasks",
  scope: "tasks:write",
  permission: "tasks:write",
  access: "write",
  body: z.strictObject({
    project_id: bodyId("the project", "GET /api/v1/projects"),
    name: Name.describe("Unique in the project"),
    status: TaskStatus.optional().describe("open (default), in_progress or done"),
    billable: z.boolean().optional().describe("Defaults to the project's billable default"),
    estimate_seconds: EstimateSeconds.nullable().optional().describe("Estimate in seconds, e.g. 36000 = 10 hours"),
    tag_ids: bodyIdList("tags", "GET /api/v1/tags", 20).optional(),
  }),
  response: TaskOut,
  successStatus: 201,
  idempotent: true,
  handle: ({ actor, tx }, { body }) =>
    requestFields(
      "body",
      createTask(actor, {
        projectId: body.project_id,
        name: body.name,
        status: body.status,
        billable: body.billable,
        estimateSeconds: body.estimate_seconds,
        tagIds: body.tag_ids,
      }, tx),
    ),
});

export const updateTaskEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/tasks/{id}",
  operationId: "updateTask",
  summary: "Change a task (name, status, billable, estimate, tags)",
  description: "Fields left out stay as they are; tag_ids replaces the whole set ([] removes all). Existing time entries keep their own billable flag.",
  tag: "Tasks",
  scope: "tasks:write",
  permission: "tasks:write",
  access: "write",
  params: z.strictObject({ id: ResourceId }),
  body: z.strictObject({
    name: Name.optional().describe("Unique in the project"),
    status: TaskStatus.optional().describe("open, in_progress or done"),
    billable: z.boolean().optional().describe("Whether new time on the task is billable"),
    estimate_seconds: EstimateSeconds.nullable().optional().describe("Estimate in seconds; null removes it"),
    tag_ids: bodyIdList("tags", "GET /api/v1/tags", 20).optional().describe("Replaces the task's tags"),
  }),
  response: TaskOut,
  handle: ({ actor }, { params, body }) =>
    requestFields(
      "body",
      updateTask(actor, {
        id: params.id,
        name: body.name,
        status: body.status,
        billable: body.billable,
        estimateSeconds: body.estimate_seconds,
        tagIds: body.tag_ids,
      }),
    ),
});
